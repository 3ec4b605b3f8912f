#include "broadside/core/input_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

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
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        diags.error(path, 0, 0, "reading the " + std::string(what) + " failed");
        return std::nullopt;
    }
    return std::move(buffer).str();
}

}  // namespace broadside::core
