#pragma once

#include <signal.h>

#include <atomic>
#include <string>

// What the interrupt handler of install_output_cleanup() removes: the temporary names of output
// files (OutputFile) and the staging folders that hold some of them (StagingFolder). Internal to
// core; the handler itself is in output_cleanup.cpp.
namespace broadside::core::output_cleanup {

/// One registered path; null once forgotten (or removed by the handler).
using Slot = std::atomic<char*>;

/// Registers a file, which the handler unlinks. Call while a Naming is held, before the file
/// exists (the handler then removes either nothing or the whole file).
Slot* remember_file(const std::string& path);

/// Registers a folder, which the handler removes (rmdir) after every registered file, so a
/// staging folder goes once its files have.
Slot* remember_folder(const std::string& path);

/// Unregisters a path; null does nothing.
void forget(Slot* slot);

/// Held while a name is made, linked or renamed in an output folder: the handler waits until
/// no thread holds one, so the name is either not made yet (and will not be) or registered.
/// The signals are blocked on this thread meanwhile, so its own handler cannot wait for it.
class Naming {
  public:
    Naming();
    ~Naming();
    Naming(const Naming&) = delete;
    Naming& operator=(const Naming&) = delete;

    /// A handler has started: make no new name.
    [[nodiscard]] bool interrupted() const;

  private:
    sigset_t old_;
};

}  // namespace broadside::core::output_cleanup
