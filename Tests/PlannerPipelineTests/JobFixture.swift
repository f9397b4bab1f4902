import Foundation
import PlannerPipeline
import PlannerTestSupport

/// A small dataset the jobs plan in a fraction of a second, copied into a fresh temporary folder: the reader's
/// valid fixture without its household listing, with a sample small enough for its three enumerators.
struct JobFixture {
    /// The temporary folder; datasets and plans are written inside it.
    let root: URL

    init() throws {
        root = try TestFolders.temporaryFolder(prefix: "planner-jobs")
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A copy of the fixture dataset named `name` in the root folder.
    func dataset(_ name: String) throws -> TypedPath {
        try PlannableFixture.writeDataset(to: root.appendingPathComponent(name))
        return TypedPath(name, relativeTo: root)
    }

    var plans: URL { root.appendingPathComponent("Plans") }
}
