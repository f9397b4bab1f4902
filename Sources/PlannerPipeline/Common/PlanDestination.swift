import Foundation
import PlannerFormats

/// Where a job writes its plan folder: the `out` folder given, or a new numbered folder, never an existing one.
public struct PlanDestination: Sendable, Hashable {
    /// The folder asked for; with `numbered`, the first of `<folder>`, `<folder>-2`, `<folder>-3`, … still free.
    public var folder: URL
    /// Whether a taken name means the next free one (the default destination) rather than a refusal (`--out`).
    public var numbered: Bool

    /// `out` when given; else `<base>` in `folder`, or the first of `<base>-2`, `<base>-3`, … free when the
    /// folder is written (the name is taken by the rename that publishes the plan, so concurrent runs each get
    /// their own).
    public static func resolve(out: URL?, in folder: URL, base: String) -> PlanDestination {
        if let out { return PlanDestination(folder: out.standardizedFileURL, numbered: false) }
        return PlanDestination(folder: folder.appendingPathComponent(base), numbered: true)
    }

    /// `out` when given; else a new folder beside `folder` named `<folder>-<suffix>` (numbered while taken).
    public static func beside(_ folder: URL, suffix: String, out: URL?) -> PlanDestination {
        resolve(out: out, in: folder.deletingLastPathComponent(), base: "\(folder.lastPathComponent)-\(suffix)")
    }

    /// Refuses an `out` folder inside (or equal to) one of the job's inputs, before any work: a plan written into
    /// its dataset would change the dataset's files that later runs and `verify` read (exit 64, a bad argument).
    /// Symbolic links are resolved, so a link to the dataset is caught too.
    public static func refuseInside(_ out: URL?, inputs: [(what: String, path: TypedPath)]) throws(PipelineError) {
        guard let out else { return }
        let target = resolved(out.standardizedFileURL)
        for input in inputs {
            let folder = resolved(input.path.url.standardizedFileURL)
            if target == folder || target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                throw PipelineError.invalidRequest(
                    "--out \(out.relativePath): expected a folder outside the \(input.what) \(input.path.path), found "
                        + "a folder inside it (a plan is never written into its inputs)")
            }
        }
    }

    /// The real path of `url`: its longest existing ancestor with links resolved, then the rest as given.
    private static func resolved(_ url: URL) -> String {
        var existing = url
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let real = existing.resolvingSymlinksInPath().path
        return rest.reduce(real) { ($0 == "/" ? "" : $0) + "/" + $1 }
    }
}
