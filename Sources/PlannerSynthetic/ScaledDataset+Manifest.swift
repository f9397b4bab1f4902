import Foundation
import PlannerFormats

extension ScaledDataset {
    /// `manifest.json` of a generated dataset: where it came from and how, so that it can be made again.
    public struct Manifest: Codable, Sendable, Hashable {
        public var format = "planner-generated-dataset/1"
        public var source: String
        public var scale: Int
        public var seed: UInt64
        public var files: [PlanFolder.Digest]

        public init(source: String, scale: Int, seed: UInt64, files: [PlanFolder.Digest]) {
            self.source = source
            self.scale = scale
            self.seed = seed
            self.files = files
        }

        /// Pretty, key-sorted JSON with a final newline.
        public func jsonData() throws -> Data { try StableJSON.fileData(self) }
    }
}
