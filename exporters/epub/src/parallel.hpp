#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace broadside::epub {

/// The number of worker threads for `jobs` (0 = one per core), never more than `work` items.
inline unsigned worker_count(int jobs, std::size_t work) {
    unsigned n = jobs > 0 ? static_cast<unsigned>(jobs) : std::thread::hardware_concurrency();
    if (n == 0) n = 1;
    if (work < n) n = static_cast<unsigned>(work == 0 ? 1 : work);
    return n;
}

/// Calls `fn(i)` for every i in [0, count) on `worker_count(jobs, count)` threads. Items are
/// taken in increasing order, so early items finish early. `fn` must not throw.
template <class Fn>
void parallel_for(std::size_t count, int jobs, Fn&& fn) {
    std::atomic<std::size_t> next{0};
    auto work = [&]() {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) fn(i);
    };
    unsigned n = worker_count(jobs, count);
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
}

}  // namespace broadside::epub
