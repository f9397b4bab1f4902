import Foundation
import PlannerFormats
import Testing

/// A small dataset that `planner plan` turns into a complete plan in a fraction of a second, in a fresh
/// temporary folder: the reader's valid fixture without its household listing (households are register lines),
/// with a sample small enough for its three enumerators.
struct PlannableFixture {
    /// The temporary folder holding `dataset/`; plans are written beside it.
    let root: URL
    var dataset: URL { root.appendingPathComponent("dataset") }

    init() throws {
        root = try PlannerProcess.temporaryFolder()
        try FileManager.default.copyItem(at: PlannerProcess.fixtures.appendingPathComponent("valid"), to: dataset)
        try FileManager.default.removeItem(at: dataset.appendingPathComponent("households.csv"))
        try edit("survey.toml") {
            $0.replacingOccurrences(of: "size = 12", with: "size = 4")
                .replacingOccurrences(of: "take_per_commune = 10", with: "take_per_commune = 4")
                .replacingOccurrences(of: "margin = 0.1", with: "margin = 0.2")
        }
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Rewrites a file of the dataset.
    func edit(_ file: String, _ transform: (String) -> String) throws {
        let url = dataset.appendingPathComponent(file)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        try Data(transform(text).utf8).write(to: url)
    }

    /// Runs `planner plan dataset --out <name> --quiet` in the root folder and expects a complete plan (or, with
    /// `allowingIncomplete`, an incomplete one: exit status 3).
    @discardableResult
    func plan(_ name: String = "plan", extra: [String] = [], allowingIncomplete: Bool = false) throws -> URL {
        let result = try PlannerProcess.run(["plan", "dataset", "--out", name, "--quiet"] + extra, in: root)
        #expect(result.status == 0 || (allowingIncomplete && result.status == 3), "\(result.standardError)")
        return root.appendingPathComponent(name)
    }
}

/// Edits to a written plan folder that keep its manifest's digests right, so that a test reaches the
/// verifier's rule checks rather than only its digest check.
struct PlanEditor {
    let folder: URL

    func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Rewrites a file and, unless `keepDigest`, records its new SHA-256 and size in the manifest.
    func rewrite(_ path: String, keepDigest: Bool = false, _ transform: (String) throws -> String) throws {
        let data = Data(try transform(try text(path)).utf8)
        try data.write(to: folder.appendingPathComponent(path))
        if !keepDigest {
            try editManifest { manifest in
                var files = manifest["files"] as? [[String: Any]] ?? []
                for index in files.indices where files[index]["path"] as? String == path {
                    files[index]["sha256"] = SHA256.hexDigest(data)
                    files[index]["bytes"] = data.count
                }
                manifest["files"] = files
            }
        }
    }

    /// The data lines of a plan CSV (CRLF-terminated records; labels may hold a bare LF), after the header.
    func records(_ path: String) throws -> (header: String, records: [String]) {
        var lines = try text(path).components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return (lines.removeFirst(), lines)
    }

    /// The line a record starts on (the header is line 1), counting the line breaks inside quoted labels.
    func line(ofRecord index: Int, in path: String) throws -> Int {
        try records(path).records.prefix(index).reduce(2) { $0 + 1 + $1.filter { $0 == "\n" }.count }
    }

    /// Rewrites the records of a plan CSV; `transform` sees the leading fields split on commas (the columns
    /// before the label, which are never quoted).
    func rewriteRecords(_ path: String, _ transform: ([[String]]) throws -> [[String]]) throws {
        let (header, records) = try records(path)
        let columns = header.split(separator: ",").count
        let split = records.map { $0.split(separator: ",", maxSplits: columns - 1, omittingEmptySubsequences: false)
            .map(String.init) }
        let rewritten = try transform(split)
        try rewrite(path) { _ in ([header] + rewritten.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n" }
    }

    func editManifest(_ change: (inout [String: Any]) throws -> Void) throws {
        let url = folder.appendingPathComponent("manifest.json")
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        try change(&manifest)
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }
}
