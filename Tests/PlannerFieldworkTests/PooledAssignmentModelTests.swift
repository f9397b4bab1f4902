import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Synchronization
import Testing

/// Pooling interchangeable enumerators is exact: same optimum as one column per enumerator, and the pooled
/// solution dealt back to enumerators keeps every bound and day row at the same objective.
@Suite struct PooledAssignmentModelTests {
    /// A brute-force instance with each enumerator copied `copies − 1` more times (same base, skills, minutes
    /// and leave), so that pools have several members, plus one enumerator unlike any other.
    static func request(seed: UInt64, copies: Int) -> FieldworkRequest {
        let small = BruteForceTests.smallRequest(seed: seed)
        var dataset = small.dataset
        var enumerators: [Enumerator] = []
        var unavailability: [Unavailability] = []
        for copy in 1...copies {
            for enumerator in small.dataset.enumerators {
                var copied = enumerator
                copied.id = EnumeratorID("\(enumerator.id.rawValue)-\(copy)")
                enumerators.append(copied)
                for span in small.dataset.unavailability where span.enumeratorID == enumerator.id {
                    unavailability.append(Unavailability(enumeratorID: copied.id, from: span.from, to: span.to,
                                                         reason: span.reason))
                }
            }
        }
        enumerators.append(SmallSurvey.enumerator("EN99", at: SmallSurvey.point(east: 5, north: 5),
                                                  skills: [.household], dailyMinutes: 420))
        dataset.enumerators = enumerators
        dataset.unavailability = unavailability
        return FieldworkRequest(dataset: dataset, units: small.units, solverOptions: small.solverOptions)
    }

    /// The request's instance, its per-enumerator model and its pooled model.
    static func models(_ request: FieldworkRequest) throws
        -> (instance: AssignmentInstance, base: AssignmentModel, pooled: PooledAssignmentModel) {
        let instance = try AssignmentInstance(request: request)
        let base = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        return (instance, base, PooledAssignmentModel(instance: instance, costs: base.costs))
    }

    @Test("same optimum as the per-enumerator model; dealt-out trips keep bounds, days and objective",
          arguments: 1...8 as ClosedRange<UInt64>)
    func exact(seed: UInt64) throws {
        let request = Self.request(seed: seed, copies: 3)
        let (instance, base, pooled) = try Self.models(request)
        #expect(pooled.pools.count == 3)
        #expect(pooled.pools.map(\.count).sorted() == [1, 3, 3])
        #expect(pooled.model.variables.count < base.model.variables.count)

        let solver = GLPKSolver()
        let perEnumerator = try solver.solve(base.model, options: request.solverOptions, warmStart: nil, progress: nil)
        let pooledSolution = try solver.solve(pooled.model, options: request.solverOptions, warmStart: nil, progress: nil)
        let optimum = try #require(perEnumerator.result.objective)
        let pooledOptimum = try #require(pooledSolution.result.objective)
        #expect(abs(optimum - pooledOptimum) < 1e-6 * max(1, abs(optimum)))

        let trips = pooled.trips(from: pooledSolution.result.values)
        #expect(base.respectsBoundsAndDays(trips))
        let greedy = GreedyAssignment(instance: instance, model: base)
        #expect(abs(greedy.objective(of: trips) - pooledOptimum) < 1e-6 * max(1, abs(optimum)))
    }

    @Test("the warm start maps onto a feasible pooled vector no dearer than per enumerator",
          arguments: 1...8 as ClosedRange<UInt64>)
    func warmStart(seed: UInt64) throws {
        let request = Self.request(seed: seed, copies: 2)
        let (instance, base, pooled) = try Self.models(request)
        let greedy = GreedyAssignment(instance: instance, model: base)
        let trips = greedy.solve()
        let values = pooled.solutionVector(trips: trips)
        #expect(pooled.model.feasibilityViolation(of: values) == nil)
        #expect(pooled.model.objectiveValue(of: values) <= greedy.objective(of: trips) + 1e-6)
    }

