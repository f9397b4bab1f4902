/// The plan's pseudo-random generator: xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64.
///
/// A named, versioned generator written here rather than Swift's `SystemRandomNumberGenerator` (not seedable)
/// or the standard library's range sampling (whose algorithm may change between Swift releases), so that one
/// seed gives the same sample on every platform and toolchain. The 256-bit state is the first four outputs of
/// SplitMix64 started at the 64-bit seed, as the xoshiro authors recommend; SplitMix64 never yields four
/// zero words, so the forbidden all-zero state cannot occur.
///
/// Period 2²⁵⁶ − 1; passes BigCrush. Not cryptographic, which a sample does not need.
public struct Xoshiro256StarStar: RandomNumberGenerator, Hashable, Sendable {
    /// Recorded in the plan's manifest with `version`.
    public static let name = "xoshiro256**"
    /// Bumped whenever seeding, stream derivation or the way draws are turned into numbers changes.
    public static let version = "1.0 (SplitMix64 seeding; per-stratum streams by FNV-1a; Lemire bounded integers)"

    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is the first four SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var splitMix = SplitMix64(state: seed)
        state = (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next())
    }

    /// An independent stream for one named part of a design (a stratum), so that changing one stratum's
    /// settings never changes another stratum's sample.
    ///
    /// The stream's seed is SplitMix64's output mixing `seed` with the 64-bit FNV-1a hash of `stream`'s UTF-8
    /// bytes; both are fixed algorithms, unlike Swift's per-process seeded `Hasher`.
    public init(seed: UInt64, stream: String) {
        var mixer = SplitMix64(state: seed ^ Self.fnv1a(stream))
        self.init(seed: mixer.next())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.state.0 == rhs.state.0 && lhs.state.1 == rhs.state.1 && lhs.state.2 == rhs.state.2
            && lhs.state.3 == rhs.state.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }

    /// 64-bit FNV-1a (Fowler–Noll–Vo), a fixed, documented hash for deriving stream seeds from names.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

@inline(__always)
private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
}

/// SplitMix64 (Steele, Lea & Flood 2014), used only to expand a 64-bit seed into xoshiro's state.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
