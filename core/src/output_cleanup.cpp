#include "output_cleanup.hpp"

#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <mutex>

#include "broadside/core/output_file.hpp"

namespace broadside::core {
namespace output_cleanup {
namespace {

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

// The paths that exist right now, for the signal handler. Blocks of slots are linked as needed
// and never freed, so the handler can walk them without a lock or malloc. A slot holds a heap
// copy of one path or null; whoever exchanges a path out owns it (the handler removes it and
// never frees it).
constexpr std::size_t slots_per_block = 256;
struct Block {
    Slot slots[slots_per_block]{};
    std::atomic<Block*> next{nullptr};
};
Block files;
Block folders;
std::atomic<bool> dying{false};  ///< a handler has started: no new names from now on
std::atomic<int> naming{0};      ///< operations creating or renaming a name, in flight

Slot* remember(Block& registry, const std::string& path) {
    char* copy = new char[path.size() + 1];
    std::memcpy(copy, path.c_str(), path.size() + 1);
    for (Block* b = &registry;;) {
        for (auto& slot : b->slots) {
            char* empty = nullptr;
            if (slot.load(std::memory_order_relaxed) == nullptr &&
                slot.compare_exchange_strong(empty, copy))
                return &slot;
        }
        Block* next = b->next.load();
        if (!next) {
            auto* fresh = new Block;
            if (b->next.compare_exchange_strong(next, fresh)) {
                next = fresh;
            } else {
                delete fresh;  // another thread linked one first; `next` is that one
            }
        }
        b = next;
    }
}

void on_signal(int sig) {
    const int saved = errno;
    dying.store(true);
    // A name being created or renamed right now is in the registry only once that is done:
    // wait for it (briefly; a hung file system must not keep the program alive).
    const timespec millisecond{0, 1000000};
    for (int i = 0; i < 2000 && naming.load() > 0; ++i) ::nanosleep(&millisecond, nullptr);
    for (Block* b = &files; b; b = b->next.load())
        for (auto& slot : b->slots)
            if (char* path = slot.exchange(nullptr)) ::unlink(path);
    for (Block* b = &folders; b; b = b->next.load())
        for (auto& slot : b->slots)
            if (char* path = slot.exchange(nullptr)) ::rmdir(path);
    errno = saved;
    // SA_RESETHAND restored the default action: the program ends by this signal once the
    // handler returns, and the caller sees the usual status.
    ::raise(sig);
}

}  // namespace

Slot* remember_file(const std::string& path) {
    return remember(files, path);
}

Slot* remember_folder(const std::string& path) {
    return remember(folders, path);
}

void forget(Slot* slot) {
    if (slot) delete[] slot->exchange(nullptr);
}

Naming::Naming() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : cleanup_signals) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
    naming.fetch_add(1);
}

Naming::~Naming() {
    naming.fetch_sub(1);
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
}

bool Naming::interrupted() const {
    return dying.load();
}

}  // namespace output_cleanup

void install_output_cleanup() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = output_cleanup::on_signal;
        sigemptyset(&action.sa_mask);
        for (int s : output_cleanup::cleanup_signals) sigaddset(&action.sa_mask, s);
        action.sa_flags = SA_RESETHAND;
        for (int s : output_cleanup::cleanup_signals) {
            struct sigaction old {};
            if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
            ::sigaction(s, &action, nullptr);
        }
        ::signal(SIGXFSZ, SIG_IGN);
    });
}

}  // namespace broadside::core
