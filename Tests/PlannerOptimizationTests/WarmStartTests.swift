import Testing
import PlannerOptimization

@Suite("Warm start")
struct WarmStartTests {
    let solver = GLPKSolver()

    @Test func warmStartRescuesAHardInstanceUnderATinyTimeLimit() throws {
        let (model, planted) = TestModels.plantedMarketSplit(rows: 5, columns: 40, seed: 11)
        #expect(model.feasibilityViolation(of: planted) == nil)
        let options = SolverOptions(timeLimitSeconds: 0.2, relativeGap: 0)

        let cold = try solver.solve(model, options: options, warmStart: nil, progress: nil)
        #expect(cold.warmStartAccepted == nil)
        #expect(cold.result.status == .noSolutionFound(.timeLimit), "GLPK alone finds nothing this fast")

        let warm = try solver.solve(model, options: options, warmStart: planted, progress: nil)
        #expect(warm.warmStartAccepted == true)
        #expect(warm.result.status == .feasible(.timeLimit))
        #expect(model.feasibilityViolation(of: warm.result.values) == nil)
        let plantedObjective = model.objectiveValue(of: planted)
        #expect((warm.result.objective ?? .infinity) <= plantedObjective)
        #expect(warm.result.objective == model.objectiveValue(of: warm.result.values))
        if let bound = warm.result.bestBound, let objective = warm.result.objective {
            #expect(bound <= objective + 1e-9, "a minimisation's bound is below the incumbent")
        }
    }

    @Test func infeasibleWarmStartIsRejectedAndTheSolveStillWorks() throws {
        let model = TestModels.knapsack()
        let overweight: [Double] = [1, 1, 1, 1, 1]
        let solution = try solver.solve(model, options: exactOptions, warmStart: overweight, progress: nil)
        #expect(solution.warmStartAccepted == false)
        #expect(solution.result.objective == 51)
    }

    @Test(arguments: [
        [1, 0, 0, 0],            // wrong length
        [0.5, 0, 0, 0, 0],       // fractional binary
        [2, 0, 0, 0, 0],         // outside bounds
        [.nan, 0, 0, 0, 0],      // not a number
    ] as [[Double]])
    func malformedWarmStartsAreRejected(_ warmStart: [Double]) throws {
        let solution = try solver.solve(TestModels.knapsack(), options: exactOptions, warmStart: warmStart, progress: nil)
        #expect(solution.warmStartAccepted == false)
        #expect(solution.result.status == .optimal)
    }

    @Test(arguments: [true, false])
    func feasibleWarmStartIsAcceptedAndOptimumStillFound(presolve: Bool) throws {
        let model = TestModels.multiKnapsack(items: 30, dimensions: 3, seed: 9)
        var options = exactOptions
        options.presolve = presolve
        let reference = try solver.solve(model, options: options).result
        let nothing = [Double](repeating: 0, count: model.variables.count)
        let warm = try solver.solve(model, options: options, warmStart: nothing, progress: nil)
        #expect(warm.warmStartAccepted == true)
        #expect(warm.result.status == .optimal)
        #expect(warm.result.objective == reference.objective)
        #expect(warm.result.bestBound == warm.result.objective)
    }

    @Test func warmStartWithinToleranceIsCleanedToIntegers() throws {
        let model = TestModels.knapsack()
        let nearlyOptimal: [Double] = [1e-9, 1 - 1e-9, 1, 1, 0]
        let solution = try solver.solve(model, options: exactOptions, warmStart: nearlyOptimal, progress: nil)
        #expect(solution.warmStartAccepted == true)
        #expect(solution.result.values == [0, 1, 1, 1, 0])
    }
}

@Suite("Progress")
struct ProgressTests {
    @Test(arguments: [true, false])
    func sinkSeesMonotoneIncumbentsAndValidBounds(presolve: Bool) throws {
        let model = TestModels.multiKnapsack(items: 40, dimensions: 5, seed: 7)
        var options = exactOptions
        options.presolve = presolve
        let log = ProgressLog()
        let result = try GLPKSolver().solve(model, options: options, warmStart: nil, progress: log.sink).result
        let snapshots = log.snapshots
        #expect(result.status == .optimal)
        #expect(!snapshots.isEmpty, "a 40-item, 5-row knapsack needs a search tree")
        guard let optimum = result.objective else { return }
        let incumbents = snapshots.compactMap(\.incumbent)
        #expect(!incumbents.isEmpty)
        #expect(incumbents == incumbents.sorted(), "a maximisation's incumbents only improve")
        #expect(incumbents.allSatisfy { $0 <= optimum + 1e-9 })
        for snapshot in snapshots {
            if let bound = snapshot.bestBound { #expect(bound >= optimum - 1e-6, "upper bound below the optimum") }
            #expect(snapshot.elapsedSeconds >= 0 && snapshot.openNodes >= 0)
            if snapshot.incumbent == nil { #expect(snapshot.relativeGap == nil) }
        }
        let times = snapshots.map(\.elapsedSeconds)
        #expect(times == times.sorted())
    }
}
