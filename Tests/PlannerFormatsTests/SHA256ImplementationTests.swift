@testable import PlannerFormats
import Testing

/// The SHA-instruction path and the Swift path compute the same function.
///
/// The hardware tests run only on a CPU with the SHA extensions (x86 since about 2017); elsewhere they are
/// skipped, and `SHA256()` uses the Swift path that the other suite checks.
@Suite("SHA-256 implementations")
struct SHA256ImplementationTests {
    private static let nistVectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    private static var implementations: [SHA256.Implementation] {
        SHA256.isHardwareAvailable ? [.portable, .hardware] : [.portable]
    }

    private static func hex(_ digest: [UInt8]) -> String {
        digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    private static func digest(_ message: [UInt8], _ implementation: SHA256.Implementation) -> [UInt8] {
        var hasher = SHA256(implementation: implementation)
        hasher.update(message)
        return hasher.finalize()
    }

    @Test(arguments: implementations)
    func nistVectors(_ implementation: SHA256.Implementation) {
        for vector in Self.nistVectors {
            #expect(Self.hex(Self.digest(Array(vector.message.utf8), implementation)) == vector.digest,
                    "\(implementation) on \(vector.message.prefix(10))…")
        }
        let millionAs = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(Self.hex(Self.digest(millionAs, implementation))
                    == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func theDefaultHasherUsesTheHardwareWhenThereIsSome() {
        let message = Array("abc".utf8)
        #expect(SHA256.hash(message) == Self.digest(message, SHA256.isHardwareAvailable ? .hardware : .portable))
    }

    /// Every length from 0 to 300 bytes (every padding case, one to five blocks) with random contents.
    @Test(.enabled(if: SHA256.isHardwareAvailable), arguments: [1, 2, 3])
    func everyShortLengthAgrees(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        for length in 0...300 {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.digest(message, .hardware) == Self.digest(message, .portable), "length \(length)")
        }
    }

    /// A megabyte of random bytes, fed in random pieces, gives the one-shot digest on both paths.
    @Test(.enabled(if: SHA256.isHardwareAvailable), arguments: [11, 12])
    func aMegabyteInRandomPiecesAgrees(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let message = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var pieced = SHA256(implementation: .hardware)
        var offset = 0
        while offset < message.count {
            let end = min(message.count, offset + Int.random(in: 0...5000, using: &generator))
            pieced.update(message[offset..<end])
            offset = end
        }
        let portable = Self.digest(message, .portable)
        #expect(pieced.finalize() == portable)
        #expect(Self.digest(message, .hardware) == portable)
    }
}

/// A tiny seeded generator (Steele, Lea and Flood's SplitMix64) for reproducible test inputs.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
