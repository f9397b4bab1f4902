import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerTestSupport
import Testing

/// `planner verify` on a plan written by `planner plan`, then on copies broken in each way a plan can be wrong.
@Suite("planner verify")
struct VerifyCommandTests {
    /// A fresh complete plan of the small fixture, and an editor for it.
    func freshPlan() throws -> (PlannableFixture, PlanEditor) {
        let fixture = try PlannableFixture()
        return (fixture, PlanEditor(folder: try fixture.plan()))
    }

    /// Runs verify and returns its problem lines (without the closing count).
    func verify(_ fixture: PlannableFixture, _ extra: [String] = []) throws -> (Int32, [String]) {
        let result = try PlannerProcess.run(["verify", "plan"] + extra, in: fixture.root)
        let lines = result.standardError.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("plan: ") }
        return (result.status, lines)
    }

    func expectFinding(_ fixture: PlannableFixture, _ prefix: String, _ fragment: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (status, lines) = try verify(fixture)
        #expect(status == 4, sourceLocation: sourceLocation)
        #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(fragment) },
                "no line starting \(prefix) with \(fragment) in:\n\(lines.joined(separator: "\n"))",
                sourceLocation: sourceLocation)
    }

    @Test func freshPlanVerifies() throws {
        let (fixture, _) = try freshPlan()
        defer { fixture.delete() }
        let result = try PlannerProcess.run(["verify", "plan"], in: fixture.root)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.hasPrefix("plan: verified "))
    }

    // MARK: The sample, drawn again

    /// A hand-edited sample.csv with the manifest re-hashed passes the digests; drawing the sample again from the
    /// manifest's seed and the dataset finds the changed π and the swapped unit.
    @Test func handEditedSampleIsFoundByDrawingItAgain() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        var changedUnit = ""
        var swappedUnit = ""
        try plan.rewrite("sample.csv") { text in
            var lines = text.components(separatedBy: "\r\n")
            var first = lines[1].components(separatedBy: ",")
            changedUnit = first[0]
            first[6] = "0.5"
            lines[1] = first.joined(separator: ",")
            var second = lines[2].components(separatedBy: ",")
            swappedUnit = second[0]
            second[0] = "HH-\(second[4])-99999"
            lines[2] = second.joined(separator: ",")
            return lines.joined(separator: "\r\n")
        }
        try expectFinding(fixture, "plan/sample.csv:2: sample: ", "unit \(changedUnit): inclusion_probability: expected ")
        try expectFinding(fixture, "plan/sample.csv:3: sample: ", "found a unit the draw does not select")
        try expectFinding(fixture, "plan/sample.csv: sample: ", "found 1 missing: \(swappedUnit)")
    }

    /// A folder of `planner sample` is drawn again too.
    @Test func sampleFolderIsDrawnAgain() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let sampled = try PlannerProcess.run(["sample", "dataset", "--out", "plan", "--quiet"], in: fixture.root)
        #expect(sampled.status == 0, "\(sampled.standardError)")
        let (status, lines) = try verify(fixture)
        #expect(status == 0, "\(lines)")
        let editor = PlanEditor(folder: fixture.root.appendingPathComponent("plan"))
        try editor.rewrite("sample.csv") { $0.replacingOccurrences(of: ",main,", with: ",reserve,") }
        try expectFinding(fixture, "plan/sample.csv:", "role: expected main as drawn again from seed")
    }

    // MARK: Integrity

    @Test func changedFileIsNamed() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try plan.rewrite("fieldwork-report.md", keepDigest: true) { $0 + "\nedited\n" }
        try expectFinding(fixture, "plan/fieldwork-report.md: integrity: ", "the file changed after the plan was written")
    }

    @Test func missingAndUnlistedFilesAreNamed() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try FileManager.default.removeItem(at: plan.folder.appendingPathComponent("allocation.csv"))
        try Data("x".utf8).write(to: plan.folder.appendingPathComponent("routes/notes.txt"))
        try expectFinding(fixture, "plan/allocation.csv: integrity: ", "found no such file")
        try expectFinding(fixture, "plan/routes/notes.txt: integrity: ", "found a file it does not list")
    }

    @Test func changedDatasetIsNamed() throws {
        let (fixture, _) = try freshPlan()
        defer { fixture.delete() }
        try fixture.edit("zones.csv") { $0 + "\n" }
        try expectFinding(fixture, "plan/manifest.json: inputs: ", "zones.csv changed since the plan was made")
    }

    // MARK: Signed plans

    /// `planner keygen` writes a pair; a plan signed with `--sign-key` verifies with `--public-key`; an edit
    /// re-hashed into the manifest is a signature finding (and a derived one); a key is never overwritten.
    @Test func signedPlanVerifiesWithItsKeyAndAnEditedOneDoesNot() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let keygen = try PlannerProcess.run(["keygen", "office.key"], in: fixture.root)
        #expect(keygen.status == 0, "\(keygen.standardError)")
        let again = try PlannerProcess.run(["keygen", "office.key"], in: fixture.root)
        #expect(again.status == 73)
        let plan = PlanEditor(folder: try fixture.plan(extra: ["--sign-key", "office.key"]))
        let (status, lines) = try verify(fixture, ["--public-key", "office.key.pub"])
        #expect(status == 0, "\(lines)")

        try plan.rewrite("fieldwork-report.md") { $0 + "\nEdited after signing.\n" }
        let (edited, editedLines) = try verify(fixture, ["--public-key", "office.key.pub"])
        #expect(edited == 4)
        #expect(editedLines.contains { $0.hasPrefix("plan/manifest.sig: signature: ") }, "\(editedLines)")
        #expect(editedLines.contains { $0.hasPrefix("plan/fieldwork-report.md:") && $0.contains(": derived: ")
                && $0.contains("edited after the plan was written, with the manifest re-hashed (the plan was written by "
                               + "rendering edition \(PlannerVersion.renderingEdition)") }, "\(editedLines)")

        // The same bytes signed by the key, as a build of an earlier rendering edition would have written them (it
        // recorded no edition): the signature holds, so the finding names that build and no longer suggests an edit.
        let key = try PlanSigningKey.read(try Data(contentsOf: fixture.root.appendingPathComponent("office.key")),
                                          file: "office.key")
        func resign() throws {
            let manifest = try Data(contentsOf: plan.folder.appendingPathComponent("manifest.json"))
            try key.signatureFile(for: manifest).write(to: plan.folder.appendingPathComponent("manifest.sig"))
        }
        try plan.editManifest { manifest in
            var tool = manifest["tool"] as? [String: Any] ?? [:]
            tool["rendering_edition"] = nil
            manifest["tool"] = tool
        }
        try resign()
        let (resigned, resignedLines) = try verify(fixture, ["--public-key", "office.key.pub"])
        #expect(resigned == 4)
        #expect(!resignedLines.contains { $0.contains(": signature: ") }, "\(resignedLines)")
        #expect(resignedLines.contains { $0.hasPrefix("plan/fieldwork-report.md:") && $0.contains(": derived: ")
                && $0.contains("the file is as the plan wrote it") && $0.contains("before rendering editions were recorded")
                && !$0.contains("edited") }, "\(resignedLines)")

        // Signed and of this build's edition, yet rendered differently: a renderer changed without a new edition.
        try plan.editManifest { manifest in
            var tool = manifest["tool"] as? [String: Any] ?? [:]
            tool["rendering_edition"] = PlannerVersion.renderingEdition
            manifest["tool"] = tool
        }
        try resign()
        let (_, sameEditionLines) = try verify(fixture, ["--public-key", "office.key.pub"])
        #expect(sameEditionLines.contains { $0.hasPrefix("plan/fieldwork-report.md:")
                && $0.contains("a renderer changed without its edition being raised") }, "\(sameEditionLines)")

        let badKey = try PlannerProcess.run(["verify", "plan", "--public-key", "office.key"], in: fixture.root)
        #expect(badKey.status == 65, "a private key is not a public key: \(badKey.standardError)")
    }

    @Test func notAPlanFolderExits65() throws {
        let (fixture, _) = try freshPlan()
        defer { fixture.delete() }
        let result = try PlannerProcess.run(["verify", "dataset"], in: fixture.root)
        #expect(result.status == 65)
        #expect(result.standardError.contains("dataset/manifest.json"))
    }

    // MARK: Coverage

    @Test func unitScheduledTwice() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try plan.rewriteRecords("assignments.csv") { $0 + [$0[0]] }
        let last = try plan.line(ofRecord: plan.records("assignments.csv").records.count - 1, in: "assignments.csv")
        try expectFinding(fixture, "plan/assignments.csv:\(last): coverage: ", "is scheduled again (first on line 2)")
    }

    @Test func unitNeverScheduled() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        var removed = ""
        try plan.rewriteRecords("assignments.csv") { rows in
            removed = rows.last![0]
            return Array(rows.dropLast())
        }
        try expectFinding(fixture, "plan/sample.csv:", "main unit \(removed) is neither scheduled")
    }

    @Test func completeFlagWithoutEveryUnit() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try plan.editManifest { $0["complete"] = false }
        try expectFinding(fixture, "plan/manifest.json: coverage: ", "incomplete, yet the folder has no unscheduled.csv")
    }

    // MARK: Calendar and skills

    @Test func visitOnAWeekendABufferDayAndALeaveDay() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        var leave = 0
        try plan.rewriteRecords("assignments.csv") { rows in
            var rows = rows
            rows[0][2] = "2023-10-07"
            rows[1][2] = "2023-10-18"
            leave = try #require(rows.indices.first { $0 > 1 && rows[$0][1] == "N02" })
            rows[leave][2] = "2023-10-10"
            return rows
        }
        let second = try plan.line(ofRecord: 1, in: "assignments.csv")
        try expectFinding(fixture, "plan/assignments.csv:2: calendar: ", "2023-10-07, which is not a working day")
        try expectFinding(fixture, "plan/assignments.csv:\(second): calendar: ", "2023-10-18, a buffer day")
        try expectFinding(fixture, "plan/assignments.csv:\(try plan.line(ofRecord: leave, in: "assignments.csv")): "
                              + "calendar: ", "N02 is unavailable on 2023-10-10")
    }

    @Test func enumeratorWithoutTheSkill() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        var index = 0
        try plan.rewriteRecords("assignments.csv") { rows in
            var rows = rows
            index = try #require(rows.firstIndex { $0[7] == "enterprise" })
            rows[index][1] = "N02"
            return rows
        }
        let line = try plan.line(ofRecord: index, in: "assignments.csv")
        try expectFinding(fixture, "plan/assignments.csv:\(line): skills: ", "without the enterprise skill")
    }

    // MARK: Budgets and order

    @Test func travelNotAsTheModelGivesIt() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try plan.rewriteRecords("assignments.csv") { rows in
            var rows = rows
            rows[0][5] = "1.0"
            return rows
        }
        try expectFinding(fixture, "plan/assignments.csv:2: budget: ", "travel_minutes 1.0 of ")
    }

    @Test func dayOverItsDailyMinutes() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try plan.rewriteRecords("assignments.csv") { rows in
            var rows = rows
            rows[0][6] = "400"
            return rows
        }
        try expectFinding(fixture, "plan/assignments.csv:2: budget: ", "interview_minutes 400")
        try expectFinding(fixture, "plan/assignments.csv:2: budget: ", "daily_minutes is 4")
    }

    @Test func visitOrdersNotOneToK() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        try plan.rewriteRecords("assignments.csv") { rows in
            var rows = rows
            rows[0][3] = "7"
            return rows
        }
        try expectFinding(fixture, "plan/assignments.csv:", "expected 1…")
    }

    @Test func routeSheetDisagreesWithAssignments() throws {
        let (fixture, plan) = try freshPlan()
        defer { fixture.delete() }
        let (header, _) = try plan.records("assignments.csv")
        #expect(header.contains("travel_minutes"))
        let sheet = try #require(try PlanFolderReader(folder: plan.folder).files().keys
            .filter { $0.hasPrefix("routes/") && $0.hasSuffix(".csv") }.sorted().first)
        try plan.rewriteRecords(sheet) { rows in
            var rows = rows
            rows[0][4] = "SOMEONE-ELSE"
            return rows
        }
        try expectFinding(fixture, "plan/\(sheet):2: routes: ", "differs from line")
    }

    // MARK: History

    @Test func assignedPlanKeepsItsParentsSample() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        #expect(try PlannerProcess.run(["sample", "dataset", "--out", "s"], in: fixture.root).status == 0)
        let assign = try PlannerProcess.run(["assign", "s", "--out", "plan", "--quiet"], in: fixture.root)
        #expect(assign.status == 0, "\(assign.standardError)")
        #expect(try verify(fixture).0 == 0)

        try PlanEditor(folder: fixture.root.appendingPathComponent("plan")).rewrite("sample.csv") {
            $0.replacingOccurrences(of: ",main,", with: ",main ,")
        }
        try expectFinding(fixture, "plan/sample.csv: history: ", "expected the parent's sample.csv unchanged")

        try Data("{}".utf8).write(to: fixture.root.appendingPathComponent("s/extra.json"))
        try PlanEditor(folder: fixture.root.appendingPathComponent("s")).editManifest { $0["seed"] = 1 }
        try expectFinding(fixture, "plan/manifest.json: history: ", "the parent changed")
    }
}
