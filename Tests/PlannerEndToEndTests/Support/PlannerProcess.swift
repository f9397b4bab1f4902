import Foundation
import PlannerTestSupport
import Testing

/// Runs the built `planner` executable as a user would.
enum PlannerProcess {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static let packageRoot = TestFolders.packageRoot
    static let fixtures = TestFolders.fixtures
    static let defaultDataset = TestFolders.defaultDataset

    /// The `planner` executable in the products folder that also holds the test bundle.
    static func executable() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("planner"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("planner"),
            Bundle.main.bundleURL.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("planner"),
            packageRoot.appendingPathComponent(".build/debug/planner"),
        ]
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                            "no planner executable in \(candidates.map(\.path))")
    }

    /// Runs `planner` with `arguments` in `directory` and waits for it. Output goes through files, not pipes,
    /// so that a large output on one stream can never block the child while the other is being read.
    ///
    /// - Parameter environment: variables set (a value) or removed (nil) for this run; the rest are inherited.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String?] = [:]) throws -> Run {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value }
            process.environment = variables
        }
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errorHandle.close()
        return Run(status: process.terminationStatus,
                   standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                   standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// A new empty temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        try TestFolders.temporaryFolder(prefix: "planner-e2e")
    }
}
