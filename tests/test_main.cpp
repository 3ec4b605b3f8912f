// Catch2's runner, built once and linked by every test program.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
