// SHA-256 compression with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1, SHA256MSG2), written from Intel's
// description of the instructions. The function carries its own target attribute, so this file builds with
// the default compiler flags everywhere; it runs only after csha256_hardware_available() said it may.
#include "csha256.h"

#if defined(__x86_64__) || defined(__i386__)

#include <cpuid.h>
#include <immintrin.h>

int csha256_hardware_available(void)
{
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int has_ssse3 = (ecx >> 9) & 1;
    const int has_sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int has_sha = (ebx >> 29) & 1;
    return has_ssse3 && has_sse41 && has_sha;
}

// The 64 round constants K0..K63 of FIPS 180-4 section 4.2.2, four per message group.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

__attribute__((target("sha,sse4.1")))
void csha256_hardware_compress(uint32_t state[8], const uint8_t *blocks, size_t block_count)
{
    // Reverses the bytes of each 32-bit lane: message words are big-endian.
    const __m128i big_endian_words = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

    // SHA256RNDS2 keeps the eight working variables as two vectors, lanes 3..0: (A, B, E, F) and (C, D, G, H).
    const __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);   // lanes 0..3: a b c d
    const __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);   // lanes 0..3: e f g h
    const __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);                 // lanes 0..3: b a d c
    const __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);                 // lanes 0..3: h g f e
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);                      // lanes 0..3: f e b a
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);                   // lanes 0..3: h g d c

    for (; block_count > 0; block_count--, blocks += 64) {
        const __m128i abef_at_start = abef;
        const __m128i cdgh_at_start = cdgh;
        // The last four groups of four schedule words, W[4g..4g+3] in slot g % 4.
        __m128i words[4];
        for (int slot = 0; slot < 4; slot++) {
            words[slot] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * slot)), big_endian_words);
        }
#pragma clang loop unroll(full)
        for (int group = 0; group < 16; group++) {
            if (group >= 4) {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time: MSG1 adds σ0, the aligned
                // pair supplies W[t-7], MSG2 adds σ1 (it needs the words it produces, hence its own step).
                const __m128i minus16 = words[group & 3];
                const __m128i minus12 = words[(group + 1) & 3];
                const __m128i minus8 = words[(group + 2) & 3];
                const __m128i minus4 = words[(group + 3) & 3];
                __m128i partial = _mm_sha256msg1_epu32(minus16, minus12);
                partial = _mm_add_epi32(partial, _mm_alignr_epi8(minus4, minus8, 4));
                words[group & 3] = _mm_sha256msg2_epu32(partial, minus4);
            }
            __m128i scheduled = _mm_add_epi32(words[group & 3],
                                              _mm_load_si128((const __m128i *)&round_constants[4 * group]));
            // Two rounds from the low two lanes, then two from the high two; (C, D, G, H) becomes the old
            // (A, B, E, F) each time.
            __m128i next = _mm_sha256rnds2_epu32(cdgh, abef, scheduled);
            cdgh = abef;
            abef = next;
            scheduled = _mm_shuffle_epi32(scheduled, 0x0E);
            next = _mm_sha256rnds2_epu32(cdgh, abef, scheduled);
            cdgh = abef;
            abef = next;
        }
        abef = _mm_add_epi32(abef, abef_at_start);
        cdgh = _mm_add_epi32(cdgh, cdgh_at_start);
    }

    const __m128i words_abef = _mm_shuffle_epi32(abef, 0x1B);           // lanes 0..3: a b e f
    const __m128i words_ghcd = _mm_shuffle_epi32(cdgh, 0xB1);           // lanes 0..3: g h c d
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(words_abef, words_ghcd, 0xF0));   // a b c d
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(words_ghcd, words_abef, 8));      // e f g h
}

#else

int csha256_hardware_available(void)
{
    return 0;
}

void csha256_hardware_compress(uint32_t state[8], const uint8_t *blocks, size_t block_count)
{
    (void)state;
    (void)blocks;
    (void)block_count;
}

#endif
