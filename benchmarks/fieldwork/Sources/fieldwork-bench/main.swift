// fieldwork-bench baseline DATASET [--seed N] [--time-limit S]
// fieldwork-bench first-plan DATASET [--seed N]
//
// `baseline` draws the dataset's sample as `planner plan` does (same seed), plans its fieldwork twice — by the
// manual-style baseline (ManualBaseline) and by the optimiser (FieldworkStage.plan, GLPK) — and prints both as
// one JSON object, with the travel minutes the optimised plan saves and how much of the staff's time it uses.
//
// `first-plan` times the steps before GLPK: reading, sampling, the instance and the greedy warm start, which
// the planner holds from then on (a time-out still returns it). It prints whether that first plan is complete.
//
// A benchmark tool: no plan folder is written.
import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerGLPK
import PlannerPipeline
import PlannerSampling

struct Arguments {
    var mode: String
    var dataset: String
    var seed: UInt64?
    var timeLimit: Double = 20

    init(_ arguments: [String]) throws {
        var rest = arguments.makeIterator()
        guard let mode = rest.next(), ["baseline", "first-plan"].contains(mode) else { throw UsageError() }
        self.mode = mode
        var dataset: String?
        while let argument = rest.next() {
            switch argument {
            case "--seed": seed = rest.next().flatMap(UInt64.init)
            case "--time-limit": timeLimit = rest.next().flatMap(Double.init) ?? timeLimit
            default: dataset = argument
            }
        }
        guard let dataset else { throw UsageError() }
        self.dataset = dataset
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String {
        "usage: fieldwork-bench baseline|first-plan DATASET [--seed N] [--time-limit S]"
    }
}

func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

func summary(routes: [DayRoute], unscheduled: Int) -> [String: Any] {
    ["travel_minutes": rounded(routes.reduce(0) { $0 + $1.travelMinutes }),
     "used_minutes": rounded(routes.reduce(0) { $0 + $1.usedMinutes }),
     "enumerator_days": routes.count,
     "enumerators": Set(routes.map(\.enumeratorID)).count,
     "visits": routes.reduce(0) { $0 + $1.unitIDs.count },
     "unscheduled": unscheduled]
}

func baselineReport(_ arguments: Arguments, dataset: Dataset, sample: SamplePlan, units: [FieldworkUnit])
    throws -> [String: Any] {
    let request = FieldworkRequest(dataset: dataset, units: units)
    // What the staff can give: daily minutes × usable days (non-buffer working days they are available).
    let capacity = try AssignmentInstance(request: request).workers
        .reduce(0) { $0 + $1.enumerator.dailyMinutes * $1.usableDays.count }
    let baseline = try ManualBaseline().plan(request)
    let optimised = try FieldworkStage.plan(dataset: dataset, sample: sample.units, solver: GLPKSolver(),
                                            timeLimitSeconds: arguments.timeLimit)
    let saved = baseline.travelMinutes - optimised.totals.travelMinutes
    let used = optimised.routes.reduce(0) { $0 + $1.usedMinutes }
    return [
        "capacity_minutes": capacity,
        "utilisation_percent": capacity > 0 ? rounded(100 * used / Double(capacity)) : 0,
        "baseline": summary(routes: baseline.routes, unscheduled: baseline.unscheduledUnitIDs.count),
        "optimised": summary(routes: optimised.routes, unscheduled: optimised.unscheduledUnitIDs.count),
        "travel_minutes_saved": rounded(saved),
        "travel_saved_percent": baseline.travelMinutes > 0 ? rounded(100 * saved / baseline.travelMinutes) : 0,
    ]
}

func firstPlanReport(units: [FieldworkUnit], dataset: Dataset, started: Date) throws -> [String: Any] {
    let sampled = Date().timeIntervalSince(started)
    let request = FieldworkRequest(dataset: dataset, units: units)
    let instance = try AssignmentInstance(request: request)
    let model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
    let built = Date().timeIntervalSince(started)
    let greedy = GreedyAssignment(instance: instance, model: model)
    let trips = greedy.solve()
    let finished = Date().timeIntervalSince(started)
    var covered = Array(repeating: 0, count: instance.demands.count)
    for (option, count) in trips.enumerated() {
        covered[instance.options[option].demandIndex] += count * instance.options[option].visitsPerTrip
    }
    let unserved = zip(instance.demands, covered).reduce(0) { $0 + max(0, $1.0.count - $1.1) }
    return [
        "read_and_sample_seconds": rounded(sampled), "model_seconds": rounded(built - sampled),
        "greedy_seconds": rounded(finished - built), "first_plan_seconds": rounded(finished),
        "greedy_objective": rounded(greedy.objective(of: trips)), "greedy_unserved": unserved,
        "columns": model.model.variables.count, "rows": model.model.constraints.count,
    ]
}

do {
    let started = Date()
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    let dataset = try DatasetReader().read(folder: URL(fileURLWithPath: arguments.dataset))
    let seed = arguments.seed ?? dataset.settings.seed
    let sample = try SampleDesigner.design(dataset: dataset, seed: seed)
    let units = FieldworkUnit.units(from: sample.units, dataset: dataset)
    var report: [String: Any] = ["mode": arguments.mode, "dataset": arguments.dataset, "seed": seed,
                                 "units": units.count]
    let details = arguments.mode == "baseline"
        ? try baselineReport(arguments, dataset: dataset, sample: sample, units: units)
        : try firstPlanReport(units: units, dataset: dataset, started: started)
    report.merge(details) { first, _ in first }
    let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("fieldwork-bench: \(error)\n".utf8))
    exit(1)
}
