import Foundation
import PlannerFormats
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    /// The FIPS 180-2 / NIST CAVP example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(_ message: String, _ digest: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
    }

    @Test func oneMillionAs() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Splitting the input anywhere, including across a 64-byte block boundary, gives the same digest.
    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 119])
    func incrementalUpdatesMatchOneShot(_ split: Int) {
        let message = (0..<130).map { UInt8($0 % 251) }
        var hasher = SHA256()
        hasher.update(message[..<split])
        hasher.update(message[split...])
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    /// A megabyte and a half fed in pieces of every awkward length gives the one-shot digest, and so does the
    /// file (read through a 1 MB buffer, so in two reads); the digest is `sha256sum`'s of the same bytes.
    @Test func piecesAndFilesGiveTheOneShotDigest() throws {
        let message = (0..<(3 << 19)).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }
        let expected = "23e1a9ba7dda59eb93d4bf23cd1a5d0c1242fcca95265e179e6bd8b7a7bec0b1"
        #expect(SHA256.hexDigest(message) == expected)
        let pieceLengths = [0, 1, 63, 64, 65, 127, 4999, 55, 56, 1 << 16]
        var pieced = SHA256()
        var offset = 0
        for length in (0...).lazy.map({ pieceLengths[$0 % pieceLengths.count] }) {
            guard offset < message.count else { break }
            let end = min(message.count, offset + length)
            pieced.update(message[offset..<end])
            offset = end
        }
        #expect(pieced.finalize() == SHA256.hash(message))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(message).write(to: file)
        #expect(try SHA256.hexDigest(contentsOf: file) == expected)
        #expect(SHA256.hexDigest(Data(message)) == expected)
    }

    /// A sequence without contiguous storage is copied and hashed like the same bytes (`sha256sum`'s digest).
    @Test func nonContiguousSequences() {
        #expect(SHA256.hexDigest((0..<200).lazy.map { UInt8($0) }) == "1901da1c9f699b48f6b2636e65cbf73abf99d0441ef67f5c540a42f7051dec6f")
    }
}
