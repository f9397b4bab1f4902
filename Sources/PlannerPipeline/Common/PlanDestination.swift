import Foundation

/// Where a job writes its plan folder when no `out` folder is given: a new folder, never an existing one.
enum PlanDestination {
    /// `out` when given; else `<base>` in `folder`, then `<base>-2`, `<base>-3`, … while the name is taken.
    static func resolve(out: URL?, in folder: URL, base: String) -> URL {
        if let out { return out.standardizedFileURL }
        var candidate = folder.appendingPathComponent(base)
        var version = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = folder.appendingPathComponent("\(base)-\(version)")
            version += 1
        }
        return candidate
    }

    /// `out` when given; else a new folder beside `folder` named `<folder>-<suffix>` (numbered while taken).
    static func beside(_ folder: URL, suffix: String, out: URL?) -> URL {
        resolve(out: out, in: folder.deletingLastPathComponent(), base: "\(folder.lastPathComponent)-\(suffix)")
    }
}
