// The one Catch2 main for all engine tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
