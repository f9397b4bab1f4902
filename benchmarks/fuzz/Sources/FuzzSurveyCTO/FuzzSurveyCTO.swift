import Foundation
import FuzzSupport
import PlannerCollection
import PlannerFormats

/// The fuzz target for `planner progress import --surveycto`: the bytes are one submissions CSV, read with
/// times in the survey's local time, or in UTC when the first byte is odd (`--surveycto-utc`; the byte stays
/// part of the file). The reader must give located visits that the plan's checks turn into progress rows or
/// located problems (`ImportContext`), or located problems itself.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSurveyCTO(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    let reader = SurveyCTOSubmissions(surveyOffset: ImportContext.shared.offset, timesAreUTC: (data.first ?? 0) & 1 == 1)
    let name = "household.csv"
    let read: (visits: [CollectedVisit], summary: CollectionSourceSummary)
    do {
        read = try reader.read(csv: data, name: name)
    } catch {
        ProblemCheck.requireLocated(error.problems)
        return 0
    }
    let skipped = read.summary.skipped.reduce(0) { $0 + $1.count }
    if read.summary.visits != read.visits.count || read.summary.visits + skipped != read.summary.records {
        fatalError("a summary that does not add up: \(read.summary) for \(read.visits.count) visits")
    }
    ImportContext.shared.requireProgress(from: read.visits)
    return 0
}

@main
enum FuzzSurveyCTOMain {
    static func main() {
        // Read the plan and the dataset before libFuzzer starts timing inputs (see FuzzProgress).
        _ = ImportContext.shared
        FuzzDriver.run { bytes, count in fuzzSurveyCTO(bytes, count) }
    }
}
