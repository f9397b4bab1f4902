import Foundation
import PlannerFormats
import PlannerPlanFormat
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Key files for signed plans: reading the private key a plan is signed with and the public key `verify` checks
/// with, and `planner keygen`, which writes a new pair.
public enum SigningKeys {
    /// The private key of `--sign-key`.
    static func signingKey(_ location: TypedPath) throws -> PlanSigningKey {
        try PlanSigningKey.read(try contents(location, what: "a private key file of `planner keygen`"),
                                file: location.path)
    }

    /// The public key of `verify --public-key`.
    static func publicKey(_ location: TypedPath) throws -> PlanPublicKey {
        try PlanPublicKey.read(try contents(location, what: "a public key file of `planner keygen`"),
                               file: location.path)
    }

    private static func contents(_ location: TypedPath, what: String) throws -> Data {
        guard let data = try? Data(contentsOf: location.url) else {
            throw PipelineError.invalidInput("\(location.path): file: expected \(what), found no such readable file")
        }
        return data
    }

    /// The paths `planner keygen` wrote, as the user gave the first.
    public struct Written: Sendable {
        public var privateKey: String
        public var publicKey: String
    }

    /// Writes a new key pair: the private key to `privateKey` (readable by its owner only) and the public key
    /// beside it with `.pub` appended. Neither file may exist: a key is never overwritten.
    public static func generate(privateKey location: TypedPath) throws -> Written {
        let key = PlanSigningKey()
        let publicURL = URL(fileURLWithPath: location.url.path + ".pub")
        if FileManager.default.fileExists(atPath: publicURL.path) {
            throw PipelineError.cannotCreate("\(location.path).pub: the file exists; a key is never overwritten")
        }
        try create(location.url, shown: location.path, text: key.fileText, mode: 0o600)
        do {
            try create(publicURL, shown: location.path + ".pub", text: try key.publicKey.fileText, mode: 0o644)
        } catch {
            unlink(location.url.path)
            throw error
        }
        return Written(privateKey: location.path, publicKey: location.path + ".pub")
    }

    /// Creates a new file with `mode` from the start (never a moment readable by others) and flushes it.
    private static func create(_ url: URL, shown: String, text: String, mode: mode_t) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "the file exists; a key is never overwritten"
                : "cannot create it: \(String(cString: strerror(errno)))"
            throw PipelineError.cannotCreate("\(shown): \(reason)")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(url.path)
            throw PipelineError.cannotCreate("\(shown): cannot write it: \(reason)")
        }
    }
}
