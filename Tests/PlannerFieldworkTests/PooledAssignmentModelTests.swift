import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
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

    @Test("same optimum as the per-enumerator model; dealt-out trips keep bounds, days and objective",
          arguments: 1...8 as ClosedRange<UInt64>)
    func exact(seed: UInt64) throws {
        let request = Self.request(seed: seed, copies: 3)
        let instance = try AssignmentInstance(request: request)
        let base = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let pooled = PooledAssignmentModel(instance: instance, base: base)
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
        let instance = try AssignmentInstance(request: request)
        let base = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let pooled = PooledAssignmentModel(instance: instance, base: base)
        let greedy = GreedyAssignment(instance: instance, model: base)
        let trips = greedy.solve()
        let values = pooled.solutionVector(trips: trips)
        #expect(pooled.model.feasibilityViolation(of: values) == nil)
        #expect(pooled.model.objectiveValue(of: values) <= greedy.objective(of: trips) + 1e-6)
    }
}
