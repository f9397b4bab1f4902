#ifndef PLANNER_CSHA256_H
#define PLANNER_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (and the SSSE3 and SSE4.1 instructions the fast path also uses).
/// Always 0 on other architectures: callers then use their portable implementation.
int csha256_hardware_available(void);

/// Runs the SHA-256 compression function (FIPS 180-4 section 6.2.2) over `block_count` consecutive 64-byte
/// blocks at `blocks`, updating the eight working words of `state` (H0 to H7, native byte order) in place.
/// Call only when csha256_hardware_available() returned 1.
void csha256_hardware_compress(uint32_t state[8], const uint8_t *blocks, size_t block_count);

#endif
