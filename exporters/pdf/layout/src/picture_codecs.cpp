#include "broadside/pdf/picture_codecs.hpp"

#include <dlfcn.h>

#include <cstdlib>

#include "broadside/core/installed_file.hpp"

namespace broadside::pdf {
namespace {

struct LoadedModule {
    const PictureCodecs* codecs = nullptr;
    std::string problem;
};

LoadedModule load_module() {
    // BROADSIDE_PICTURES_MODULE names the module, for programs linking the library from a
    // prefix that was moved after installing (as BROADSIDE_STYLES names the styles).
    const char* named = std::getenv("BROADSIDE_PICTURES_MODULE");
    const std::filesystem::path module =
        named && *named
            ? std::filesystem::path(named)
            : core::find_installed_file({BROADSIDE_PICTURES_IN_PREFIX, BROADSIDE_PICTURES_BUILT,
                                         BROADSIDE_PICTURES_INSTALLED});
    if (module.empty())
        return {nullptr,
                "SVG and GIF pictures need libbroadside-pictures.so, which is not "
                "installed (looked in " BROADSIDE_PICTURES_INSTALLED "); reinstall broadside"};
    // Never closed: the codecs are used until the program ends.
    void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return {nullptr, std::string("cannot load the picture module: ") + dlerror()};
    using Entry = const PictureCodecs* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, BROADSIDE_PICTURE_CODECS_ENTRY));
    if (!entry)
        return {nullptr,
                module.string() + " is not this broadside's picture module; reinstall broadside"};
    return {entry(), {}};
}

}  // namespace

const PictureCodecs* picture_codecs(std::string& problem) {
    static const LoadedModule loaded = load_module();
    problem = loaded.problem;
    return loaded.codecs;
}

}  // namespace broadside::pdf
