import Foundation
import PlannerFormats
import PlannerTestSupport
import Testing

/// `planner verify` on folders written by `planner replan` from the default dataset (refusals, absences,
/// closures and one enumerator dropped on 9 October), then on copies broken in the ways a re-plan can be wrong.
@Suite("planner verify on re-planned folders", .serialized)
struct VerifyReplanTests {
    static let asOf = "2023-10-09"
    static let dropped = "EN05"
    static let unavailability = "availability/unavailability.csv"

    /// A planned default survey, its filled progress file, a dropout, the re-plan `r` and its re-plan `r2` (two
    /// more days of visits, all completed), made once for every test.
    final class Field: Sendable {
        let scratch: URL

        init() throws {
            // One fixed folder per checkout, emptied at each run: a static value is never deinitialised, and two
            // checkouts tested at once must not share it.
            let checkout = SHA256.hexDigest(Data(PlannerProcess.packageRoot.path.utf8)).prefix(12)
            scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("planner-e2e-verify-replan-\(checkout)")
            try? FileManager.default.removeItem(at: scratch)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try run(["plan", PlannerProcess.defaultDataset.path, "--out", "p", "--quiet"])
            try run(["progress-template", "p", "--out", "template.csv", "--until", asOf])
            // Deterministic outcomes: every 17th visit refused, 13th not at home, 29th closed, the rest completed.
            let lines = try String(decoding: Data(contentsOf: scratch.appendingPathComponent("template.csv")),
                                   as: UTF8.self).split(separator: "\r\n").map(String.init)
            let filled = [lines[0]] + lines.dropFirst().enumerated().map { index, line in
                line + (index % 17 == 0 ? "refused" : index % 13 == 0 ? "not_at_home"
                    : index % 29 == 0 ? "closed" : "completed")
            }
            try write(filled.joined(separator: "\n") + "\n", to: "progress.csv")
            try write("enumerator_id,from,to,reason\n\(dropped),\(asOf),,ill\n", to: "drop.csv")
            try run(["replan", "p", "--as-of", asOf, "--progress", "progress.csv", "--unavailable", "drop.csv",
                     "--out", "r", "--quiet"])

            try run(["progress-template", "r", "--out", "more.csv", "--until", "2023-10-11"])
            let more = try String(decoding: Data(contentsOf: scratch.appendingPathComponent("more.csv")),
                                  as: UTF8.self).split(separator: "\r\n").map(String.init)
            try write(([more[0]] + more.dropFirst().map { $0 + "completed" }).joined(separator: "\n"), to: "more.csv")
            try run(["replan", "r", "--as-of", "2023-10-11", "--progress", "more.csv", "--out", "r2", "--quiet"])
        }

        /// Runs the built planner in the scratch folder and expects exit status 0 (or `status`).
        @discardableResult
        func run(_ arguments: [String], status: Int32 = 0) throws -> PlannerProcess.Run {
            let result = try PlannerProcess.run(arguments, in: scratch)
            try #require(result.status == status, "\(arguments.joined(separator: " ")): \(result.standardError)")
            return result
        }

        func write(_ text: String, to name: String) throws {
            try Data(text.utf8).write(to: scratch.appendingPathComponent(name))
        }

        /// A fresh copy of a re-plan, to break.
        func copy(_ name: String, of plan: String = "r") throws -> PlanEditor {
            let url = scratch.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.copyItem(at: scratch.appendingPathComponent(plan), to: url)
            return PlanEditor(folder: url)
        }

        /// Exit status and problem lines (without the closing count) of `planner verify FOLDER`.
        func verify(_ folder: String, _ extra: [String] = []) throws -> (Int32, [String]) {
            let result = try PlannerProcess.run(["verify", folder] + extra, in: scratch)
            let lines = result.standardError.split(separator: "\n").map(String.init)
                .filter { !$0.hasPrefix("\(folder): ") }
            return (result.status, lines)
        }

        func expectClean(_ folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let (status, lines) = try verify(folder)
            #expect(status == 0 && lines.isEmpty, "\(lines.prefix(40).joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
        }

