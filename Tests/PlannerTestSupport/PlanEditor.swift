import Foundation
import PlannerFormats

/// Edits to a written plan folder that keep its manifest's digests right, so that a test reaches the
/// verifier's rule checks rather than only its digest check.
public struct PlanEditor: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Rewrites a file and, unless `keepDigest`, records its new SHA-256 and size in the manifest.
    public func rewrite(_ path: String, keepDigest: Bool = false, _ transform: (String) throws -> String) throws {
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
    public func records(_ path: String) throws -> (header: String, records: [String]) {
        var lines = try text(path).components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return (lines.removeFirst(), lines)
    }

    /// The line a record starts on (the header is line 1), counting the line breaks inside quoted labels.
    public func line(ofRecord index: Int, in path: String) throws -> Int {
        try records(path).records.prefix(index).reduce(2) { $0 + 1 + $1.filter { $0 == "\n" }.count }
    }

    /// Rewrites the records of a plan CSV; `transform` sees the leading fields split on commas (the columns
    /// before the label, which are never quoted).
    public func rewriteRecords(_ path: String, _ transform: ([[String]]) throws -> [[String]]) throws {
        let (header, records) = try records(path)
        let columns = header.split(separator: ",").count
        let split = records.map { $0.split(separator: ",", maxSplits: columns - 1, omittingEmptySubsequences: false)
            .map(String.init) }
        let rewritten = try transform(split)
        try rewrite(path) { _ in ([header] + rewritten.map { $0.joined(separator: ",") }).joined(separator: "\r\n") + "\r\n" }
    }

    public func editManifest(_ change: (inout [String: Any]) throws -> Void) throws {
        let url = folder.appendingPathComponent("manifest.json")
        guard var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        try change(&manifest)
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys]).write(to: url)
    }
}
