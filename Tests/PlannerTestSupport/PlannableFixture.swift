import Foundation

/// A small dataset that plans completely in a fraction of a second, in a fresh temporary folder: the reader's
/// valid fixture without its household listing (households are register lines), with a sample small enough for
/// its three enumerators. Plans are written beside `dataset/` in `root`.
public struct PlannableFixture: Sendable {
    /// The temporary folder holding `dataset/`.
    public let root: URL
    public var dataset: URL { root.appendingPathComponent("dataset") }

    public init() throws {
        root = try TestFolders.temporaryFolder(prefix: "planner-tests")
        try Self.writeDataset(to: dataset)
    }

    /// Writes the plannable dataset into `folder`, which must not exist (for tests that need several).
    public static func writeDataset(to folder: URL) throws {
        try FileManager.default.copyItem(at: TestFolders.fixtures.appendingPathComponent("valid"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("households.csv"))
        let survey = folder.appendingPathComponent("survey.toml")
        let text = String(decoding: try Data(contentsOf: survey), as: UTF8.self)
            .replacingOccurrences(of: "size = 12", with: "size = 4")
            .replacingOccurrences(of: "take_per_commune = 10", with: "take_per_commune = 4")
            .replacingOccurrences(of: "margin = 0.1", with: "margin = 0.2")
        try Data(text.utf8).write(to: survey)
    }

    public func delete() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Rewrites a file of the dataset.
    public func edit(_ file: String, _ transform: (String) -> String) throws {
        let url = dataset.appendingPathComponent(file)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        try Data(transform(text).utf8).write(to: url)
    }
}
