// Compiled only to build the suites' precompiled headers (tests/CMakeLists.txt).
