import Foundation

/// Where the tests find the package's datasets, and fresh scratch folders for what they write.
public enum TestFolders {
    /// The package's root folder (this file is `Tests/PlannerTestSupport/TestFolders.swift`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The embedded default dataset, `Inputs/soc-trang-2023`.
    public static let defaultDataset = packageRoot.appendingPathComponent("Inputs/soc-trang-2023")

    /// The small datasets the reader's tests keep (`valid/`, which every dataset fixture starts from).
    public static let fixtures = packageRoot.appendingPathComponent("Tests/PlannerFormatsTests/Fixtures")

    /// A new empty folder under the system's temporary folder, named `<prefix>-<UUID>`; the caller removes it.
    public static func temporaryFolder(prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
