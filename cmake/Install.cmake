# What `cmake --install` and `cpack` deliver besides the program and its styles: the static
# libraries and their public headers, a CMake package (find_package(broadside CONFIG) gives
# broadside::broadside) and a pkg-config file, for programs that use broadside as a library.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(broadside_libraries broadside_core broadside_styles broadside_fonts broadside_pdf_layout
    broadside_pdf_writer broadside_epub broadside_merge broadside_api)
foreach(lib IN LISTS broadside_libraries)
  if(NOT lib STREQUAL "broadside_api")
    string(REPLACE "broadside_" "" short ${lib})
    set_target_properties(${lib} PROPERTIES EXPORT_NAME ${short})
  endif()
endforeach()
install(TARGETS ${broadside_libraries} EXPORT broadsideTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(dir core styles fonts exporters/pdf/layout exporters/pdf/writer exporters/epub merge api)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()

set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/broadside)
install(EXPORT broadsideTargets NAMESPACE broadside:: DESTINATION ${package_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/broadsideConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/broadsideConfig.cmake
                              INSTALL_DESTINATION ${package_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/broadsideConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/broadsideConfig.cmake
              ${PROJECT_BINARY_DIR}/broadsideConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/broadsideDependencies.cmake
        DESTINATION ${package_dir})

file(RELATIVE_PATH pc_to_prefix "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" pc_to_prefix "${pc_to_prefix}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/broadside.pc.in ${PROJECT_BINARY_DIR}/broadside.pc
               @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/broadside.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# `cpack -G DEB` (run in the build folder): a Debian package installing into /usr. Its Depends
# are the shared libraries' packages (dpkg-shlibdeps) and the fonts, hyphenation patterns and
# sRGB colour profile (PDF/A) the program reads at run time.
set(CPACK_PACKAGE_NAME broadside)
set(CPACK_PACKAGE_VENDOR "broadside")
set(CPACK_PACKAGE_CONTACT "broadside maintainers <maintainers@broadside.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Markdown with front matter to print-ready PDF letters and ePub books")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-noto-core, fonts-noto-cjk, fonts-noto-mono, fonts-dejavu-core, fonts-dejavu-extra, fonts-symbola, hyphen-en-us, icc-profiles-free")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hyphen-de, hyphen-fr, hyphen-ru, hyphen-es, hyphen-it")
include(CPack)
