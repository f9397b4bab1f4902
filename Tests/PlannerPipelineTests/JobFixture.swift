import Foundation
import PlannerPipeline

/// A small dataset the jobs plan in a fraction of a second, copied into a fresh temporary folder: the reader's
/// valid fixture without its household listing, with a sample small enough for its three enumerators.
struct JobFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The temporary folder; datasets and plans are written inside it.
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("planner-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A copy of the fixture dataset named `name` in the root folder.
    func dataset(_ name: String) throws -> TypedPath {
        let folder = root.appendingPathComponent(name)
        try FileManager.default.copyItem(
            at: Self.packageRoot.appendingPathComponent("Tests/PlannerFormatsTests/Fixtures/valid"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("households.csv"))
        let survey = folder.appendingPathComponent("survey.toml")
        let text = String(decoding: try Data(contentsOf: survey), as: UTF8.self)
            .replacingOccurrences(of: "size = 12", with: "size = 4")
            .replacingOccurrences(of: "take_per_commune = 10", with: "take_per_commune = 4")
            .replacingOccurrences(of: "margin = 0.1", with: "margin = 0.2")
        try Data(text.utf8).write(to: survey)
        return TypedPath(name, relativeTo: root)
    }

    var plans: URL { root.appendingPathComponent("Plans") }
}
