#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (compiler-rt FuzzerInterface.h): runs the fuzzing loop with `callback` as the target, so
// that a SwiftPM executable, whose `main` SwiftPM provides, can still be a libFuzzer binary.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
