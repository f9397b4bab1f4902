import Foundation
import PlannerCore
import PlannerFormats
import PlannerPipeline
import PlannerPlanFormat
import PlannerTestSupport
import Testing

/// `verify` renders every derived file again from the plan's primary files and the dataset: edits the manifest
/// was re-hashed over, and derived files removed with their manifest entries, are found; a signed plan tells an
/// issued plan from an edited one.
@Suite("Derived files and signatures")
struct DerivedFilesTests {
    /// Two enumerators of one day swapped in assignments.csv and in their route CSVs, the manifest re-hashed: the
    /// digests and every rule pass (both have the skills and the room), but the HTML sheets still name the
    /// first owners, and both edited files differ from their rendering from fieldwork.json.
    @Test func swappedEnumeratorsAreFoundThroughTheHTMLSheets() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let rows = try plan.rows("assignments.csv")
        let day = try #require(rows.first?.fields["date"])
        let enumerators = Array(Set(rows.filter { $0.fields["date"] == day }.compactMap { $0.fields["enumerator_id"] }))
            .sorted()
        try #require(enumerators.count >= 2, "the fixture's first day needs two enumerators")
        let (first, second) = (enumerators[0], enumerators[1])
        func swap(_ text: String) -> String {
            text.replacingOccurrences(of: ",\(first),", with: ",\u{0}SWAP,")
                .replacingOccurrences(of: ",\(second),", with: ",\(first),")
                .replacingOccurrences(of: ",\u{0}SWAP,", with: ",\(second),")
        }
        try plan.editor.rewrite("assignments.csv", swap)
        let routeCSVs = try FileManager.default.subpathsOfDirectory(atPath: plan.folder.appendingPathComponent("routes").path)
            .filter { $0.hasSuffix(".csv") }.map { "routes/" + $0 }
        for path in routeCSVs { try plan.editor.rewrite(path) { swap($0) } }

