#pragma once

#include <cstdio>
#include <cstdlib>

// A property a fuzz target asserts on its inputs' results (round trips, invariants). Unlike
// assert it stays on in release builds; a failure aborts, so libFuzzer records the input as
// a crash and saves it.
#define FUZZ_CHECK(condition)                                                           \
  do {                                                                                  \
    if (!(condition)) {                                                                 \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (false)