    /// The greedy on the pools' columns (how large plans get their start: per enumerator, its construction took
    /// 184 s at ×50): its plan, dealt to the members, keeps every bound and day row, is a pool solution (dealing it
    /// again changes nothing), costs per enumerator what its pooled vector costs in the pooled model (pooling is
    /// exact), and costs no more than the greedy on the enumerators' own columns, within rounding of the pools' ties.
    /// Measured over the eight seeds: the two greedies agree on seven; on seed 5 pools cost 1.6 % more (210.5
    /// against 207.1, the optimum); both are 19 % above the optimum on seed 4, where the regret rule is myopic.
    @Test("the greedy on pools deals a feasible pool solution priced as the pooled model prices it",
          arguments: 1...8 as ClosedRange<UInt64>)
    func greedyOnPools(seed: UInt64) throws {
        let request = Self.request(seed: seed, copies: 3)
        let (instance, base, pooled) = try Self.models(request)
        let onPools = GreedyAssignment(pooled: pooled, instance: instance, costs: base.costs)
        let perEnumerator = GreedyAssignment(instance: instance, model: base)
        let trips = onPools.solve()
        #expect(base.respectsBoundsAndDays(trips))
        #expect(pooled.trips(from: pooled.solutionVector(trips: trips)) == trips)
        let values = pooled.solutionVector(trips: trips)
        #expect(pooled.model.feasibilityViolation(of: values) == nil)
        #expect(abs(pooled.model.objectiveValue(of: values) - onPools.objective(of: trips)) < 1e-6)
        #expect(abs(perEnumerator.objective(of: trips) - onPools.objective(of: trips)) < 1e-9)

        let optimum = try #require(try GLPKSolver().solve(pooled.model, options: request.solverOptions,
                                                          warmStart: nil, progress: nil).result)
        let optimumTrips = pooled.trips(from: optimum.values)
        #expect(onPools.unservedUnits(of: trips) == onPools.unservedUnits(of: optimumTrips))
        let objective = onPools.objective(of: trips)
        let figures = "seed \(seed): on pools \(objective), optimum \(onPools.objective(of: optimumTrips)), "
            + "per enumerator \(perEnumerator.objective(of: perEnumerator.solve()))"
        #expect(objective >= onPools.objective(of: optimumTrips) - 1e-6, "\(figures)")
        #expect(objective <= perEnumerator.objective(of: perEnumerator.solve()) * 1.02, "\(figures)")
    }

    /// The LP dive on the pooled model (the start of large plans): its trips, dealt to the members and completed
    /// by the greedy, keep every bound and day row, serve every unit the optimum serves, and cost little more than
    /// the optimum. On these instances of a dozen sites the greedy's completion weighs most (measured: 0 to 11.5 %
    /// above the optimum over the eight seeds); on the ×10 instance the dive's start was 0.36 % above the LP bound.
    @Test("the pooled LP dive's start is feasible, complete and near the optimum", arguments: 1...8 as ClosedRange<UInt64>)
    func poolDive(seed: UInt64) throws {
        let request = Self.request(seed: seed, copies: 3)
        let (instance, base, pooled) = try Self.models(request)
        let greedy = GreedyAssignment(instance: instance, model: base)
        let solver = GLPKSolver()
        let optimum = try #require(try solver.solve(pooled.model, options: request.solverOptions, warmStart: nil,
                                                    progress: nil).result)
        let optimumTrips = pooled.trips(from: optimum.values)
        let dive = try #require(try RelaxationRounding(instance: instance, pooled: pooled, greedy: greedy)
            .solve(solver: solver, options: request.solverOptions))
        #expect(base.respectsBoundsAndDays(dive))
        #expect(greedy.unservedUnits(of: dive) <= greedy.unservedUnits(of: optimumTrips))
        let ratio = greedy.objective(of: dive) / greedy.objective(of: optimumTrips)
        let figures = "seed \(seed): dive \(greedy.objective(of: dive)), optimum \(greedy.objective(of: optimumTrips)), "
            + "greedy \(greedy.objective(of: greedy.solve()))"
        #expect(ratio >= 1 - 1e-9 && ratio <= 1.15, "\(figures)")
    }

    /// GLPK, counting the MIP searches it is asked for (LP solves pass through).
    struct CountingSolver: MIPSolver {
        final class Count: Sendable {
            let value = Mutex(0)
        }
        let glpk = GLPKSolver()
        let count = Count()
        var identity: SolverIdentity { glpk.identity }
        var searches: Int { count.value.withLock { $0 } }

        func solve(_ model: MIPModel, options: SolverOptions, warmStart: [Double]?,
                   progress: (@Sendable (SolveProgress) -> Void)?) throws -> MIPSolution {
            count.value.withLock { $0 += 1 }
            return try glpk.solve(model, options: options, warmStart: warmStart, progress: progress)
        }

        func solveRelaxation(_ model: MIPModel, options: SolverOptions) throws -> MIPResult? {
            try glpk.solveRelaxation(model, options: options)
        }

        func iterateRelaxation(_ model: MIPModel, options: SolverOptions,
                               next: (MIPResult) -> RelaxationChange) throws -> MIPResult? {
            try glpk.iterateRelaxation(model, options: options, next: next)
        }
    }

    /// A pooled stage dives first, and when the dive's start is within the requested gap of the LP's optimum it
    /// asks GLPK for no search: then the stated gap must hold against the true optimum (solved here to 0 gap), and
    /// the bound must be below it. Otherwise the stage searches once, as before. With a 5 % gap most of these
    /// instances end at the dive; with 0.5 % fewer do (the greedy's completion weighs most on a dozen sites).
    @Test("a pooled dive within the gap is the stage's answer, and its gap holds against the optimum")
    func poolDiveWithinTheGapEndsTheStage() throws {
        var endedAtTheDive: [Double: Int] = [:]
        var searched = 0
        for gap in [0.05, 0.005] {
            for seed in 1...8 as ClosedRange<UInt64> {
                var request = Self.request(seed: seed, copies: 3)
                request.solverOptions.relativeGap = gap
                let (instance, base, pooled) = try Self.models(request)
                let solver = CountingSolver()
                let (trips, statistics) = try OneSiteStage(instance: instance, costs: base.costs, model: .pooled(pooled))
                    .solve(solver: solver, options: request.solverOptions, progress: nil)
                #expect(base.respectsBoundsAndDays(trips))
                // Dealt to the members as a pool solution is, whichever way the stage ended.
                #expect(pooled.trips(from: pooled.solutionVector(trips: trips)) == trips)
                let objective = GreedyAssignment(instance: instance, model: base).objective(of: trips)
                #expect(abs(objective - statistics.chosenObjective) < 1e-6 * max(1, objective))
                guard statistics.source == .lpDive else {
                    #expect(solver.searches == 1, "seed \(seed), gap \(gap)")
                    searched += 1
                    continue
                }
                endedAtTheDive[gap, default: 0] += 1
                #expect(solver.searches == 0)
                #expect(statistics.statusName == "feasible_gap_limit")
                var exact = request.solverOptions
                exact.relativeGap = 0
                let optimum = try #require(try GLPKSolver().solve(pooled.model, options: exact, warmStart: nil,
                                                                  progress: nil).result.objective)
                let bound = try #require(statistics.bestBound)
                let statedGap = try #require(statistics.relativeGap)
                #expect(bound <= optimum + 1e-6 * max(1, optimum), "seed \(seed): bound \(bound), optimum \(optimum)")
                #expect(statedGap <= gap)
                #expect(objective - optimum <= statedGap * objective + 1e-6 * max(1, objective),
                        "seed \(seed): \(objective) against the optimum \(optimum), stated gap \(statedGap)")
            }
        }
        // Measured: 7 of 8 end at the dive with a 5 % gap, 4 of 8 with 0.5 %; both ways must be taken.
        #expect(endedAtTheDive[0.05, default: 0] >= 1 && searched >= 1, "\(endedAtTheDive), \(searched) searched")
    }

    /// With no time for the dive's LP nor for GLPK, a pooled stage ends with the greedy's plan, within every bound
    /// and day row, dealt to the members as a pool solution is (the greedy's own dealing merged worse: ×10 at
    /// `--time-limit 4` printed 143,213.6 against 137,456.5), and says the time ran out.
    @Test("a pooled stage out of time deals the greedy's plan as a pool solution", arguments: 1...4 as ClosedRange<UInt64>)
    func pooledStageOutOfTime(seed: UInt64) throws {
        var request = Self.request(seed: seed, copies: 3)
        request.solverOptions.timeLimitSeconds = 1e-9
        let (instance, base, pooled) = try Self.models(request)
        let solver = CountingSolver()
        let (trips, statistics) = try OneSiteStage(instance: instance, costs: base.costs, model: .pooled(pooled))
            .solve(solver: solver, options: request.solverOptions, progress: nil)
        #expect(statistics.statusName == OneSiteStage.noTimeLeftStatus)
        #expect(statistics.stoppedByTimeLimit == true)
        #expect(solver.searches == 0)
        #expect(base.respectsBoundsAndDays(trips))
        #expect(trips.reduce(0, +) > 0)
        #expect(pooled.trips(from: pooled.solutionVector(trips: trips)) == trips)
    }

    /// A model as comparable values: each column by name (kind, bounds, objective), each row by name (bounds
    /// and its terms by column name).
    struct Shape: Equatable {
        struct Column: Equatable {
            var kind: MIPModel.VariableKind
            var lowerBound: Double?
            var upperBound: Double?
            var objective: Double
        }
        struct Row: Equatable {
            var lowerBound: Double?
            var upperBound: Double?
            var terms: [String: Double]
        }
        var columns: [String: Column] = [:]
        var rows: [String: Row] = [:]

        init() {}

        init(_ model: MIPModel) {
            for variable in model.variables {
                columns[variable.name] = Column(kind: variable.kind, lowerBound: variable.lowerBound,
                                                upperBound: variable.upperBound,
                                                objective: variable.objectiveCoefficient)
            }
            for row in model.constraints {
                var terms: [String: Double] = [:]
                for term in row.terms { terms[model.variables[term.variable.index].name] = term.coefficient }
                rows[row.name] = Row(lowerBound: row.lowerBound, upperBound: row.upperBound, terms: terms)
            }
        }
    }

    /// The per-enumerator model with each pool's members merged by hand: a member's column becomes its pool's
    /// (bound ⌈units / visits per trip⌉ capped at the pool's days), its days and balance rows the pool's with
    /// the right-hand sides times the pool's size; cover, day-count and unserved are unchanged.
    static func mergedByHand(_ base: AssignmentModel, instance: AssignmentInstance, pools: [[Int]]) -> Shape {
        let perEnumerator = Shape(base.model)
        var columnName: [String: String] = [:]
        var merged = Shape()
        for members in pools {
            let leader = instance.workers[members[0]]
            let size = members.count
            let label = ModelNames.sanitized(leader.enumerator.id.rawValue) + (size == 1 ? "" : "_x\(size)")
            for member in members {
                let id = ModelNames.sanitized(instance.workers[member].enumerator.id.rawValue)
                for option in instance.optionsOfWorker[member] {
                    let name = base.model.variables[base.tripVariables[option].index].name
                    let pooledName = "y_\(label)_" + name.dropFirst("y_\(id)_".count)
                    columnName[name] = pooledName
                    let chosen = instance.options[option]
                    let units = instance.demands[chosen.demandIndex].count
                    var column = perEnumerator.columns[name]!
                    column.upperBound = Double(min((units + chosen.visitsPerTrip - 1) / chosen.visitsPerTrip,
                                                   size * leader.usableDays.count))
                    merged.columns[pooledName] = column
                }
                columnName["excess_\(id)"] = "excess_\(label)"
            }
            let leaderID = ModelNames.sanitized(leader.enumerator.id.rawValue)
            merged.columns["excess_\(label)"] = perEnumerator.columns["excess_\(leaderID)"]
            for kind in ["days", "balance"] {
                var row = perEnumerator.rows["\(kind)_\(leaderID)"]!
                row.terms = Dictionary(uniqueKeysWithValues: row.terms.map { (columnName[$0.key]!, $0.value) })
                row.upperBound = row.upperBound.map { $0 * Double(size) }
                merged.rows["\(kind)_\(label)"] = row
            }
        }
        for (name, column) in perEnumerator.columns where name.hasPrefix("unserved_") { merged.columns[name] = column }
        for (name, row) in perEnumerator.rows where name.hasPrefix("cover_") || name.hasPrefix("trips_") {
            var terms: [String: Double] = [:]
            for (column, coefficient) in row.terms {
                let pooledName = columnName[column] ?? column
                // Members of a pool make the same visits per trip: their columns merge into one, not a sum.
                #expect(terms[pooledName] == nil || terms[pooledName] == coefficient)
                terms[pooledName] = coefficient
            }
            merged.rows[name] = Shape.Row(lowerBound: row.lowerBound, upperBound: row.upperBound, terms: terms)
        }
        return merged
    }

    @Test("built without the per-enumerator model, it is that model with each pool merged by hand",
          arguments: [(1, 1), (2, 1), (1, 3), (2, 3), (3, 2), (4, 3)] as [(UInt64, Int)])
    func directlyBuiltIsThePerEnumeratorModelMerged(seed: UInt64, copies: Int) throws {
        let request = Self.request(seed: seed, copies: copies)
        let instance = try AssignmentInstance(request: request)
        let costs = AssignmentCosts(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let pooled = PooledAssignmentModel(instance: instance, costs: costs)
        let base = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        #expect(base.costs == costs)
        #expect(pooled.pools.map(\.count).max() == copies)
        let expected = Self.mergedByHand(base, instance: instance, pools: pooled.pools)
        let built = Shape(pooled.model)
        #expect(built.columns == expected.columns)
        #expect(built.rows == expected.rows)
        #expect(pooled.model.variables.count == expected.columns.count)
        #expect(pooled.model.constraints.count == expected.rows.count)
        if copies == 1 {
            // Pools of one: the per-enumerator model itself, column for column and row for row.
            #expect(built == Shape(base.model))
        }
    }

    @Test("enumerators sharing base, minutes and skills share their priced trips: each as if priced alone",
          arguments: [1, 2, 3] as [UInt64])
    func sharedPricingIsExact(seed: UInt64) throws {
        let request = Self.request(seed: seed, copies: 3)
        let instance = try AssignmentInstance(request: request)
        var expected: [AssignmentInstance.TripOption] = []
        for (workerIndex, worker) in instance.workers.enumerated() where !worker.usableDays.isEmpty {
            for (demandIndex, demand) in instance.demands.enumerated()
            where worker.enumerator.skills.contains(demand.kind.requiredSkill) {
                let site = instance.site(of: demand).place
                let out = request.travel.minutes(from: worker.base, to: site)
                let back = request.travel.minutes(from: site, to: worker.base)
                let fit = AssignmentInstance.visitsThatFit(parameters: instance.parameters,
                                                           dailyMinutes: worker.enumerator.dailyMinutes,
                                                           legs: (out, back), kind: demand.kind, limit: demand.count)
                guard fit >= 1 else { continue }
                let trips = (demand.count + fit - 1) / fit
                expected.append(.init(workerIndex: workerIndex, demandIndex: demandIndex, roundTripMinutes: out + back,
                                      visitsPerTrip: fit, maximumTrips: min(trips, worker.usableDays.count)))
            }
        }
        #expect(instance.options == expected)
        #expect(Set(instance.options.map(\.workerIndex)).count > 3)
    }
}
