# The libraries broadside's own libraries link, as imported targets. The build includes this
# file, and so does the installed CMake package (broadsideConfig.cmake) for the programs that
# link broadside's static libraries. Every one comes from a Debian package; nothing is
# downloaded at build time.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)
find_package(yaml-cpp REQUIRED)
# TOML front matter (Hugo, Zola): Debian builds toml++ as a shared library.
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz harfbuzz-subset)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
# libxml2 parses untrusted SVG (and XML) with bounded depth instead of pattern matching on text;
# the tests check with it that every XML file of a book is well-formed.
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(ZLIB REQUIRED)
find_package(PNG REQUIRED)

# Libraries with neither a pkg-config file nor a CMake package (cmark-gfm's extensions,
# libharu, libhyphen): the library and a header found by name, as an imported target.
function(broadside_bare_library target library header)
  find_library(${target}_LIBRARY NAMES ${library} REQUIRED)
  find_path(${target}_INCLUDE_DIR NAMES ${header} REQUIRED)
  if(NOT TARGET ${target})
    add_library(${target} INTERFACE IMPORTED GLOBAL)
    target_link_libraries(${target} INTERFACE ${${target}_LIBRARY} ${ARGN})
    target_include_directories(${target} INTERFACE ${${target}_INCLUDE_DIR})
  endif()
endfunction()
broadside_bare_library(cmark_gfm_extensions cmark-gfm-extensions cmark-gfm-core-extensions.h
                       PkgConfig::CMARK_GFM)
broadside_bare_library(hpdf hpdf hpdf.h ZLIB::ZLIB PNG::PNG)
broadside_bare_library(hyphen hyphen hyphen.h)

find_package(Threads REQUIRED)
