import Foundation
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

/// The one place that fills a plan's `manifest.json` and writes the plan folder.
///
/// A job starts a writer when it starts, so that the manifest's `run.seconds` times the whole job; the clock is
/// passed in (the manifest's time stamp and timing are the only clock readings that reach a plan, and no rendered
/// file shows them).
///
/// `run.created_at` honours `SOURCE_DATE_EPOCH`, as reproducible builds do
/// (https://reproducible-builds.org/specs/source-date-epoch/): given the same inputs, seed and epoch, two runs on
/// different days write the same manifest but for the seconds they took. A value that is not a whole number of
/// seconds since 1970 is ignored and the clock is used.
struct PlanWriter {
    /// What the folder is: a sample alone or a plan with its fieldwork.
    enum Kind: String {
        case sample
        case plan
    }

    private let clock: @Sendable () -> Date
    private let started: Date
    /// The `run.created_at` time: `SOURCE_DATE_EPOCH` when it is given, else the start.
    private let created: Date

    /// - Parameter sourceDateEpoch: `SOURCE_DATE_EPOCH` (by default the process environment's).
    init(clock: @escaping @Sendable () -> Date = Date.init,
         sourceDateEpoch: String? = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]) {
        self.clock = clock
        started = clock()
        created = Self.sourceDate(sourceDateEpoch) ?? started
    }

    /// The date `SOURCE_DATE_EPOCH` names: decimal digits only, seconds since 1970-01-01 UTC.
    static func sourceDate(_ epoch: String?) -> Date? {
        guard let epoch, !epoch.isEmpty, epoch.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let seconds = Int64(epoch) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The manifest of a new folder before its files are written: `files` empty and `run.seconds` 0 until
    /// `write` fills them. The generator is the seeded one samples are drawn with, unless a parent's is kept.
    func manifest(kind: Kind, seed: UInt64, dataset: String, inputs: [PlanManifest.InputFile], language: Language,
                  generator: PlanManifest.Generator? = nil, parent: PlanManifest.Parent? = nil,
                  fieldwork: FieldworkPlan? = nil, replan: PlanManifest.Replan? = nil) -> PlanManifest {
        var manifest = PlanManifest(
            kind: kind.rawValue, seed: seed,
            generator: generator ?? .init(name: Xoshiro256StarStar.name, version: Xoshiro256StarStar.version),
            dataset: dataset, inputs: inputs, files: [], parent: parent, complete: fieldwork?.isComplete,
            solver: fieldwork.map(FieldworkStage.manifestRecord(of:)),
            run: .init(createdAt: Self.timestamp(created), seconds: 0))
        manifest.replan = replan
        manifest.language = language.rawValue
        return manifest
    }

    /// Writes `files` and the manifest listing their digests into a new folder, atomically.
    ///
    /// - Parameter signingKey: signs the manifest into `manifest.sig`; nil leaves the plan unsigned.
    /// - Returns: the folder written (with a numbered destination, the free name it took) and the manifest.
    func write(_ files: [PlanFolder.File], manifest: PlanManifest, to destination: PlanDestination,
               signingKey: PlanSigningKey?,
               progress: any PipelineProgress) throws(PlanFolder.WriteError) -> (folder: URL, manifest: PlanManifest) {
        var written = manifest
        let folder = try progress.step("Writing \(files.count) files") { () throws(PlanFolder.WriteError) -> URL in
            try PlanFolder(destination: destination.folder, numbered: destination.numbered).write(files, manifest: { digests in
                written.files = digests
                written.run.seconds = clock().timeIntervalSince(started)
                return try written.jsonData()
            }, signature: signingKey.map { key in { try key.signatureFile(for: $0) } })
        }
        return (folder, written)
    }

    /// An ISO 8601 UTC time stamp for the manifest's `run` section.
    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
