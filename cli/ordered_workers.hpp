#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace broadside::cli {

/// Runs `work(state, i)` for i = 0..count-1 on `jobs` threads and hands every result to
/// `consume(i, result)` on the calling thread, in index order, so output never depends on
/// scheduling. Each thread calls `make_state()` once and keeps that state for all its items
/// (a PdfExporter with its fonts and shaping cache). Workers run at most `window` items ahead
/// of the consumer, which bounds the results alive at once. When `consume` returns false no
/// further items start and the function returns false. An exception thrown by a worker is
/// rethrown here when its item's turn comes.
template <class State, class Result>
bool run_in_order(std::size_t count, unsigned jobs, std::size_t window,
                  const std::function<State()>& make_state,
                  const std::function<Result(State&, std::size_t)>& work,
                  const std::function<bool(std::size_t, Result&&)>& consume) {
    struct Done {
        std::optional<Result> result;
        std::exception_ptr error;
    };
    std::mutex mutex;
    std::condition_variable ready, room;
    std::map<std::size_t, Done> done;
    std::size_t next_task = 0, next_out = 0;
    bool stop = false;
    window = std::max<std::size_t>(window, 1);

    auto worker = [&] {
        std::optional<State> state;
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex);
                room.wait(lock, [&] {
                    return stop || next_task >= count || next_task < next_out + window;
                });
                if (stop || next_task >= count) return;
                i = next_task++;
            }
            Done d;
            try {
                if (!state) state.emplace(make_state());
                d.result.emplace(work(*state, i));
            } catch (...) {
                d.error = std::current_exception();
            }
            std::lock_guard lock(mutex);
            done.emplace(i, std::move(d));
            ready.notify_all();
        }
    };

    std::vector<std::jthread> threads;
    const unsigned n =
        std::clamp<unsigned>(jobs, 1, static_cast<unsigned>(std::max<std::size_t>(count, 1)));
    for (unsigned t = 0; t < n; ++t) threads.emplace_back(worker);

    auto halt = [&] {
        std::lock_guard lock(mutex);
        stop = true;
        room.notify_all();
    };
    for (std::size_t i = 0; i < count; ++i) {
        Done d;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return done.contains(i); });
            auto node = done.extract(i);
            d = std::move(node.mapped());
            ++next_out;
            room.notify_all();
        }
        if (d.error) {
            halt();
            threads.clear();  // joins before the exception leaves this frame
            std::rethrow_exception(d.error);
        }
        if (!consume(i, std::move(*d.result))) {
            halt();
            return false;
        }
    }
    return true;
}

}  // namespace broadside::cli
