import Foundation
import FuzzSupport
import PlannerCollection
import PlannerFormats
import ZIPFoundation

/// The fuzz target for `planner progress import --survey-solutions`: the bytes are an export zip as given when
/// they start with `PK`; otherwise they are the files of one, zipped here so that mutations reach the
/// tab-separated reader instead of stopping at the zip's checksums. Files are separated by the byte 0x1E; a
/// file holding the byte 0x1F is named by what comes before it, else by its position
/// (`interview__actions.tab`, `households.tab`, then `file-3.tab`, …). The reader must give located visits that
/// the plan's checks turn into progress rows or located problems (`ImportContext`), or located problems itself —
/// only the zip as a whole (not a zip, no actions file, no single main file, an entry too large or that does not
/// unpack) may be a problem of the file without a line.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSurveySolutions(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    let zip: Data
    if data.starts(with: [0x50, 0x4B]) {
        zip = data
    } else {
        guard let archive = ExportFiles.zip(data) else { return 0 }
        zip = archive
    }
    let name = "export.zip"
    let read: (visits: [CollectedVisit], summary: CollectionSourceSummary)
    do {
        read = try SurveySolutionsExport(utcOffset: ImportContext.shared.offset).read(zip: zip, name: name)
    } catch {
        ProblemCheck.requireLocated(error.problems, exceptFileLevel: ExportFiles.archiveFields)
        return 0
    }
    let summary = read.summary
    let skipped = summary.skipped.reduce(0) { $0 + $1.count }
    if summary.visits != read.visits.count || summary.sentBack > summary.visits || skipped > summary.records
        || !summary.file.hasPrefix(name + "/") {
        fatalError("a summary that does not add up: \(summary) for \(read.visits.count) visits")
    }
    if read.visits.contains(where: { !$0.unitField.file.hasPrefix(name + "/") || !$0.loginField.file.hasPrefix(name + "/") }) {
        fatalError("a visit located outside the zip: \(read.visits)")
    }
    ImportContext.shared.requireProgress(from: read.visits)
    return 0
}

enum ExportFiles {
    /// The problems that concern the archive as a whole, which no line of a file can locate.
    static let archiveFields: Set<String> = ["archive", SurveySolutionsExport.actionsFile, "main file", "size"]

    static let defaultNames = [SurveySolutionsExport.actionsFile, "households.tab"]

    /// The files of `data` in an archive, stored (not deflated: mutations should reach the reader, and an
    /// export may be either); nil when ZIPFoundation refuses a name.
    static func zip(_ data: Data) -> Data? {
        let parts = data.split(separator: 0x1E, omittingEmptySubsequences: false)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (position, part) in parts.enumerated() {
                var path = position < defaultNames.count ? defaultNames[position] : "file-\(position + 1).tab"
                var contents = Data(part)
                if let mark = part.firstIndex(of: 0x1F) {
                    path = String(decoding: part[part.startIndex..<mark], as: UTF8.self)
                    contents = Data(part[(mark + 1)...])
                }
                guard !path.isEmpty else { return nil }
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(contents.count),
                                     compressionMethod: .none) { position, size in
                    contents.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data
        } catch {
            return nil
        }
    }
}

@main
enum FuzzSurveySolutionsMain {
    static func main() {
        // Read the plan and the dataset before libFuzzer starts timing inputs (see FuzzProgress).
        _ = ImportContext.shared
        FuzzDriver.run { bytes, count in fuzzSurveySolutions(bytes, count) }
    }
}