        let findings = try plan.findings()
        #expect(findings.allSatisfy { $0.check != .integrity }, "the manifest was re-hashed: \(findings)")
        let derived = Set(findings.filter { $0.check == .derived }.map(\.path))
        #expect(derived.contains("assignments.csv"), "\(findings)")
        let sheets = ["routes/\(day)/\(first).html", "routes/\(day)/\(second).html"]
        let swappedCSVs = ["routes/\(day)/\(first).csv", "routes/\(day)/\(second).csv"]
        #expect(derived.isSuperset(of: swappedCSVs), "\(derived.sorted())")
        // The sheets were not edited: they still name each day's first owner, which fieldwork.json confirms, so
        // the sheets agree with their rendering while the CSVs beside them do not.
        #expect(derived.isDisjoint(with: sheets), "\(derived.sorted())")
        #expect(findings.contains { $0.check == .derived && $0.path == "assignments.csv" && $0.line != nil })
    }

    /// Every route sheet, post-office summary, bundle and notice deleted together with its manifest entry: the
    /// digests pass, and each file is reported by name as removed.
    @Test func derivedFilesDeletedWithTheirManifestEntriesAreEachFound() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let folders = ["routes", "post-offices", "bundles", "notices"]
        var removed: [String] = []
        for folder in folders {
            let root = plan.folder.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: root.path) else { continue }
            removed += try FileManager.default.subpathsOfDirectory(atPath: root.path)
                .filter { !$0.hasSuffix("/") && $0.contains(".") }.map { "\(folder)/\($0)" }
            try FileManager.default.removeItem(at: root)
        }
        try #require(removed.count > 10)
        try plan.editor.editManifest { manifest in
            let files = manifest["files"] as? [[String: Any]] ?? []
            manifest["files"] = files.filter { !removed.contains($0["path"] as? String ?? "") }
        }

        let findings = try plan.findings()
        let reported = findings.filter { $0.check == .integrity && $0.message.contains("removed from the plan") }
        #expect(Set(reported.map(\.path)) == Set(removed), "\(findings.prefix(10))")
        // Besides the removals, only the route check's count of the visits left without a sheet.
        #expect(findings.allSatisfy { removed.contains($0.path) || $0.check == .routes },
                "\(findings.filter { !removed.contains($0.path) })")
    }

    /// fieldwork.json removed with its entry: the record every plan has is missing, and nothing is rendered.
    @Test func aPlanWithoutItsFieldworkRecordIsAFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        try FileManager.default.removeItem(at: plan.folder.appendingPathComponent(PlanFile.fieldwork))
        try plan.editor.editManifest { manifest in
            let files = manifest["files"] as? [[String: Any]] ?? []
            manifest["files"] = files.filter { $0["path"] as? String != PlanFile.fieldwork }
        }
        let findings = try plan.findings()
        #expect(findings.map(\.path) == [PlanFile.fieldwork], "\(findings)")
        #expect(findings.first?.check == .integrity)
    }

    /// A file listed in the manifest that no step of the planner writes is named.
    @Test func aListedFileThePlanerNeverWritesIsAFinding() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let data = Data("extra\n".utf8)
        try data.write(to: plan.folder.appendingPathComponent("extra.txt"))
        try plan.editor.editManifest { manifest in
            var files = manifest["files"] as? [[String: Any]] ?? []
            files.append(["path": "extra.txt", "sha256": SHA256.hexDigest(data), "bytes": data.count])
            manifest["files"] = files
        }
        let findings = try plan.findings()
        #expect(findings.map(\.path) == ["extra.txt"], "\(findings)")
        #expect(findings.first?.message.contains("no step of the planner writes") == true)
    }

    /// A signed plan verifies with its public key; re-hashing an edit into the manifest breaks the signature;
    /// a missing signature and another office's key are findings too.
    @Test func aSignatureTellsAnIssuedPlanFromAnEditedOne() throws {
        let plan = try PlanUnderTest(signed: true)
        defer { plan.delete() }
        #expect(FileManager.default.fileExists(atPath: plan.folder.appendingPathComponent(PlanFile.signature).path))
        #expect(try plan.findings(publicKey: "key.pub") == [])

        _ = try SigningKeys.generate(privateKey: TypedPath("other", relativeTo: plan.fixture.root))
        let other = try plan.findings(publicKey: "other.pub")
        #expect(other.map(\.check) == [.signature], "\(other)")

        try plan.editor.rewrite("fieldwork-report.md") { $0 + "\nEdited.\n" }
        let edited = try plan.findings(publicKey: "key.pub")
        #expect(edited.contains { $0.check == .signature && $0.path == PlanFile.signature }, "\(edited)")
        #expect(edited.contains { $0.check == .derived && $0.path == "fieldwork-report.md" }, "\(edited)")

        try FileManager.default.removeItem(at: plan.folder.appendingPathComponent(PlanFile.signature))
        let unsigned = try plan.findings(publicKey: "key.pub")
        #expect(unsigned.contains { $0.check == .signature && $0.message.contains("unsigned") }, "\(unsigned)")
    }

    /// The manifest records the rendering edition of the build that wrote the plan: a derived file differing from
    /// this build's rendering is called an edit only when the editions agree; another edition, or none recorded,
    /// names the build that wrote it and leaves both causes open.
    @Test func theRenderingEditionSaysWhetherADifferenceIsAnEdit() throws {
        let plan = try PlanUnderTest()
        defer { plan.delete() }
        let manifest = try String(contentsOf: plan.folder.appendingPathComponent(PlanFile.manifest), encoding: .utf8)
        #expect(manifest.contains("\"rendering_edition\" : \(PlannerVersion.renderingEdition)"), "\(manifest.prefix(400))")
        try plan.editor.rewrite("fieldwork-report.md") { $0 + "\nEdited.\n" }
        func finding() throws -> String {
            let findings = try plan.findings()
            #expect(findings.map(\.path) == ["fieldwork-report.md"], "\(findings)")
            return try #require(findings.first { $0.check == .derived }).message
        }
        let edited = try finding()
        #expect(edited.contains("it was edited after the plan was written, with the manifest re-hashed"), "\(edited)")

        func record(_ edition: Int?) throws {
            try plan.editor.editManifest { manifest in
                var tool = manifest["tool"] as? [String: Any] ?? [:]
                tool["rendering_edition"] = edition
                manifest["tool"] = tool
            }
        }
        try record(PlannerVersion.renderingEdition + 1)
        let later = try finding()
        #expect(later.contains("written by rendering edition \(PlannerVersion.renderingEdition + 1) (planner ")
                && later.contains("this build renders edition \(PlannerVersion.renderingEdition), so the difference may "
                                  + "be the renderer's or an edit"), "\(later)")
        try record(nil)
        let older = try finding()
        #expect(older.contains("before rendering editions were recorded") && !older.contains("it was edited"),
                "\(older)")
    }

    /// Key files: the private key is readable by its owner only, a key is never overwritten, and a damaged key
    /// file is a located problem that does not echo a private key.
    @Test func keyFilesAreWrittenOnceAndReadWithLocatedProblems() throws {
        let folder = try TestFolders.temporaryFolder(prefix: "keys")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = TypedPath("office.key", relativeTo: folder)
        _ = try SigningKeys.generate(privateKey: location)
        let attributes = try FileManager.default.attributesOfItem(atPath: location.url.path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        #expect(throws: PipelineError.self) { try SigningKeys.generate(privateKey: location) }

        let text = try String(contentsOf: location.url, encoding: .utf8)
        let damaged = Data(text.replacingOccurrences(of: "planner-ed25519-private-key ", with: "key ").utf8)
        #expect {
            try PlanSigningKey.read(damaged, file: "office.key")
        } throws: { error in
            guard let problem = (error as? InvalidInput)?.problems.first else { return false }
            let secret = String(text.split(separator: " ")[1].prefix(12))
            return problem.file == "office.key" && problem.line == 1 && !problem.description.contains(secret)
        }
    }
}
