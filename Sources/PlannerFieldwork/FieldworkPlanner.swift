import PlannerCore
import PlannerOptimization

/// Plans fieldwork: builds the enumerator-day MIP (one-site day-trips plus multi-site day patterns generated
/// from the LP duals), solves it from a greedy warm start, and turns the chosen days into dated, ordered,
/// timed routes.
///
/// The solver is a parameter so that this module never links a particular backend; the command line chooses it.
public struct FieldworkPlanner: Sendable {
    /// Per-enumerator trip options above which the one-site stage solves the pooled model
    /// (`PooledAssignmentModel.oneSiteThreshold`); tests lower it to pool small instances.
    var oneSitePoolingThreshold = PooledAssignmentModel.oneSiteThreshold
    /// Per-enumerator trip options above which the whole plan is pooled, one-site days only
    /// (`PooledAssignmentModel.optionThreshold`); tests lower it to pool small instances.
    var poolingThreshold = PooledAssignmentModel.optionThreshold
    /// Trip options above which the dive on the pattern LP prices no new patterns (`PatternGeneration.pricesDuringDive`):
    /// the mid-sized instances, the same as pool their one-site stage. Measured (60 s limit, quiet machine; docs/model.md,
    /// "Mid-sized plans: pricing and the dive"): the ×3 first plan's dive took 38 s of its 60 s with pricing, and
    /// without it the plan came out 2.6 % cheaper (the neighbourhood search got the time); default-sized instances,
    /// whose dive finishes in seconds either way, lose 2–4 % without it (default 10,407.2 → 10,657.7).
    static let diveDoesNotPriceAbove = PooledAssignmentModel.oneSiteThreshold

    public init() {}

