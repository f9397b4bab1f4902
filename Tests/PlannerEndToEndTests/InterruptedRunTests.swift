import Foundation
import PlannerTestSupport
import Testing

/// `planner plan` killed with SIGKILL at seeded random moments leaves either nothing or a complete plan that
/// verifies, never a partial plan; the next run to the same destination removes the dead run's staging folder.
@Suite("Interrupted runs", .serialized)
struct InterruptedRunTests {
    /// Starts `planner plan` and kills it after `delay` seconds (or lets it finish if it is quicker).
    func planKilled(after delay: Double, fixture: PlannableFixture) throws -> Bool {
        let process = Process()
        process.executableURL = try PlannerProcess.executable()
        process.arguments = ["plan", "dataset", "--out", "plan", "--quiet"]
        process.currentDirectoryURL = fixture.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning && Date() < deadline { usleep(200) }
        let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func killedRunLeavesNothingOrACompletePlan(seed: UInt64) throws {
        let fixture = try PlannableFixture()
        defer { fixture.delete() }
        // A larger sample than the fixture's default (an incomplete plan, 56 files), so that writing takes a
        // noticeable share of the run.
        try fixture.edit("survey.toml") { $0.replacingOccurrences(of: "margin = 0.2", with: "margin = 0.1") }
        let started = Date()
        try fixture.plan("timing", allowingIncomplete: true)
        let duration = Date().timeIntervalSince(started)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("timing"))

        var generator = SplitMix64(seed: seed)
        var outcomes: [String] = []
        for _ in 0..<4 {
            let delay = Double.random(in: 0...(duration * 1.2), using: &generator)
            let killed = try planKilled(after: delay, fixture: fixture)
            let entries = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
            let visible = entries.filter { !$0.hasPrefix(".") }
            let hidden = entries.filter { $0.hasPrefix(".") }
            #expect(hidden.allSatisfy { $0.hasPrefix(".plan.partial-") }, "\(hidden)")
            for name in hidden {
                var isFolder: ObjCBool = false
                let path = fixture.root.appendingPathComponent(name).path
                #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
            }
            if visible.contains("plan") {
                #expect(visible == ["dataset", "plan"])
                let verify = try PlannerProcess.run(["verify", "plan"], in: fixture.root)
                #expect(verify.status == 0, "a plan left by a run killed after \(delay) s:\n\(verify.standardError)")
                outcomes.append(killed ? "complete (killed after rename)" : "complete")
                try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("plan"))
            } else {
                #expect(visible == ["dataset"])
                outcomes.append(hidden.isEmpty ? "nothing" : "staging only")
                // The next run to the same destination succeeds and removes the dead run's staging folder.
                try fixture.plan(allowingIncomplete: true)
                let after = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).sorted()
                #expect(after == ["dataset", "plan"], "\(after)")
                #expect(try PlannerProcess.run(["verify", "plan"], in: fixture.root).status == 0)
                try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("plan"))
            }
        }
        #expect(outcomes.count == 4)
    }
}
