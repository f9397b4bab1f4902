import Foundation
import PlannerCore
import PlannerFormats
import PlannerGLPK
import PlannerPipeline
import PlannerPlanFormat
import PlannerReports
import PlannerTestSupport

/// A complete plan folder that `PlanJob` writes in-process from the plannable fixture, for the verifier's tests
/// to tamper with.
struct PlanUnderTest {
    let fixture: PlannableFixture
    /// The fixture's dataset as read; a test changes a copy to break a rule without touching the files.
    let dataset: Dataset
    let folder: URL
    var editor: PlanEditor { PlanEditor(folder: folder) }

    /// - Parameter signed: writes a key pair (`key`, `key.pub`) into the fixture and signs the plan with it.
    init(signed: Bool = false) throws {
        fixture = try PlannableFixture()
        var options = FieldworkJobOptions()
        if signed {
            _ = try SigningKeys.generate(privateKey: TypedPath("key", relativeTo: fixture.root))
            options.signingKey = TypedPath("key", relativeTo: fixture.root)
        }
        let written = try PlanJob(dataset: TypedPath("dataset", relativeTo: fixture.root), seed: 7,
                                  plansFolder: fixture.root.appendingPathComponent("Plans"), fieldwork: options)
            .run(solver: GLPKSolver())
        folder = written.folder
        dataset = try DatasetReader().read(folder: fixture.dataset)
    }

    func delete() {
        fixture.delete()
    }

    /// What the verifier finds in the folder as it is now on disk, against `dataset` (the fixture's unless given)
    /// and the fixture's dataset folder.
    ///
    /// - Parameter publicKey: a public key file under the fixture's root, to check the signature with.
    func findings(dataset: Dataset? = nil, publicKey: String? = nil) throws -> [PlanFinding] {
        let manifestData = try Data(contentsOf: folder.appendingPathComponent(PlanFolder.manifestName))
        let key = try publicKey.map {
            try PlanPublicKey.read(try Data(contentsOf: fixture.root.appendingPathComponent($0)), file: $0)
        }
        return PlanVerifier(folder: folder, manifest: try PlanManifest.read(from: manifestData),
                            dataset: dataset ?? self.dataset, datasetFolder: fixture.dataset, publicKey: key).findings()
    }

    /// The records of a plan CSV as named fields, with the line each starts on (the header is line 1).
    func rows(_ path: String) throws -> [(line: Int, fields: [String: String])] {
        let table = try CSVReader().read(try Data(contentsOf: folder.appendingPathComponent(path)), file: path)
        return table.records.map { record in
            (record.location.line, Dictionary(uniqueKeysWithValues: zip(table.columnNames, record.fields.map(\.text))))
        }
    }
}
