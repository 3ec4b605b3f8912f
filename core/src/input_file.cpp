#include "broadside/core/input_file.hpp"

#include <filesystem>
#include <fstream>

#include "broadside/core/limits.hpp"

namespace broadside::core {
namespace {

// Sizes in whole MiB, except below one MiB, where "0 MiB" would read as a mistake.
std::string amount(std::uint64_t bytes) {
    if (bytes < (1u << 20)) return std::to_string(bytes) + " bytes";
    return std::to_string(bytes >> 20) + " MiB";
}

}  // namespace

std::string file_too_large(std::string_view what, std::uint64_t size, std::uint64_t max_bytes) {
    return "the " + std::string(what) + " is " + amount(size) + ", over the limit of " +
           amount(max_bytes);
}

std::optional<std::string> read_input_file(const std::string& path, std::uint64_t max_bytes,
                                           std::string_view what, Diagnostics& diags) {
    namespace fs = std::filesystem;
    std::error_code ec;  // a name too long for the OS is "no such file", not an exception
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        diags.error(path, 0, 0, "no such " + std::string(what), "check the path and its spelling");
        return std::nullopt;
    }
    if (fs::is_directory(status)) {
        diags.error(path, 0, 0, "is a folder, not a " + std::string(what), "give a file");
        return std::nullopt;
    }
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
        diags.error(path, 0, 0, file_too_large(what, size, max_bytes),
                    raise_hint("--max-file-size MIB"));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error(path, 0, 0, "the " + std::string(what) + " cannot be read",
                    "check its permissions");
        return std::nullopt;
    }
    // Read with a bound too: a pipe or a device (/dev/zero) has no size to check beforehand.
    std::string bytes;
    char chunk[1 << 16];
    while (in && bytes.size() <= max_bytes) {
        in.read(chunk, sizeof chunk);
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        diags.error(path, 0, 0, "reading the " + std::string(what) + " failed");
        return std::nullopt;
    }
    if (bytes.size() > max_bytes) {
        diags.error(path, 0, 0,
                    "the " + std::string(what) + " is over the limit of " + amount(max_bytes),
                    raise_hint("--max-file-size MIB"));
        return std::nullopt;
    }
    return bytes;
}

}  // namespace broadside::core
