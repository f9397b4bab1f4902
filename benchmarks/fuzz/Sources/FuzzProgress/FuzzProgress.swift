import Foundation
import FuzzSupport
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// The fuzz target for `planner replan --progress`: the bytes are one progress file, or two when they contain
/// the byte 0x1E (the files a re-plan reads one after the other), checked against a real re-planned plan — its
/// sample, releases and recorded history (`FUZZ_PLAN`) and the default dataset's enumerators and window
/// (`FUZZ_DEFAULT_DATASET`). The reader must give visits that keep its own promises or located problems.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzProgress(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    let parts = data.split(separator: 0x1E, maxSplits: 1, omittingEmptySubsequences: false)
    let sources = parts.enumerated().map { ProgressTable.Source(file: "progress-\($0.offset + 1).csv", data: Data($0.element)) }
    let context = ProgressContext.shared.context
    let reading: ProgressReading
    do {
        reading = try ProgressTable.read(sources, context: context)
    } catch {
        // Every file is given, so every problem has a row or a header to point at.
        ProblemCheck.requireLocated(error.problems)
        return 0
    }
    for file in reading.files
    where file.rows != file.unfilled + file.used + file.repeated + file.alreadyRecorded {
        fatalError("rows not accounted for: \(file)")
    }
    let used = reading.files.reduce(0) { $0 + $1.used }
    let kept = Set(context.recorded.map { VisitKey(unit: $0.unitID, date: $0.date) })
    let new = reading.visits.filter { !kept.contains(VisitKey(unit: $0.unitID, date: $0.date)) }
    if new.count != used { fatalError("\(used) rows used but \(new.count) new visits in the history") }
    var seen = Set<VisitKey>()
    for visit in reading.visits {
        if !seen.insert(VisitKey(unit: visit.unitID, date: visit.date)).inserted {
            fatalError("two visits to \(visit.unitID) on \(visit.date) in the merged history")
        }
    }
    for visit in new {
        if !context.sampleUnitIDs.contains(visit.unitID) { fatalError("a visit to a unit outside the sample: \(visit)") }
        if !context.enumeratorIDs.contains(visit.enumeratorID) { fatalError("an unknown enumerator: \(visit)") }
        if !context.calendar.contains(visit.date) || visit.date >= context.asOf {
            fatalError("a visit outside the window or on or after the as-of date: \(visit)")
        }
    }
    return 0
}

struct VisitKey: Hashable {
    var unit: String
    var date: CalendarDate
}

/// The context of the re-plan the progress files are read for, made once per process from real files.
final class ProgressContext: Sendable {
    static let shared = ProgressContext()

    let context: ProgressTable.Context

    private init() {
        let plan = FuzzEnvironment.folder("FUZZ_PLAN")
        let datasetFolder = FuzzEnvironment.folder("FUZZ_DEFAULT_DATASET")
        func read(_ name: String) -> Data { try! Data(contentsOf: plan.appendingPathComponent(name)) }
        let sample = try! SampleTables.readSample(read(PlanFile.sample), file: PlanFile.sample)
        let releases = try! ReleaseTable.read(read(PlanFile.releases), file: PlanFile.releases)
        let visits = try! PlanVisitsTable.readVisits(read(PlanFile.assignments), file: PlanFile.assignments)
        let dataset = try! DatasetReader().read(folder: datasetFolder)
        // A few days after the last recorded visit: the next re-plan's as-of date as a supervisor would give it.
        let asOf = visits.history.map(\.date).max().map { $0.adding(days: 3) } ?? dataset.settings.calendar.lastDay
        context = ProgressTable.Context(
            sampleUnitIDs: Set(sample.map(\.unitID)),
            planUnitIDs: Set(SampledUnit.planUnits(of: sample, releases: releases).map(\.unitID)),
            enumeratorIDs: Set(dataset.enumerators.map(\.id)), calendar: dataset.settings.calendar, asOf: asOf,
            recorded: visits.history)
    }
}

@main
enum FuzzProgressMain {
    static func main() {
        // Read the plan and the dataset before libFuzzer starts timing inputs: under load, in a debug build with
        // ASan, that takes longer than the timeout for one input.
        _ = ProgressContext.shared
        FuzzDriver.run { bytes, count in fuzzProgress(bytes, count) }
    }
}
