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
        /// `PlannerVersion.renderingEdition` of the build that wrote the plan; nil in plans written before it was
        /// recorded. `planner verify` compares it with its own to say why a derived file differs.
        public var renderingEdition: Int? = PlannerVersion.renderingEdition
        public init() {}

        enum CodingKeys: String, CodingKey {
            case name, version
            case renderingEdition = "rendering_edition"
        }
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

    /// What the solver did with the exported model (`model.mps`/`model.lp` when exported): objective and bound
    /// are those of that model, so that another solver can be compared on the same file.
    public struct Solver: Codable, Sendable, Hashable {
        public var status: String
        public var objective: Double?
        public var bestBound: Double?
        public var gap: Double?
        public var seconds: Double
        /// The backend's name, e.g. `GLPK`.
        public var backend: String
        /// The backend library's version as it reports it, e.g. `5.0`.
        public var backendVersion: String
        public var warmStartAccepted: Bool?
        /// `solver` when the plan is built from the solver's solution, `heuristic` when from the warm start.
        public var source: String
        public var rows: Int
        public var columns: Int
        public var integerColumns: Int
        /// True when a time limit, not the planner's own stopping rules, ended a stage of the planning (the
        /// plan may then differ on a faster or idler machine); absent in plans written before it was recorded.
        public var stoppedByTimeLimit: Bool?
        /// The fewest units every plan with this staff and calendar leaves unserved, proven by the day patterns'
        /// LP and its bounds or, on pooled models, by a count of working minutes (0 when they rule out nothing);
        /// absent in plans written before it was recorded. An incomplete plan whose unserved units equal it lacks staff or
        /// days; one above it may only have been cut short.
        public var unservedLowerBound: Int?

        public init(status: String, objective: Double?, bestBound: Double?, gap: Double?, seconds: Double,
                    backend: String, backendVersion: String, warmStartAccepted: Bool?, source: String, rows: Int,
                    columns: Int,
                    integerColumns: Int, stoppedByTimeLimit: Bool? = nil, unservedLowerBound: Int? = nil) {
            self.status = status
            self.objective = objective
            self.bestBound = bestBound
            self.gap = gap
            self.seconds = seconds
            self.backend = backend
            self.backendVersion = backendVersion
            self.warmStartAccepted = warmStartAccepted
            self.source = source
            self.rows = rows
            self.columns = columns
            self.integerColumns = integerColumns
            self.stoppedByTimeLimit = stoppedByTimeLimit
            self.unservedLowerBound = unservedLowerBound
        }

        enum CodingKeys: String, CodingKey {
            case status, objective, gap, seconds, source, rows, columns
            case bestBound = "best_bound"
            case backend
            case backendVersion = "backend_version"
            case warmStartAccepted = "warm_start_accepted"
            case integerColumns = "integer_columns"
            case stoppedByTimeLimit = "stopped_by_time_limit"
            case unservedLowerBound = "unserved_lower_bound"
            /// Written before the backend was recorded generically, as e.g. `GLPK 5.0`; read, never written.
            case legacyGLPKVersion = "glpk_version"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            status = try container.decode(String.self, forKey: .status)
            objective = try container.decodeIfPresent(Double.self, forKey: .objective)
            bestBound = try container.decodeIfPresent(Double.self, forKey: .bestBound)
            gap = try container.decodeIfPresent(Double.self, forKey: .gap)
            seconds = try container.decode(Double.self, forKey: .seconds)
            if let legacy = try container.decodeIfPresent(String.self, forKey: .legacyGLPKVersion),
               !container.contains(.backend) {
                // Every plan written before the backend had its own keys was solved by GLPK.
                backend = "GLPK"
                backendVersion = legacy.hasPrefix("GLPK ") ? String(legacy.dropFirst("GLPK ".count)) : legacy
            } else {
                backend = try container.decode(String.self, forKey: .backend)
                backendVersion = try container.decode(String.self, forKey: .backendVersion)
            }
            warmStartAccepted = try container.decodeIfPresent(Bool.self, forKey: .warmStartAccepted)
            source = try container.decode(String.self, forKey: .source)
            rows = try container.decode(Int.self, forKey: .rows)
            columns = try container.decode(Int.self, forKey: .columns)
            integerColumns = try container.decode(Int.self, forKey: .integerColumns)
            stoppedByTimeLimit = try container.decodeIfPresent(Bool.self, forKey: .stoppedByTimeLimit)
            unservedLowerBound = try container.decodeIfPresent(Int.self, forKey: .unservedLowerBound)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(objective, forKey: .objective)
            try container.encodeIfPresent(bestBound, forKey: .bestBound)
            try container.encodeIfPresent(gap, forKey: .gap)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(backend, forKey: .backend)
            try container.encode(backendVersion, forKey: .backendVersion)
            try container.encodeIfPresent(warmStartAccepted, forKey: .warmStartAccepted)
            try container.encode(source, forKey: .source)
            try container.encode(rows, forKey: .rows)
            try container.encode(columns, forKey: .columns)
            try container.encode(integerColumns, forKey: .integerColumns)
            try container.encodeIfPresent(stoppedByTimeLimit, forKey: .stoppedByTimeLimit)
            try container.encodeIfPresent(unservedLowerBound, forKey: .unservedLowerBound)
        }
    }

    /// The plan this one was derived from (`planner assign`, `planner replan`).
    public struct Parent: Codable, Sendable, Hashable {
        public var path: String
        /// The SHA-256 of the parent's manifest: ties this plan to that exact parent.
        public var manifestSHA256: String

        public init(path: String, manifestSHA256: String) {
            self.path = path
            self.manifestSHA256 = manifestSHA256
        }

        enum CodingKeys: String, CodingKey {
            case path
            case manifestSHA256 = "manifest_sha256"
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
    public var parent: Parent?
    /// Whether every main unit has a visit; nil for a sample without fieldwork.
    public var complete: Bool?
    public var solver: Solver?
    /// What a re-plan started from (`planner replan`); nil for every other plan.
    public var replan: Replan? = nil
    /// The language of the files people read (`vi`, `en`), so that `verify` renders them again in it; nil in
    /// plans written before it was recorded.
    public var language: String? = nil
    public var run: Run

    public init(kind: String, seed: UInt64, generator: Generator, dataset: String, inputs: [InputFile],
                files: [PlanFolder.Digest], parent: Parent? = nil, complete: Bool? = nil, solver: Solver? = nil,
                run: Run) {
        self.kind = kind
        self.seed = seed
        self.generator = generator
        self.dataset = dataset
        self.inputs = inputs
        self.files = files
        self.parent = parent
        self.complete = complete
        self.solver = solver
        self.run = run
    }

    /// Pretty, key-sorted JSON with a final newline: stable bytes for stable content. Written by `PlanJSON`, the
    /// encoder that matches `read`: a non-finite time or objective is the string `inf` or `nan`, as `read`
    /// accepts, not a failure to write the plan after the work is done.
    public func jsonData() throws -> Data {
        try PlanJSON.data(self)
    }

    /// The SHA-256 of every regular file of a dataset folder, in name order.
    public static func inputFiles(in folder: URL) throws -> [InputFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && !isDocumentation($0) }
            .sorted()
        return try names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { return nil }
            return InputFile(path: name, sha256: try SHA256.hexDigest(contentsOf: url))
        }
    }

    /// Whether a dataset file only documents the data (`README*`, `SOURCES*`, `*.md`): no reader uses it, so
    /// it is not an input and editing it never blocks a re-plan or a verification. Manifests written before
    /// this rule list such files; their entries are skipped when inputs are compared.
    public static func isDocumentation(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.hasPrefix("README") || upper.hasPrefix("SOURCES") || upper.hasSuffix(".MD")
    }
}
