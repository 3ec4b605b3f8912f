#pragma once

// Shared by the fuzz targets: the options byte, and a private scratch folder for the targets
// whose API reads files (style files, ePub books).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

#include <unistd.h>

namespace broadside::fuzz {

/// Splits off the first byte as the target's options; an empty input gives options 0.
inline std::uint8_t take_options(const std::uint8_t*& data, std::size_t& size) {
    if (size == 0) return 0;
    std::uint8_t options = data[0];
    ++data;
    --size;
    return options;
}

/// A folder of this process's own (the PID keeps parallel fuzzing jobs apart); emptied on each
/// call so no input sees files from the one before.
inline std::filesystem::path scratch_folder(const std::string& target) {
    namespace fs = std::filesystem;
    fs::path dir =
        fs::temp_directory_path() / ("broadside-fuzz-" + target + "-" + std::to_string(::getpid()));
    // Removed again at exit, so replaying the corpus as a test leaves nothing in /tmp.
    struct Cleanup {
        std::set<fs::path> dirs;
        ~Cleanup() {
            std::error_code ec;
            for (const auto& d : dirs) fs::remove_all(d, ec);
        }
    };
    static Cleanup cleanup;
    cleanup.dirs.insert(dir);
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace broadside::fuzz
