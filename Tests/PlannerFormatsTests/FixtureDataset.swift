import Foundation
import Testing

/// A writable copy of a fixture dataset in a fresh temporary folder, for tests that break one file.
struct FixtureDataset {
    let folder: URL

    /// Copies `Fixtures/<name>` (a test resource) into a new temporary folder.
    init(copying name: String = "valid") throws {
        let source = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("planner-formats-tests-\(UUID().uuidString)")
            .appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: folder)
    }

    static func validFolder() throws -> URL {
        try #require(Bundle.module.url(forResource: "valid", withExtension: nil, subdirectory: "Fixtures"))
    }

    func url(_ file: String) -> URL { folder.appendingPathComponent(file) }

    func contents(_ file: String) throws -> String {
        try String(decoding: Data(contentsOf: url(file)), as: UTF8.self)
    }

    /// Replaces the first occurrence of `old`, which must be present.
    func replace(_ old: String, with new: String, in file: String) throws {
        let text = try contents(file)
        let range = try #require(text.range(of: old), "\(old) not found in \(file)")
        try write(Data(text.replacingCharacters(in: range, with: new).utf8), to: file)
    }

    func write(_ data: Data, to file: String) throws {
        try data.write(to: url(file))
    }

    func remove(_ file: String) throws {
        try FileManager.default.removeItem(at: url(file))
    }

    func delete() {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }
}
