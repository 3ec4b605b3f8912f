#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace broadside::epub {

/// Makes items 0..count-1 on worker threads while a consumer takes them in order. Workers
/// stay at most `window` items ahead of the highest item asked for, so memory holds a few
/// items, never all of them.
class OrderedPipeline {
  public:
    /// `make(i)` returns the item, or nothing on failure; it must not throw.
    using Make = std::function<std::optional<std::string>(std::size_t)>;

    OrderedPipeline(std::size_t count, unsigned workers, std::size_t window, Make make)
        : make_(std::move(make)), window_(std::max<std::size_t>(window, 1)), slots_(count) {
        for (unsigned t = 0; t < std::max(1u, workers); ++t)
            threads_.emplace_back([this] { run(); });
    }

    ~OrderedPipeline() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        for (auto& t : threads_) t.join();
    }

    OrderedPipeline(const OrderedPipeline&) = delete;
    OrderedPipeline& operator=(const OrderedPipeline&) = delete;

    /// Waits for item `i` and hands it over; nothing when making it failed.
    std::optional<std::string> take(std::size_t i) {
        std::unique_lock lock(mutex_);
        asked_ = std::max(asked_, i);
        changed_.notify_all();
        changed_.wait(lock, [&] { return slots_[i].done; });
        slots_[i].done = false;
        return std::move(slots_[i].value);
    }

  private:
    struct Slot {
        bool done = false;
        std::optional<std::string> value;
    };

    void run() {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] {
                    return stop_ || (next_ < slots_.size() && next_ < asked_ + window_);
                });
                if (stop_) return;
                i = next_++;
            }
            std::optional<std::string> value = make_(i);
            {
                std::lock_guard lock(mutex_);
                slots_[i].value = std::move(value);
                slots_[i].done = true;
            }
            changed_.notify_all();
        }
    }

    Make make_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Slot> slots_;
    std::size_t next_ = 0;
    std::size_t asked_ = 0;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace broadside::epub
