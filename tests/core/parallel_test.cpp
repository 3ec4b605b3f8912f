// The thread helpers every multi-threaded job uses (core/include/broadside/core/parallel.hpp).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "broadside/core/parallel.hpp"

using namespace broadside::core;

namespace {
struct Counter {
    int items = 0;  ///< items this worker made: the state lives as long as its worker
};
}  // namespace

TEST_CASE("ordered work hands results over in index order, whatever the workers' timing") {
    std::vector<std::size_t> seen;
    std::atomic<int> states{0};
    const bool finished = run_in_order<Counter, std::size_t>(
        200, 4, 8,
        [&] {
            ++states;
            return Counter{};
        },
        [](Counter& c, std::size_t i) {
            ++c.items;
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 300));
            return i * i;
        },
        [&](std::size_t i, std::size_t&& r) {
            CHECK(r == i * i);
            seen.push_back(i);
            return true;
        });
    CHECK(finished);
    REQUIRE(seen.size() == 200);
    for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
    CHECK(states.load() <= 4);  // one state per worker, not per item
}

TEST_CASE("ordered work stays within its window, stops when told, rethrows at the item") {
    std::atomic<std::size_t> highest{0};
    std::size_t consumed = 0;
    const bool finished = run_in_order<Counter, int>(
        1000, 3, 5, [] { return Counter{}; },
        [&](Counter&, std::size_t i) {
            std::size_t h = highest.load();
            while (i > h && !highest.compare_exchange_weak(h, i)) {
            }
            return 0;
        },
        [&](std::size_t i, int&&) {
            consumed = i + 1;
            // Workers never start an item more than the window past the one taken last.
            CHECK(highest.load() < i + 5 + 1);
            return i < 9;
        });
    CHECK_FALSE(finished);
    CHECK(consumed == 10);
    CHECK(highest.load() < 1000);  // the rest never started

    std::size_t before_error = 0;
    auto failing = [&] {
        return run_in_order<Counter, int>(
            50, 2, 4, [] { return Counter{}; },
            [](Counter&, std::size_t i) {
                if (i == 17) throw std::runtime_error("item 17");
                return static_cast<int>(i);
            },
            [&](std::size_t i, int&&) {
                before_error = i + 1;
                return true;
            });
    };
    CHECK_THROWS_WITH(failing(), "item 17");
    CHECK(before_error == 17);  // every item before the failing one was consumed, in order
}

TEST_CASE("parallel_for visits every item once") {
    std::vector<std::atomic<int>> visits(1000);
    parallel_for(visits.size(), 3, [&](std::size_t i) { ++visits[i]; });
    for (const auto& v : visits) CHECK(v.load() == 1);
    CHECK(worker_count(0, 1) == 1);
    CHECK(worker_count(8, 3) == 3);
}
