import Testing
import PlannerOptimization
import PlannerGLPK
import MIPSolverConformance

/// GLPK-specific warm-start and progress behaviour; what every backend must do is in `MIPSolverConformance`.
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
}

@Suite("Progress")
struct ProgressTests {
    @Test(arguments: [true, false])
    func sinkSeesMonotoneIncumbentsAndValidBounds(presolve: Bool) throws {
        let model = TestModels.multiKnapsack(items: 40, dimensions: 5, seed: 7)
        let log = ProgressLog()
        let solver = GLPKSolver(configuration: GLPKConfiguration(presolve: presolve))
        let result = try solver.solve(model, options: exactOptions, warmStart: nil, progress: log.sink).result
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
