# What the build needs: the libraries (shared with the installed package) and the tests' Catch2.
include(${CMAKE_CURRENT_LIST_DIR}/broadsideDependencies.cmake)
find_package(Catch2 2 REQUIRED)
