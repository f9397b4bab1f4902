/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator for reproducible test inputs.
///
/// Tests draw their random instances, kill points and byte strings from it rather than from the planner's own
/// `Xoshiro256StarStar`, so that a change to the planner's generator never changes what a test feeds it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
