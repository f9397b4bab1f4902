import Foundation
import PlannerCore
import PlannerFormats

/// `manifest.json`: what a plan folder holds and how to reproduce it.
///
/// Everything that could differ between two runs on the same inputs and seed (the time stamp, timings) is kept
/// under `run`, in one place, so that two plans can be compared byte for byte once `run` is set aside.
public struct PlanManifest: Codable, Sendable, Hashable {
    public struct Tool: Codable, Sendable, Hashable {
        public var name = "planner"
        public var version = PlannerVersion.current
        public init() {}
    }

    public struct Generator: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// An input file and its SHA-256, so that a plan can be tied to the exact inputs it came from.
    public struct InputFile: Codable, Sendable, Hashable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public struct Run: Codable, Sendable, Hashable {
        public var createdAt: String
        public var seconds: Double
        public init(createdAt: String, seconds: Double) {
            self.createdAt = createdAt
            self.seconds = seconds
        }

        enum CodingKeys: String, CodingKey {
            case createdAt = "created_at"
            case seconds
        }
    }

    public var format = "planner-plan/1"
    public var tool = Tool()
    /// `sample` or `plan`.
    public var kind: String
    public var seed: UInt64
    public var generator: Generator
    public var dataset: String
    public var inputs: [InputFile]
    public var files: [PlanFolder.Digest]
    public var run: Run

    public init(kind: String, seed: UInt64, generator: Generator, dataset: String, inputs: [InputFile],
                files: [PlanFolder.Digest], run: Run) {
        self.kind = kind
        self.seed = seed
        self.generator = generator
        self.dataset = dataset
        self.inputs = inputs
        self.files = files
        self.run = run
    }

    /// Pretty, key-sorted JSON with a final newline: stable bytes for stable content.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// The SHA-256 of every regular file of a dataset folder, in name order.
    public static func inputFiles(in folder: URL) throws -> [InputFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        return try names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { return nil }
            return InputFile(path: name, sha256: try SHA256.hexDigest(contentsOf: url))
        }
    }
}
