// The two ways work is spread over cores: items in any order (parallel_for), and items made on
// worker threads but taken in index order (OrderedWork, run_in_order), so output never depends
// on scheduling. Every multi-threaded job of the program goes through these.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace broadside::core {

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

/// Makes results 0..count-1 on worker threads while one consumer takes them in index order.
/// Each worker calls `make_state()` once and keeps that state for all its items (a PdfExporter
/// with its fonts and shaping cache). Workers stay at most `window` items ahead of the highest
/// item taken, so memory holds a few results, never all of them. An exception thrown by
/// `work` is rethrown by take() of its item. Destroying it stops the workers after the items
/// they are making.
template <class State, class Result>
class OrderedWork {
  public:
    OrderedWork(std::size_t count, unsigned workers, std::size_t window,
                std::function<State()> make_state, std::function<Result(State&, std::size_t)> work)
        : make_state_(std::move(make_state)),
          work_(std::move(work)),
          window_(std::max<std::size_t>(window, 1)),
          slots_(count) {
        const auto n = static_cast<unsigned>(
            std::clamp<std::size_t>(workers, 1, std::max<std::size_t>(count, 1)));
        for (unsigned t = 0; t < n; ++t) threads_.emplace_back([this] { run(); });
    }

    ~OrderedWork() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
    }  // threads_ is the last member, so the workers are joined before anything they use goes

    OrderedWork(const OrderedWork&) = delete;
    OrderedWork& operator=(const OrderedWork&) = delete;

    /// Waits for item `i` (each taken once) and hands it over.
    Result take(std::size_t i) {
        std::unique_lock lock(mutex_);
        asked_ = std::max(asked_, i);
        changed_.notify_all();
        changed_.wait(lock, [&] { return slots_[i].has_value(); });
        Done done = std::move(*slots_[i]);
        slots_[i].reset();
        lock.unlock();
        if (done.error) std::rethrow_exception(done.error);
        return std::move(*done.result);
    }

  private:
    struct Done {
        std::optional<Result> result;
        std::exception_ptr error;
    };

    void run() {
        std::optional<State> state;
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] {
                    return stop_ || next_ >= slots_.size() || next_ < asked_ + window_;
                });
                if (stop_ || next_ >= slots_.size()) return;
                i = next_++;
            }
            Done done;
            try {
                if (!state) state.emplace(make_state_());
                done.result.emplace(work_(*state, i));
            } catch (...) {
                done.error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex_);
                slots_[i].emplace(std::move(done));
            }
            changed_.notify_all();
        }
    }

    std::function<State()> make_state_;
    std::function<Result(State&, std::size_t)> work_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::optional<Done>> slots_;
    std::size_t next_ = 0;   ///< the next item a worker starts
    std::size_t asked_ = 0;  ///< the highest item taken so far
    bool stop_ = false;
    std::vector<std::jthread> threads_;
};

/// Runs `work(state, i)` for i = 0..count-1 on `jobs` threads (OrderedWork) and hands every
/// result to `consume(i, result)` on the calling thread, in index order. When `consume` returns
/// false no further items start and the function returns false. An exception thrown by a
/// worker is rethrown here when its item's turn comes.
template <class State, class Result>
bool run_in_order(std::size_t count, unsigned jobs, std::size_t window,
                  std::function<State()> make_state,
                  std::function<Result(State&, std::size_t)> work,
                  const std::function<bool(std::size_t, Result&&)>& consume) {
    OrderedWork<State, Result> ordered(count, jobs, window, std::move(make_state), std::move(work));
    for (std::size_t i = 0; i < count; ++i)
        if (!consume(i, ordered.take(i))) return false;
    return true;
}

}  // namespace broadside::core
