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
# librsvg draws SVG pictures into pixels for the PDF (libharu embeds raster images only); it is
# the SVG renderer GNOME keeps, and blogs are full of SVG charts and terminal captures. Its
# gdk-pixbuf decodes GIFs for the PDF as well.
pkg_check_modules(RSVG REQUIRED IMPORTED_TARGET librsvg-2.0 cairo gdk-pixbuf-2.0)
find_package(ICU REQUIRED COMPONENTS uc i18n)
find_package(ZLIB REQUIRED)
find_package(PNG REQUIRED)

# cmark-gfm's extensions library ships neither a pkg-config file nor a CMake package.
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions REQUIRED)
find_path(CMARK_GFM_EXTENSIONS_INCLUDE_DIR NAMES cmark-gfm-core-extensions.h REQUIRED)
if(NOT TARGET cmark_gfm_extensions)
  add_library(cmark_gfm_extensions INTERFACE IMPORTED GLOBAL)
  target_link_libraries(cmark_gfm_extensions INTERFACE ${CMARK_GFM_EXTENSIONS_LIBRARY}
                        PkgConfig::CMARK_GFM)
  target_include_directories(cmark_gfm_extensions INTERFACE ${CMARK_GFM_EXTENSIONS_INCLUDE_DIR})
endif()

# libharu has neither pkg-config nor a CMake package either.
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
find_path(HPDF_INCLUDE_DIR NAMES hpdf.h REQUIRED)
if(NOT TARGET hpdf)
  add_library(hpdf INTERFACE IMPORTED GLOBAL)
  target_link_libraries(hpdf INTERFACE ${HPDF_LIBRARY} ZLIB::ZLIB PNG::PNG)
  target_include_directories(hpdf INTERFACE ${HPDF_INCLUDE_DIR})
endif()

# libhyphen likewise.
find_library(HYPHEN_LIBRARY NAMES hyphen REQUIRED)
find_path(HYPHEN_INCLUDE_DIR NAMES hyphen.h REQUIRED)
if(NOT TARGET hyphen)
  add_library(hyphen INTERFACE IMPORTED GLOBAL)
  target_link_libraries(hyphen INTERFACE ${HYPHEN_LIBRARY})
  target_include_directories(hyphen INTERFACE ${HYPHEN_INCLUDE_DIR})
endif()

find_package(Threads REQUIRED)
