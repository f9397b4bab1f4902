import Foundation
import PlannerFormats
import Testing

/// Reads the CSV files of a plan folder as rows of named fields, for checking invariants from the outside.
struct PlanFolderReader {
    let folder: URL

    func rows(_ name: String) throws -> [[String: String]] {
        let table = try CSVReader().read(try Data(contentsOf: folder.appendingPathComponent(name)), file: name)
        return table.records.map { record in
            Dictionary(uniqueKeysWithValues: zip(table.columnNames, record.fields.map(\.text)))
        }
    }

    func manifest() throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every file except the manifest, by relative path.
    func files() throws -> [String: Data] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        var files: [String: Data] = [:]
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            if path != "manifest.json" { files[path] = try Data(contentsOf: url) }
        }
        return files
    }
}