    /// Plans the request.
    ///
    /// An overloaded request is not an error: the plan comes back incomplete with a diagnosis.
    /// - Throws: `FieldworkInputError` for a request that cannot be planned; the solver's errors when it breaks.
    public func plan(_ request: FieldworkRequest, solver: some MIPSolver,
                     progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> FieldworkPlan {
        let start = ContinuousClock.now
        // The time limit bounds the whole step: building the instance and the model comes off the one-site
        // stage's limit, and that stage gives its greedy a share of what is left (docs/model.md).
        var watch = PlanningWatch(start: start, progress: progress)
        watch.report("pricing the day-trips")
        let instance = try AssignmentInstance(request: request)
        let costs = AssignmentCosts(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let limit = request.solverOptions.timeLimitSeconds
        // Large instances are solved with interchangeable enumerators pooled (exact; see PooledAssignmentModel),
        // with one-site days only, and their per-enumerator model is never built. Others get multi-site and
        // mixed-work day patterns in a second stage; from mid-sized ones on, their one-site stage is pooled too.
        let pooling = instance.options.count > poolingThreshold
        let pooledOneSite = pooling || instance.options.count > oneSitePoolingThreshold
        watch.report(pooledOneSite ? "building the pooled model (\(instance.options.count) trip options)"
                                   : "building the model (\(instance.options.count) trip options)")
        let oneSiteModel: OneSiteModel = pooledOneSite
            ? .pooled(PooledAssignmentModel(instance: instance, costs: costs))
            : .perEnumerator(AssignmentModel(instance: instance,
                                             balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay))
        let withPatterns = !pooling && !oneSiteModel.model.variables.isEmpty
        var oneSiteOptions = request.solverOptions
        if withPatterns { oneSiteOptions.timeLimitSeconds = limit * 0.35 }
        // Without patterns the one-site plan is dated, merged and ordered right after the stage: that time is kept
        // out of the stage's limit.
        let schedulingReserve = withPatterns ? 0 : Self.schedulingSecondsPerVisit * Double(request.units.count)
        oneSiteOptions.timeLimitSeconds = max(0, min(oneSiteOptions.timeLimitSeconds,
                                                     limit - schedulingReserve - Self.seconds(since: start)))
        var (trips, statistics) = try OneSiteStage(instance: instance, costs: costs, model: oneSiteModel)
            .solve(solver: solver, options: oneSiteOptions, watch: watch, seedsDayPatterns: withPatterns, progress: progress)
        let scheduler = TripScheduler(instance: instance)
        guard withPatterns else {
            return try planWithoutPerEnumeratorPatterns(
                request: request, instance: instance, costs: costs, pooling: pooling, model: oneSiteModel.model,
                trips: trips, statistics: statistics, scheduler: scheduler, solver: solver, watch: watch,
                start: start, progress: progress)
        }

        // 2. Day patterns: the one-site solution's days merged (a warm start that already travels as little as
        // the merged plan), then patterns priced from the LP duals; the MIP over all of them from that start.
        let seed = Self.mergedStart(trips: trips, scheduler: scheduler)
        // The merged start is the incumbent the generation's progress reports: the one-site objective would overstate it.
        let seedObjective = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay,
                                            patterns: seed.patterns).objective(trips: seed.trips, patterns: seed.counts)
        var patternGeneration = PatternGeneration(instance: instance,
                                                  balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        patternGeneration.pricesDuringDive = instance.options.count <= Self.diveDoesNotPriceAbove
        patternGeneration.cutRoundsBeforeDive = PatternGeneration.maximumCutRounds
        let generation = try patternGeneration
            .generate(solver: solver, initial: seed.patterns,
                      timeLimitSeconds: max(0, limit * 0.8 - Self.seconds(since: start)),
                      incumbent: seedObjective, progress: progress)
        let patterned = generation.assignment
        var seedCounts = seed.counts
        seedCounts += Array(repeating: 0, count: patterned.patterns.count - seedCounts.count)
        // The best of the merged start, the dive's plan and the one-site plan, each with its unserved units first
        // offered to free days.
        let merged = (trips: seed.trips, patterns: seedCounts)
        var chosen = patterned.filledStart(merged) ?? merged
        var chosenObjective = patterned.objective(trips: chosen.trips, patterns: chosen.patterns)
        var chosenStatus = Self.mergedStartStatus
        let oneSite = (trips: trips, patterns: Array(repeating: 0, count: patterned.patterns.count))
        for (candidate, status) in [(generation.dive, Self.diveStatus), (oneSite, Self.mergedStartStatus)] {
            guard let candidate = candidate.flatMap(patterned.filledStart) else { continue }
            let objective = patterned.objective(trips: candidate.trips, patterns: candidate.patterns)
            if objective < chosenObjective - 1e-6 {
                chosen = candidate
                chosenObjective = objective
                chosenStatus = status
            }
        }
        // Small MIPs around the chosen plan, each freeing a few neighbouring enumerators: three where the plan
        // leaves room to spare, four near full capacity.
        let groupSize = NeighbourhoodSearch.groupSize(
            for: instance, planDays: chosen.trips.reduce(0, +) + chosen.patterns.reduce(0, +))
        let search = try NeighbourhoodSearch(instance: instance, assignment: patterned, groupSize: groupSize)
            .improve(trips: chosen.trips, patterns: chosen.patterns, solver: solver,
                     timeLimitSeconds: max(0, limit * 0.9 - Self.seconds(since: start)),
                     bound: generation.lowerBound, progress: progress)
        if search.improvements > 0 {
            chosen = (search.trips, search.patterns)
            chosenObjective = patterned.objective(trips: chosen.trips, patterns: chosen.patterns)
            chosenStatus = Self.neighbourhoodStatus
        }
        // The master MIP runs only while units stay unserved (coverage first), stopped after a number of
        // branch-and-bound nodes (the same on every run, so the plan is reproducible; the time limit is a safety
        // net). When the merged start serves every unit it is the plan: its LP bound is far weaker than the
        // one-site model's, and on the default dataset GLPK did not improve the start in 60 s (docs/model.md).
        var options = request.solverOptions
        options.timeLimitSeconds = max(0, limit - Self.seconds(since: start))
        options.nodeLimit = Self.masterNodeLimit
        options.focus = .incumbent
        if patterned.unservedUnits(trips: chosen.trips, patterns: chosen.patterns) == 0 { options.timeLimitSeconds = 0 }
        var source = chosenStatus == Self.diveStatus ? .lpDive
            : chosenStatus == Self.neighbourhoodStatus ? .solver : statistics.source
        var stoppedByTimeLimit = statistics.stoppedByTimeLimit == true || generation.stoppedByTimeLimit
            || search.stoppedByTimeLimit
        if options.timeLimitSeconds > 0 {
            let solution = try solver.solve(patterned.model, options: options,
                                            warmStart: patterned.solutionVector(trips: chosen.trips, patterns: chosen.patterns),
                                            progress: progress)
            let result = solution.result
            stoppedByTimeLimit = stoppedByTimeLimit || result.status.stoppedAtTimeLimit
            if result.status.hasSolution, result.values.count == patterned.model.variables.count {
                let solverTrips = patterned.trips(from: result.values)
                let solverPatterns = patterned.patternCounts(from: result.values)
                let objective = patterned.objective(trips: solverTrips, patterns: solverPatterns)
                if patterned.respectsBoundsAndDays(solverTrips, patterns: solverPatterns),
                   objective <= chosenObjective + 1e-6 {
                    chosen = (solverTrips, solverPatterns)
                    chosenObjective = objective
                    source = .solver
                }
            }
            statistics = SolverStatistics(solution: solution, seconds: statistics.seconds + result.seconds,
                                          backend: solver.identity, heuristicObjective: statistics.heuristicObjective,
                                          chosenObjective: chosenObjective, source: source)
        } else {
            statistics.chosenObjective = chosenObjective
            statistics.statusName = chosenStatus
            statistics.source = source
        }

        let schedule = scheduler.schedule(scheduler.chosenDays(trips: chosen.trips, patterns: patterned.patterns,
                                                               patternCounts: chosen.patterns))
        statistics.patternColumns = patterned.patterns.count
        statistics.generationRounds = generation.rounds
        // The generation's bound is its LP's with the cuts added before the dive.
        statistics.lowerBound = generation.lowerBound.map { min($0, chosenObjective) }
        statistics.unservedLowerBound = instance.unservedLowerBound(provenByLP: generation.unservedLowerBound)
        statistics.printedObjective = Self.printedObjective(of: schedule, instance: instance, model: patterned)
        statistics.visitsAddedAfterSolve = schedule.visitsAddedAfterSolve
        statistics.seconds = Self.seconds(since: start)
        statistics.stoppedByTimeLimit = stoppedByTimeLimit
        return Self.plan(from: schedule, instance: instance, request: request, statistics: statistics,
                         model: patterned.model)
    }

    /// The plan of a one-site stage whose model has no per-enumerator day patterns: the one-site plan dated,
    /// merged and ordered, and for pooled plans (large instances) the day patterns generated on the pools when
    /// the limit leaves them the time they need; the cheapest print wins. Its bound is the larger of the pooled
    /// pattern LP's and the day-capacity bound: the one-site model's does not hold for merged routes.
    private func planWithoutPerEnumeratorPatterns(
        request: FieldworkRequest, instance: AssignmentInstance, costs: AssignmentCosts, pooling: Bool,
        model oneSiteModel: MIPModel, trips: [Int], statistics oneSiteStatistics: SolverStatistics,
        scheduler: TripScheduler, solver: some MIPSolver, watch startWatch: PlanningWatch, start: ContinuousClock.Instant,
        progress: (@Sendable (SolveProgress) -> Void)?) throws -> FieldworkPlan {
        let limit = request.solverOptions.timeLimitSeconds
        var statistics = oneSiteStatistics
        var watch = startWatch
        watch.report("dating, merging and ordering \(trips.reduce(0, +)) day-trips")
        var schedule = scheduler.schedule(trips: trips)
        var printedObjective = Self.printedObjective(of: schedule, instance: instance, costs: costs)
        var model = oneSiteModel
        var planBound: Double?
        var provenUnserved: Int?
        // The day-capacity bound (below), computed once: before the day patterns when they run, so that their
        // progress lines show a gap from the first round (without it they showed "bound 0.0 · gap 100 %" for the
        // first ten rounds at ×10, about 10 s), else after the one-site plan.
        var capacityBound: Double?
        func boundByDayCapacity() {
            capacityBound = DayCapacityBound.planBound(instance: instance, costs: costs, target: printedObjective,
                                                       secondsLeft: limit - Self.seconds(since: start), watch: &watch)
        }
        // Day patterns on the pools, from the one-site plan's days merged, when the limit leaves the time the
        // stage needs and the pools are few enough for the generation to finish.
        let patternSeconds = limit * 0.8 - Self.seconds(since: start)
        let pools = pooling && !instance.demands.isEmpty && patternSeconds > 0 ? PooledInstance(instance) : nil
        if let pools, PooledPatternStage.fits(pools, seconds: patternSeconds) {
            boundByDayCapacity()
            watch.report("day patterns on the pools")
            let seed = Self.mergedStart(trips: trips, scheduler: scheduler)
            let stage = try PooledPatternStage(pooled: pools,
                                               balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
                .solve(start: PooledInstance.Days(trips: seed.trips, patterns: seed.patterns, counts: seed.counts),
                       solver: solver, timeLimitSeconds: max(0, limit * 0.8 - Self.seconds(since: start)),
                       knownBound: capacityBound, progress: progress)
            if let stage {
                planBound = stage.lowerBound
                provenUnserved = stage.unservedLowerBound
                statistics.generationRounds = stage.rounds
                statistics.stoppedByTimeLimit = statistics.stoppedByTimeLimit == true || stage.stoppedByTimeLimit
                for candidate in stage.candidates {
                    watch.report(candidate.fromDive ? "dating, merging and ordering the dive's plan"
                                                    : "dating, merging and ordering the merged start")
                    let patterned = scheduler.schedule(scheduler.chosenDays(
                        trips: candidate.days.trips, patterns: candidate.days.patterns,
                        patternCounts: candidate.days.counts))
                    let objective = Self.printedObjective(of: patterned, instance: instance, costs: costs)
                    guard objective < printedObjective - 1e-6 else { continue }
                    schedule = patterned
                    printedObjective = objective
                    model = stage.model.model
                    statistics.patternColumns = stage.model.patterns.count
                    statistics.chosenObjective = candidate.objective
                    statistics.statusName = candidate.fromDive ? Self.diveStatus : Self.mergedStartStatus
                    if candidate.fromDive { statistics.source = .lpDive }
                }
            }
        }
        // The one-site model's bound does not hold for merged routes: the day patterns' bound does (for days of
        // at most two sites), and so does the day-capacity bound (when the limit leaves time for it: its scan
        // of travel times grows with the square of the places); the larger is recorded.
        if pooling, capacityBound == nil { boundByDayCapacity() }
        if let capacityBound { planBound = max(planBound ?? 0, capacityBound) }
        if let planBound { statistics.lowerBound = min(planBound, printedObjective) }
        statistics.seconds = Self.seconds(since: start)
        statistics.printedObjective = printedObjective
        statistics.visitsAddedAfterSolve = schedule.visitsAddedAfterSolve
        statistics.unservedLowerBound = instance.unservedLowerBound(provenByLP: provenUnserved)
        return Self.plan(from: schedule, instance: instance, request: request, statistics: statistics, model: model)
    }

    /// The one-site solution's days after allocation and merging, as model columns: a day with one demand is a
    /// day-trip of its option, a day with several (two sites, or both kinds at one site) a pattern (identical
    /// ones counted together). Feasible for the pattern model, and as cheap as the merged plan.
    static func mergedStart(trips: [Int], scheduler: TripScheduler)
        -> (trips: [Int], patterns: [DayPattern], counts: [Int]) {
        let instance = scheduler.instance
        var optionOf: [Int: Int] = [:]
        for (index, option) in instance.options.enumerated() {
            optionOf[option.workerIndex * instance.demands.count + option.demandIndex] = index
        }
        var newTrips = Array(repeating: 0, count: trips.count)
        var tally = DayPatternTally()
        let filled = scheduler.allocate(scheduler.chosenDays(trips: trips))
        for worker in instance.workers.indices {
            let own = filled.filter { $0.worker == worker }
            guard !own.isEmpty else { continue }
            for day in scheduler.merge(own, worker: worker) {
                if day.trips.count == 1, let option = optionOf[worker * instance.demands.count + day.trips[0].demand] {
                    newTrips[option] += 1
                    continue
                }
                let pattern = DayPattern(workerIndex: worker,
                                         visits: day.trips.map { DayPattern.Visits(demand: $0.demand, visits: $0.visits) },
                                         siteOrder: day.siteOrder, travelMinutes: day.travelMinutes)
                tally.add(pattern)
            }
        }
        return (newTrips, tally.patterns, tally.counts)
    }

    /// The status of a plan whose day-pattern stage kept the merged start (no master MIP was needed).
    public static let mergedStartStatus = "feasible_merged_start"
    /// The status of a plan improved by the neighbourhood search (no master MIP was needed).
    public static let neighbourhoodStatus = "feasible_neighbourhood_search"
    /// The status of a plan whose days are the end of the dive on the pattern LP (no master MIP was needed).
    public static let diveStatus = "feasible_lp_dive"

    /// Time kept for dating, merging and ordering a one-site plan's day-trips, per visit: at ×20 (44,260 visits,
    /// 5,375 days) it took under 2 s; this keeps twice that.
    static let schedulingSecondsPerVisit = 1e-4

    /// Branch-and-bound nodes the day-pattern master MIP may explore.
    static let masterNodeLimit = 100

    /// The objective of the printed routes, priced as the model prices days: road travel, balance and penalty.
    static func printedObjective(of schedule: TripScheduler.Schedule, instance: AssignmentInstance,
                                 model: AssignmentModel) -> Double {
        printedObjective(of: schedule, instance: instance, costs: model.costs)
    }

    static func printedObjective(of schedule: TripScheduler.Schedule, instance: AssignmentInstance,
                                 costs: AssignmentCosts) -> Double {
        var days: [EnumeratorID: Int] = [:]
        for route in schedule.routes { days[route.enumeratorID, default: 0] += 1 }
        let excess = instance.workers.reduce(0) { $0 + max(0, (days[$1.enumerator.id] ?? 0) - $1.fairShareDays) }
        return schedule.routes.reduce(0) { $0 + $1.travelMinutes } + costs.excessDayCost * Double(excess)
            + costs.unservedPenalty * Double(schedule.unscheduledUnitIDs.count)
    }

    /// The plan of a schedule: totals from the routes and the diagnosis of what stayed unserved.
    static func plan(from schedule: TripScheduler.Schedule, instance: AssignmentInstance, request: FieldworkRequest,
                     statistics: SolverStatistics, model: MIPModel) -> FieldworkPlan {
        let unscheduled = Set(schedule.unscheduledUnitIDs)
        let unservedPerDemand = instance.demands.map { demand in demand.units.filter { unscheduled.contains($0.id) }.count }
        let diagnosis = ShortfallAnalyzer(instance: instance, dataset: request.dataset)
            .diagnose(unservedPerDemand: unservedPerDemand)
        let routes = schedule.routes
        let totals = PlanTotals(
            units: request.units.count, scheduledUnits: schedule.visits.count,
            unscheduledUnits: schedule.unscheduledUnitIDs.count, enumeratorDays: routes.count,
            enumeratorsUsed: Set(routes.map(\.enumeratorID)).count,
            travelMinutes: routes.reduce(0) { $0 + $1.travelMinutes },
            moveMinutes: routes.reduce(0) { $0 + $1.moveMinutes },
            interviewMinutes: routes.reduce(0) { $0 + $1.interviewMinutes },
            dayTrips: schedule.dayTrips, daysSavedByMerging: max(0, schedule.dayTrips - routes.count),
            modelTravelMinutes: schedule.modelTravelMinutes)
        return FieldworkPlan(visits: schedule.visits, routes: routes, unscheduledUnitIDs: schedule.unscheduledUnitIDs,
                             solver: statistics, model: model, totals: totals, diagnosis: diagnosis)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start) / .seconds(1)
    }
}

