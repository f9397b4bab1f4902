import Foundation
import PlannerCore
import PlannerFormats
import PlannerOptimization
import PlannerReports

/// `planner assign`: plans the fieldwork of a folder that `planner sample` wrote, into a new plan folder; the
/// sample folder is never modified, and the dataset must be the one it was drawn from.
public struct AssignJob: Sendable {
    /// The folder written by `planner sample`.
    public var plan: TypedPath
    /// nil: the dataset the plan's manifest records, relative to `workingDirectory`.
    public var dataset: TypedPath?
    public var workingDirectory: URL
    /// The folder to create; nil: `<plan>-assigned` beside the plan.
    public var out: URL?
    public var language: Language
    public var fieldwork: FieldworkJobOptions

    public init(plan: TypedPath, dataset: TypedPath? = nil, workingDirectory: URL, out: URL? = nil,
                language: Language = .vietnamese, fieldwork: FieldworkJobOptions = .init()) {
        self.plan = plan
        self.dataset = dataset
        self.workingDirectory = workingDirectory
        self.out = out
        self.language = language
        self.fieldwork = fieldwork
    }

    public func run(solver: some MIPSolver, progress: any PipelineProgress = SilentProgress()) throws -> WrittenPlan {
        let writer = PlanWriter()
        let signingKey = try fieldwork.readSigningKey()
        let (parent, location) = try ParentPlan.open(plan, dataset: dataset, workingDirectory: workingDirectory, out: out)
        let data = try DatasetStep.read(location, progress: progress)
        let inputs = try parent.checkedInputs(datasetFolder: location.url, datasetPath: location.path).files
        let sample = try parent.sample()
        let (sampleFiles, design) = try parent.sampleFiles()
        let fieldworkPlan = try fieldwork.solve(dataset: data, sample: sample, solver: solver, progress: progress)
        let manifest = writer.manifest(kind: .plan, seed: parent.manifest.seed, dataset: location.path,
                                       inputs: inputs, language: language, generator: parent.manifest.generator,
                                       parent: try parent.parentRecord(), fieldwork: fieldworkPlan)
        let files = progress.step("Rendering the plan's files") {
            let summary = SummaryInput(dataset: data, sample: sample, design: design, manifest: manifest,
                                       plan: fieldworkPlan, language: language)
            return sampleFiles + FieldworkFolder.files(plan: fieldworkPlan, sample: sample, dataset: data,
                                                       language: language, edition: SheetEdition(manifest: manifest))
                + [SummaryPage.file(summary)]
        }
        let destination = PlanDestination.beside(parent.folder, suffix: "assigned", out: out)
        let (folder, written) = try writer.write(files, manifest: manifest, to: destination,
                                                 signingKey: signingKey, progress: progress)
        return WrittenPlan(folder: folder, manifest: written, fileCount: files.count, sample: sample,
                           fieldwork: fieldworkPlan)
    }
}
