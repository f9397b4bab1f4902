import Foundation
import PlannerTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile input and hostile file systems through the built `planner` (docs/robustness.md): terminal escapes in
/// names, special files in place of dataset files, an `--out` inside the dataset or where nothing can be
/// written, and runs that race for the default plan folder. Each gives its documented status and a message
/// that names the file, or a plan of its own.
@Suite("Hostile input and file systems", .serialized)
struct HostileInputTests {
    @Test func escapesInANameAreRefusedAndShownVisibly() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try fixture.edit("enumerators.csv") { $0.replacingOccurrences(of: "Trần Thị Bình", with: "Bình\u{1B}]0;pwned\u{7}") }
        let result = try PlannerProcess.run(["validate", "dataset"], in: fixture.root)
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("dataset/enumerators.csv:3:5: name: expected text without control "
                                               + "characters"), "\(result.standardError)")
        #expect(result.standardError.contains("Bình\\u{1B}]0;pwned\\u{7}"))
        #expect(!result.standardError.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
    }

    @Test func aNULInTheSurveyNameIsRefusedBeforeAnyOutput() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try fixture.edit("survey.toml") {
            $0.replacingOccurrences(of: "name = \"Fixture survey\"", with: "name = \"Fixture\\u0000survey\"")
        }
        let result = try PlannerProcess.run(["plan", "dataset", "--quiet"], in: fixture.root)
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("dataset/survey.toml:3:8: survey.name: expected a string without "
                                               + "control characters"), "\(result.standardError)")
        #expect(result.standardError.contains("Fixture\\u{0}survey"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.root.path) == ["dataset"])
    }

    @Test func twoEnumeratorsWithOneLoginAreALocatedError() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try fixture.edit("enumerators.csv") { $0.replacingOccurrences(of: "\nN03,", with: "\nn01,") }
        try fixture.edit("unavailability.csv") { $0.replacingOccurrences(of: "N03,", with: "n01,") }
        let result = try PlannerProcess.run(["plan", "dataset", "--quiet"], in: fixture.root)
        #expect(result.status == 65)
        #expect(result.standardError == "dataset/enumerators.csv:4:1: enumerator_id: expected an enumerator_id unique "
                    + "ignoring letter case (its export login \"n01\" is also N01's, line 2), found \"n01\"\n")
    }

    @Test(arguments: ["validate", "plan"])
    func aFIFOInPlaceOfADatasetFileIsRefusedAtOnce(_ command: String) throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let communes = fixture.dataset.appendingPathComponent("communes.csv")
        try FileManager.default.removeItem(at: communes)
        #expect(mkfifo(communes.path, 0o644) == 0)
        let started = Date()
        let result = try PlannerProcess.run([command, "dataset", "--quiet"].filter { command == "plan" || $0 != "--quiet" },
                                            in: fixture.root)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("dataset/communes.csv: file: expected a readable regular file, found a "
                                               + "FIFO (named pipe)"), "\(result.standardError)")
    }

    @Test(arguments: ["dataset/plan", "dataset", "./dataset/../dataset/sub/plan", "link/plan"])
    func anOutputInsideTheDatasetIsABadArgument(_ out: String) throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try FileManager.default.createSymbolicLink(at: fixture.root.appendingPathComponent("link"),
                                                   withDestinationURL: fixture.dataset)
        let before = try PlanFolderReader(folder: fixture.dataset).files()
        for command in ["sample", "plan"] {
            let result = try PlannerProcess.run([command, "dataset", "--out", out, "--quiet"], in: fixture.root)
            #expect(result.status == 64, "\(command) --out \(out)")
            #expect(result.standardError.hasPrefix("--out /")
                        && result.standardError.contains(": expected a folder outside the dataset folder dataset, found "
                                                         + "a folder inside it"), "\(result.standardError)")
        }
        #expect(try PlanFolderReader(folder: fixture.dataset).files() == before)
    }

    @Test func anOutputThatCannotBeCreatedExits73WithTheReason() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        try Data("not a folder".utf8).write(to: fixture.root.appendingPathComponent("file"))
        let result = try PlannerProcess.run(["sample", "dataset", "--out", "file/plans/s", "--quiet"], in: fixture.root)
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.contains("file/plans: cannot create the folder")
                    && result.standardError.contains("Not a directory"), "\(result.standardError)")
    }

    /// Run by a user without the permission (root writes anywhere): an unwritable folder is 73, not 70.
    @Test(.enabled(if: getuid() != 0))
    func anUnwritableOutputFolderExits73() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let locked = fixture.root.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        chmod(locked.path, 0o555)
        defer { chmod(locked.path, 0o755) }
        let result = try PlannerProcess.run(["sample", "dataset", "--out", "locked/s", "--quiet"], in: fixture.root)
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.contains("Permission denied"), "\(result.standardError)")
    }

    /// Runs racing for the default `Plans/<dataset>-seed-<seed>` each publish a complete folder of their own.
    @Test func concurrentRunsWithTheDefaultOutputTakeTheNextFreeNames() throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        let runs = 4
        let statuses = Mutex<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: runs) { _ in
            let status = (try? PlannerProcess.run(["sample", "dataset", "--quiet"], in: fixture.root).status) ?? -1
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 0, count: runs))
        let plans = fixture.root.appendingPathComponent("Plans")
        let names = try FileManager.default.contentsOfDirectory(atPath: plans.path).sorted()
        #expect(names == ["dataset-seed-20231003"] + (2...runs).map { "dataset-seed-20231003-\($0)" }.sorted())
        for name in names {
            #expect(try PlannerProcess.run(["verify", "Plans/\(name)"], in: fixture.root).status == 0)
        }
    }
}
