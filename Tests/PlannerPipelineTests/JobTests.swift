import Foundation
import PlannerCore
import PlannerGLPK
import PlannerPipeline
import Testing

/// The jobs the commands call, run in process without the binary: a batch of datasets, a sample then its
/// assignment, and the errors a caller can tell apart.
@Suite("pipeline jobs in process")
struct JobTests {
    @Test func aBatchOfDatasetsIsPlannedAndVerifiedInProcess() throws {
        let fixture = try JobFixture()
        defer { fixture.delete() }
        for (name, seed) in [("north", UInt64(1)), ("south", UInt64(2))] {
            let dataset = try fixture.dataset(name)
            let written = try PlanJob(dataset: dataset, seed: seed, plansFolder: fixture.plans)
                .run(solver: GLPKSolver())
            #expect(written.folder.lastPathComponent == "\(name)-seed-\(seed)")
            #expect(written.isComplete)
            #expect(written.manifest.kind == "plan" && written.manifest.seed == seed)
            #expect(written.manifest.files.count == written.fileCount)
            let main = written.sample.filter { $0.role == .main }.count
            #expect(written.fieldwork?.totals.scheduledUnits == main)
            let verified = try VerifyJob(plan: TypedPath(written.folder.path, relativeTo: fixture.root),
                                         workingDirectory: fixture.root).run()
            #expect(verified.findings.isEmpty, "\(verified.findings.map { $0.description(inPlan: name) })")
        }
    }

    @Test func aSampleIsAssignedIntoANewFolderBesideIt() throws {
        let fixture = try JobFixture()
        defer { fixture.delete() }
        let dataset = try fixture.dataset("d")
        let sample = try SampleJob(dataset: dataset, plansFolder: fixture.plans).run()
        #expect(sample.fieldwork == nil && sample.manifest.kind == "sample")
        let planPath = TypedPath(sample.folder.path, relativeTo: fixture.root)
        let assigned = try AssignJob(plan: planPath, dataset: dataset, workingDirectory: fixture.root)
            .run(solver: GLPKSolver())
        #expect(assigned.folder.lastPathComponent == sample.folder.lastPathComponent + "-assigned")
        // Read back from sample.csv: the same units in the same roles (probabilities as the file rounds them).
        #expect(assigned.sample.map { "\($0.unitID) \($0.role)" } == sample.sample.map { "\($0.unitID) \($0.role)" })
        #expect(assigned.manifest.parent?.path == sample.folder.path)
        // A second assignment never replaces the first.
        let again = try AssignJob(plan: planPath, dataset: dataset, workingDirectory: fixture.root)
            .run(solver: GLPKSolver())
        #expect(again.folder.lastPathComponent == sample.folder.lastPathComponent + "-assigned-2")
    }

    @Test func requestsAndInputsThatCannotBeMetAreToldApart() throws {
        let fixture = try JobFixture()
        defer { fixture.delete() }
        let dataset = try fixture.dataset("d")
        let notAPlan = AssignJob(plan: dataset, workingDirectory: fixture.root)
        #expect { try notAPlan.run(solver: GLPKSolver()) } throws: { error in
            (error as? PipelineError)?.kind == .invalidInput
                && "\(error)".hasPrefix("d/manifest.json: file: expected the manifest of a plan folder")
        }
        let plan = try PlanJob(dataset: dataset, plansFolder: fixture.plans).run(solver: GLPKSolver())
        let tooEarly = ReplanJob(plan: TypedPath(plan.folder.path, relativeTo: fixture.root),
                                 asOf: try #require(CalendarDate(iso8601: "2000-01-03")), workingDirectory: fixture.root)
        #expect { try tooEarly.run(solver: GLPKSolver()) } throws: { error in
            (error as? PipelineError)?.kind == .invalidRequest && "\(error)".contains("--as-of")
        }
        let taken = PlanJob(dataset: dataset, out: plan.folder, plansFolder: fixture.plans)
        #expect { try taken.run(solver: GLPKSolver()) } throws: { error in "\(error)".contains("never overwritten") }
    }
}
