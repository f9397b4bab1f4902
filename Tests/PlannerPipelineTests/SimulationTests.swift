import Foundation
import PlannerCore
import PlannerFormats
import PlannerGLPK
import PlannerPipeline
import PlannerSampling
import PlannerTestSupport
import Testing

/// `FieldworkSimulation` on the plannable fixture (three enumerators, a handful of units): small enough that
/// each run re-plans every evening in well under a second.
@Suite("Fieldwork simulation")
struct SimulationTests {
    /// The fixture's dataset and its sample (seed 7).
    private static func survey() throws -> (dataset: Dataset, sample: SamplePlan) {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let dataset = try DatasetReader().read(folder: fixture.dataset)
        return (dataset, try SampleDesigner.design(dataset: dataset, seed: 7))
    }

    private static func simulate(_ settings: SimulationSettings) throws -> (summary: SimulationSummary, mainUnits: Int) {
        let (dataset, sample) = try survey()
        let summary = try FieldworkSimulation(dataset: dataset, sample: sample, settings: settings)
            .run(solver: GLPKSolver())
        return (summary, sample.units.filter { $0.role == .main }.count)
    }

    /// With survey.toml's time limit (the default): every plan ends by its own rules.
    private static let troubled = SimulationSettings(runs: 3, seed: 11, dropoutProbability: 0.4, refusalRate: 0.2,
                                                     notAtHomeRate: 0.3)

    /// Every unit of a run's plan (main units and released reserves) ends completed, lost or pending, exactly
    /// one of them; a run is finished when none is pending; both policies face the same dropouts.
    @Test func everyUnitEndsCompletedLostOrPending() throws {
        let (summary, mainUnits) = try Self.simulate(Self.troubled)
        #expect(summary.runs.count == 2 * Self.troubled.runs)
        for run in summary.runs {
            #expect(run.completedUnits + run.lostUnits + run.pendingUnits == mainUnits + run.releases, "\(run)")
            #expect(run.finished == (run.pendingUnits == 0), "\(run)")
            #expect(run.travelMinutes >= 0)
        }
        for index in 0..<Self.troubled.runs {
            let pair = summary.runs.filter { $0.run == index }
            #expect(Set(pair.map(\.policy)) == Set(SimulationPolicy.allCases))
            #expect(Set(pair.map(\.droppedEnumerators)).count == 1, "run \(index): \(pair)")
        }
    }

    /// The same seed gives the same runs, everything but the time spent planning.
    @Test func aSeedReplaysExactly() throws {
        func withoutTimings(_ summary: SimulationSummary) -> [SimulationRun] {
            summary.runs.map { run in
                var run = run
                run.planningSeconds = 0
                return run
            }
        }
        let first = try Self.simulate(Self.troubled).summary
        let second = try Self.simulate(Self.troubled).summary
        #expect(first.isReproducible && second.isReproducible)
        #expect(withoutTimings(first) == withoutTimings(second))
    }

    /// A clock too short for the evening re-plans is counted, so that the command can say its figures depend on
    /// the machine; the naive policy never plans with GLPK and is never counted.
    @Test func rePlansCutByTheClockAreCounted() throws {
        var hurried = Self.troubled
        hurried.runs = 1
        hurried.timeLimitSeconds = 0.000_001
        let summary = try Self.simulate(hurried).summary
        #expect(!summary.isReproducible)
        #expect(summary.runs.filter { $0.policy == .replan }.allSatisfy { $0.replansStoppedByTimeLimit > 0 })
        #expect(summary.runs.filter { $0.policy == .naive }.allSatisfy { $0.replansStoppedByTimeLimit == 0 })
    }

    /// Without dropouts, refusals or absences, both policies interview every main unit and release nothing.
    @Test func withoutTroubleEveryMainUnitIsCompleted() throws {
        let calm = SimulationSettings(runs: 1, seed: 3, dropoutProbability: 0, refusalRate: 0, notAtHomeRate: 0,
                                      timeLimitSeconds: 1)
        let (summary, mainUnits) = try Self.simulate(calm)
        #expect(summary.runs.count == 2)
        for run in summary.runs {
            #expect(run.finished && run.completedUnits == mainUnits, "\(run)")
            #expect(run.lostUnits == 0 && run.releases == 0 && run.droppedEnumerators == 0, "\(run)")
        }
        #expect(summary.lines.map(\.finishedShare) == [1, 1])
    }

    /// When every visit is refused nobody is interviewed, and each refusal releases reserves while any are
    /// left, under either policy.
    @Test func whenEveryoneRefusesNothingIsCompleted() throws {
        let refusing = SimulationSettings(runs: 1, seed: 5, dropoutProbability: 0, refusalRate: 1, notAtHomeRate: 0,
                                          timeLimitSeconds: 1)
        let (summary, _) = try Self.simulate(refusing)
        for run in summary.runs {
            #expect(run.completedUnits == 0, "\(run)")
            #expect(run.lostUnits > 0 && run.releases > 0, "\(run)")
        }
    }
}