        func expectFinding(_ folder: String, _ prefix: String, _ fragment: String, _ extra: [String] = [],
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            let (status, lines) = try verify(folder, extra)
            #expect(status == 4, sourceLocation: sourceLocation)
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.contains(fragment) },
                    "no line starting \(prefix) with \(fragment) in:\n\(lines.prefix(40).joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
        }
    }

    static let field = Result { try Field() }

    /// The status of a record split by `PlanEditor.rewriteRecords` (the label may hold commas).
    static func status(_ record: [String]) -> String { String(record.last!.split(separator: ",").last ?? "") }

    static func isPlanned(_ record: [String]) -> Bool { status(record) == "planned" }

    @Test func reReplanAndIncompleteReplanVerifyClean() throws {
        let field = try Self.field.get()
        let verified = try field.run(["verify", "r"])
        #expect(verified.standardOutput.hasPrefix("r: verified "))
        #expect(verified.standardError.isEmpty)

        // A re-plan of the re-plan, with more progress; then one that no longer fits (exit 3, unscheduled.csv).
        try field.expectClean("r2")

        let enumerators = try PlanFolderReader(folder: PlannerProcess.defaultDataset).rows("enumerators.csv")
        let spans = enumerators.dropFirst(2).map { "\($0["enumerator_id"]!),2023-10-16,,strike" }
        try field.write((["enumerator_id,from,to,reason"] + spans).joined(separator: "\n"), to: "strike.csv")
        try field.run(["replan", "r2", "--as-of", "2023-10-16", "--unavailable", "strike.csv", "--out", "r3",
                       "--unrecorded", "not-visited", "--quiet"], status: 3)
        #expect(FileManager.default.fileExists(atPath: field.scratch.appendingPathComponent("r3/unscheduled.csv").path))
        try field.expectClean("r3")
    }

    @Test func movedHistoryRow() throws {
        let field = try Self.field.get()
        let plan = try field.copy("moved")
        var index = 0
        var unit = ""
        try plan.rewriteRecords("assignments.csv") { records in
            var records = records
            index = try #require(records.firstIndex { $0[2] == "2023-10-04" && Self.status($0) == "completed" })
            unit = records[index][0]
            records[index][2] = "2023-10-05"
            return records
        }
        let line = try plan.line(ofRecord: index, in: "assignments.csv")
        try field.expectFinding("moved", "moved/assignments.csv:\(line): history: ",
                                "\(unit) on 2023-10-05 by ")
        try field.expectFinding("moved", "moved/assignments.csv: history: ",
                                "\(unit) on 2023-10-04 by ")
        // Without the progress file, the moved row is still caught: the parent did not plan that visit.
        try field.expectFinding("moved", "moved/assignments.csv:\(line): history: ",
                                "is neither a visit the parent planned before \(Self.asOf)", ["--progress", "gone.csv"])
    }

    @Test func unreleasedReserveScheduled() throws {
        let field = try Self.field.get()
        let plan = try field.copy("reserve")
        let released = Set(try PlanFolderReader(folder: plan.folder).rows("releases.csv").map { $0["reserve_unit_id"]! })
        let reserves = try PlanFolderReader(folder: plan.folder).rows("sample.csv")
            .filter { $0["role"] == "reserve" && !released.contains($0["unit_id"]!) }
        var index = 0
        var reserve = ""
        try plan.rewriteRecords("assignments.csv") { records in
            var records = records
            index = try #require(records.firstIndex { Self.isPlanned($0) && $0[7] == "household" })
            reserve = try #require(reserves.first { $0["commune_code"] == records[index][9] })["unit_id"]!
            records[index][0] = reserve
            return records
        }
        let line = try plan.line(ofRecord: index, in: "assignments.csv")
        try field.expectFinding("reserve", "reserve/assignments.csv:\(line): coverage: ",
                                "unit \(reserve) is a reserve unit that releases.csv does not release")
    }

    @Test func droppedEnumeratorVisitsAfterTheDrop() throws {
        let field = try Self.field.get()
        let plan = try field.copy("dropped")
        var index = 0
        try plan.rewriteRecords("assignments.csv") { records in
            var records = records
            index = try #require(records.firstIndex { Self.isPlanned($0) && $0[1] != Self.dropped && $0[2] > Self.asOf })
            records[index][1] = Self.dropped
            return records
        }
        let line = try plan.line(ofRecord: index, in: "assignments.csv")
        try field.expectFinding("dropped", "dropped/assignments.csv:\(line): calendar: ",
                                "\(Self.dropped) is unavailable on ")
        try field.expectFinding("dropped", "dropped/assignments.csv:\(line): calendar: ",
                                "(availability/unavailability.csv from \(Self.asOf))")
    }

    @Test func unitScheduledTwiceOrAfterItsInterview() throws {
        let field = try Self.field.get()
        let plan = try field.copy("twice")
        var first = 0
        var completed = ""
        try plan.rewriteRecords("assignments.csv") { records in
            first = try #require(records.firstIndex(where: Self.isPlanned))
            completed = try #require(records.first { Self.status($0) == "completed" })[0]
            var again = try #require(records.last(where: Self.isPlanned))
            again[0] = completed
            return records + [records[first], again]
        }
        let count = try plan.records("assignments.csv").records.count
        let firstLine = try plan.line(ofRecord: first, in: "assignments.csv")
        try field.expectFinding("twice", "twice/assignments.csv:\(try plan.line(ofRecord: count - 2, in: "assignments.csv")): "
                                    + "coverage: ", "is scheduled again (first on line \(firstLine))")
        try field.expectFinding("twice", "twice/assignments.csv:\(try plan.line(ofRecord: count - 1, in: "assignments.csv")): "
                                    + "coverage: ", "unit \(completed) was completed on ")
    }

    @Test func plannedBeforeTheAsOfDateAndChangedProgress() throws {
        let field = try Self.field.get()
        let plan = try field.copy("early")
        var index = 0
        try plan.rewriteRecords("assignments.csv") { records in
            var records = records
            index = try #require(records.firstIndex(where: Self.isPlanned))
            records[index][2] = "2023-10-06"
            return records
        }
        let line = try plan.line(ofRecord: index, in: "assignments.csv")
        try field.expectFinding("early", "early/assignments.csv:\(line): history: ",
                                "before the as-of date \(Self.asOf)")

        // A progress file changed after the re-plan is named; the history is then checked against the plan.
        let progress = try String(decoding: Data(contentsOf: field.scratch.appendingPathComponent("progress.csv")),
                                  as: UTF8.self)
        try field.write(progress.replacingOccurrences(of: "refused", with: "completed"), to: "edited.csv")
        try field.expectFinding("r", "r/manifest.json: history: ", "it changed after the re-plan",
                                ["--progress", "edited.csv"])
    }

    @Test func releasesAndChangesOfAvailabilityOfTheParentAreKept() throws {
        let field = try Self.field.get()
        let plan = try field.copy("kept", of: "r2")
        let completed = try #require(try PlanFolderReader(folder: plan.folder).rows("assignments.csv")
            .first { $0["status"] == "completed" })["unit_id"]!
        try plan.rewriteRecords("releases.csv") { records in
            var records = Array(records.dropFirst())
            records[0][4] = completed
            return records
        }
        try plan.rewriteRecords(Self.unavailability) { _ in [] }
        try field.expectFinding("kept", "kept/releases.csv: history: ",
                                "line 2 of the parent's releases.csv (")
        try field.expectFinding("kept", "kept/releases.csv:2: coverage: ",
                                "replaces \(completed), which the history does not show lost: completed on ")
        try field.expectFinding("kept", "kept/\(Self.unavailability): history: ",
                                "(\(Self.dropped),\(Self.asOf),,ill) is missing")
    }

    /// Rewrites the first line of `path` that `matches` and re-hashes the manifest; returns the line (1-based).
    static func editLine(_ plan: PlanEditor, _ path: String, where matches: (String) -> Bool,
                         _ edit: (String) -> String) throws -> Int {
        var line = 0
        try plan.rewrite(path) { text in
            // CSVs end lines with CRLF, one Character in Swift: split and join on the same separator.
            let separator = text.contains("\r\n") ? "\r\n" : "\n"
            var lines = text.components(separatedBy: separator)
            guard let index = lines.firstIndex(where: matches) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
            }
            let edited = edit(lines[index])
            try #require(edited != lines[index])
            lines[index] = edited
            line = index + 1
            return lines.joined(separator: separator)
        }
        return line
    }

    /// Replaces the CSV field at `column` of a line (these reports hold no quoted field).
    static func field(_ column: Int, of line: String, _ change: (String) -> String) -> String {
        var fields = line.components(separatedBy: ",")
        fields[column] = change(fields[column])
        return fields.joined(separator: ",")
    }

    @Test func editedReplanReportsAreRenderedAgainAndNamed() throws {
        let field = try Self.field.get()
        try field.expectClean("r")
        let counted = try field.copy("counted")
        // changes.csv: an enumerator-day's new visits, one more than the plan gives.
        let changesLine = try Self.editLine(counted, "changes.csv", where: { $0.hasPrefix("EN") }) { line in
            Self.field(3, of: line) { String(Int($0)! + 1) }
        }
        // visit-changes.csv: a moved or added visit given to another enumerator.
        let visitLine = try Self.editLine(counted, "visit-changes.csv", where: { line in
            line.components(separatedBy: ",").count == 6 && line.components(separatedBy: ",")[4].hasPrefix("EN")
        }) { line in
            Self.field(4, of: line) { $0 == "EN01" ? "EN02" : "EN01" }
        }
        // weights.csv: a unit's state.
        let weightsLine = try Self.editLine(counted, "weights.csv", where: { $0.contains(",completed,") }) {
            $0.replacingOccurrences(of: ",completed,", with: ",nonresponse,")
        }
        // replan-report.md and the summary page's dashboard: the enumerator who drops out.
        let reportLine = try Self.editLine(counted, "replan-report.md", where: { $0.contains(Self.dropped) }) {
            $0.replacingOccurrences(of: Self.dropped, with: "EN06")
        }
        let summaryLine = try Self.editLine(counted, "summary.html", where: { $0.contains("\(Self.dropped) — ") }) {
            $0.replacingOccurrences(of: "\(Self.dropped) — ", with: "EN06 — ")
        }
        let (status, lines) = try field.verify("counted")
        #expect(status == 4)
        for (path, line) in [("changes.csv", changesLine), ("visit-changes.csv", visitLine),
                             ("weights.csv", weightsLine), ("replan-report.md", reportLine),
                             ("summary.html", summaryLine)] {
            #expect(lines.contains { $0.hasPrefix("counted/\(path):\(line): derived: ") && $0.contains("parent plan") },
                    "no finding for \(path):\(line) in:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.count == 5, "\(lines.joined(separator: "\n"))")
    }

    /// The sheets `fieldwork.json` says are unchanged since the parent (not to reprint) are checked against a
    /// comparison of the two folders: one recorded as unchanged that is not is named, and so is its sheet.
    @Test func sheetsRecordedAsUnchangedAreComparedWithTheParent() throws {
        let field = try Self.field.get()
        let edited = try field.copy("sheets")
        var sheet = ""
        try edited.rewrite("fieldwork.json") { text in
            let unchanged = try #require(text.range(of: "\"unchanged\""))
            let keyEnd = try #require(text.range(of: "\"", options: .backwards, range: text.startIndex..<unchanged.lowerBound))
            let keyStart = try #require(text.range(of: "\"", options: .backwards,
                                                   range: text.startIndex..<text.index(before: keyEnd.upperBound)))
            sheet = String(text[keyStart.upperBound..<keyEnd.lowerBound])
            return text.replacingCharacters(in: unchanged, with: "\"new\"")
        }
        let parts = sheet.split(separator: " ")
        try #require(parts.count == 2, "\(sheet)")
        let (status, lines) = try field.verify("sheets")
        #expect(status == 4)
        #expect(lines.contains { $0.hasPrefix("sheets/fieldwork.json: derived: ")
                && $0.contains("1 sheet(s) differ") && $0.contains("\(sheet): unchanged expected, new found") },
                "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.hasPrefix("sheets/routes/\(parts[1])/\(parts[0]).html") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func replanReportsOfARePlanAndAFolderWithoutFiguresAreChecked() throws {
        let field = try Self.field.get()
        // The re-plan of a re-plan: its own reports, and not its parent's, are what its files must render.
        let second = try field.copy("second", of: "r2")
        let reportLine = try Self.editLine(second, "replan-report.md",
                                           where: { $0.hasPrefix("- ") && $0.last?.isNumber == true }) {
            $0 + "0"
        }
        try field.expectFinding("second", "second/replan-report.md:\(reportLine): derived: ", "parent plan")

        // A folder whose manifest lacks the figures (as written before they were recorded) is said to be
        // unverifiable in those two reports, and its CSV reports are still rendered again.
        let old = try field.copy("old")
        try old.editManifest { manifest in
            var replan = try #require(manifest["replan"] as? [String: Any])
            replan["figures"] = nil
            manifest["replan"] = replan
        }
        let changesLine = try Self.editLine(old, "changes.csv", where: { $0.hasPrefix("EN") }) { line in
            Self.field(0, of: line) { $0 == "EN01" ? "EN02" : "EN01" }
        }
        let (status, lines) = try field.verify("old")
        #expect(status == 4)
        #expect(lines.contains { $0.hasPrefix("old/replan-report.md: derived: cannot be rendered again") })
        #expect(lines.contains { $0.hasPrefix("old/summary.html: derived: cannot be rendered again") })
        #expect(lines.contains { $0.hasPrefix("old/changes.csv:\(changesLine): derived: ") })
        #expect(lines.count == 3, "\(lines.joined(separator: "\n"))")
    }

    @Test func aRePlanWithoutItsParentStillNeedsEveryFile() throws {
        let field = try Self.field.get()
        let plan = try field.copy("stripped")
        try FileManager.default.removeItem(at: plan.folder.appendingPathComponent("allocation.csv"))
        try plan.editManifest { manifest in
            manifest["files"] = (manifest["files"] as? [[String: Any]] ?? []).filter {
                $0["path"] as? String != "allocation.csv"
            }
        }
        let (status, lines) = try field.verify("stripped", ["--parent", "elsewhere"])
        #expect(status == 4)
        #expect(lines.contains {
                    $0.hasPrefix("stripped/allocation.csv: integrity: expected the file of its parent's sample")
                },
                "\(lines.joined(separator: "\n"))")
        // The files it would have rendered cannot be known without the allocation: none is called a stray.
        #expect(!lines.contains { $0.contains("no step of the planner writes") }, "\(lines.joined(separator: "\n"))")
    }
}
