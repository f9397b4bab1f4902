import Crypto
import Foundation
import PlannerFormats

/// An Ed25519 key that signs plan manifests (`planner keygen`, `--sign-key`).
///
/// The manifest lists every file's SHA-256, so its signature covers the whole folder: anyone can re-hash an
/// edited file into the manifest, but only the holder of the private key can sign the result. Key files are one
/// line of text, `planner-ed25519-private-key <base64 of the 32-byte seed>`, so no other tool is needed.
public struct PlanSigningKey: Sendable {
    static let tag = "planner-ed25519-private-key"
    /// The 32-byte seed (Crypto's key types are not `Sendable`; the key is made from it when used).
    private let seed: Data

    /// A new random key, from the system's secure random source.
    public init() {
        seed = Curve25519.Signing.PrivateKey().rawRepresentation
    }

    private var key: Curve25519.Signing.PrivateKey {
        get throws { try Curve25519.Signing.PrivateKey(rawRepresentation: seed) }
    }

    public var publicKey: PlanPublicKey {
        get throws { PlanPublicKey(raw: try key.publicKey.rawRepresentation) }
    }

    /// The key file's text.
    public var fileText: String { "\(Self.tag) \(seed.base64EncodedString())\n" }

    /// Reads a key file `planner keygen` wrote.
    public static func read(_ data: Data, file: String) throws(InvalidInput) -> PlanSigningKey {
        // A private key's text is never echoed into a message.
        let raw = try KeyFile.payload(data, file: file, tag: tag, bytes: 32, echoes: false)
        guard (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil else {
            throw KeyFile.problem(file, expected: "an Ed25519 private key", found: "32 bytes that are not one")
        }
        return PlanSigningKey(seed: raw)
    }

    private init(seed: Data) {
        self.seed = seed
    }

    /// `manifest.sig` for a manifest's exact bytes: `planner-ed25519-signature <base64 of 64 bytes>`.
    public func signatureFile(for manifest: Data) throws -> Data {
        Data("\(PlanPublicKey.signatureTag) \(try key.signature(for: manifest).base64EncodedString())\n".utf8)
    }
}

/// The public half of a `PlanSigningKey`, which `planner verify --public-key` checks `manifest.sig` with.
public struct PlanPublicKey: Sendable {
    static let tag = "planner-ed25519-public-key"
    static let signatureTag = "planner-ed25519-signature"
    private let raw: Data

    init(raw: Data) {
        self.raw = raw
    }

    public var fileText: String { "\(Self.tag) \(raw.base64EncodedString())\n" }

    public static func read(_ data: Data, file: String) throws(InvalidInput) -> PlanPublicKey {
        let raw = try KeyFile.payload(data, file: file, tag: tag, bytes: 32)
        guard (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw KeyFile.problem(file, expected: "an Ed25519 public key", found: "32 bytes that are not one")
        }
        return PlanPublicKey(raw: raw)
    }

    /// Why a signature does not vouch for a manifest; nil when it does.
    public func problem(signatureFile: Data, manifest: Data) -> String? {
        let signature: Data
        do {
            signature = try KeyFile.payload(signatureFile, file: PlanFile.signature, tag: Self.signatureTag, bytes: 64)
        } catch {
            return "expected a signature `\(Self.signatureTag) <base64>`, found "
                + (error.problems.first?.found ?? "something else")
        }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            return "expected an Ed25519 public key, found 32 bytes that are not one"
        }
        return key.isValidSignature(signature, for: manifest) ? nil
            : "expected the signature of manifest.json by the public key given, found one that does not match: "
                + "the manifest was changed after it was signed, or signed with another key"
    }
}

/// The one-line `<tag> <base64>` text of key and signature files.
enum KeyFile {
    static func payload(_ data: Data, file: String, tag: String, bytes: Int,
                        echoes: Bool = true) throws(InvalidInput) -> Data {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0] == tag else {
            let first = text.split(separator: "\n").first ?? ""
            throw problem(file, expected: "one line `\(tag) <base64>`",
                          found: echoes ? InputProblem.quoted(first) : "text of another form (\(data.count) bytes)")
        }
        guard let raw = Data(base64Encoded: String(parts[1])), raw.count == bytes else {
            throw problem(file, expected: "\(bytes) bytes in base64 after \(tag)",
                          found: echoes ? InputProblem.quoted(parts[1]) : "another value")
        }
        return raw
    }

    static func problem(_ file: String, expected: String, found: String) -> InvalidInput {
        InvalidInput(problems: [InputProblem(file: file, location: SourceLocation(line: 1, column: 1), field: "key",
                                             expected: expected, found: found)])
    }
}
