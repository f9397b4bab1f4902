import Foundation
import Synchronization
import PlannerOptimization
import Testing
@testable import planner

/// A log (standard error that is not a terminal) is never silent for long while a step works: a step that
/// reports nothing still gets a "still running" line every heartbeat, and echoed text is escaped.
@Suite("Progress display")
struct ProgressDisplayTests {
    @Test func aQuietStepGetsStillRunningLinesEveryHeartbeat() {
        let lines = Mutex<[String]>([])
        let display = ProgressDisplay(mode: .log, heartbeat: 0.2) { text in lines.withLock { $0.append(text) } }
        _ = display.run("Solving") { usleep(1_100_000) }
        let log = lines.withLock { $0 }
        let stillRunning = log.filter { $0.contains("Solving: still running") }
        // 1.1 s at a 0.2 s heartbeat, checked every 0.05 s: about five lines; never none.
        #expect(stillRunning.count >= 3, "\(log)")
        #expect(log.first?.hasSuffix("Solving…\n") == true)
        #expect(log.last?.contains("Solving: done in") == true)
    }

    @Test func theHeartbeatOfTheCommandLineKeepsEverySilenceUnderTenSeconds() {
        #expect(ProgressDisplay.logHeartbeat + 1 < 10)
    }

    @Test func warningsAndLogLinesEscapeControlCharacters() {
        let lines = Mutex<[String]>([])
        let display = ProgressDisplay(mode: .log) { text in lines.withLock { $0.append(text) } }
        display.warning("warning: stratum \u{1B}]0;x\u{7}")
        display.run("Reading \u{1B}[2J") {}
        let log = lines.withLock { $0 }.joined()
        #expect(!log.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" }, "\(log)")
        #expect(log.contains("stratum \\u{1B}]0;x\\u{7}"))
    }

    @Test func theSolverLineNamesTheBackendAndThePlannersOwnWorkStandsAlone() {
        let figures = SolveProgress(incumbent: 12.5, bestBound: 10, relativeGap: 0.2, elapsedSeconds: 3, openNodes: 4,
                                    activity: "LP dive, round 2")
        #expect(ProgressDisplay.describe(figures, solverName: "HiGHS")
                == "HiGHS incumbent 12.5 · bound 10.0 · gap 20.00% · LP dive, round 2")
        let own = SolveProgress(incumbent: nil, bestBound: nil, relativeGap: nil, elapsedSeconds: 1, openNodes: 0,
                                activity: "greedy start: descent, round 2")
        #expect(ProgressDisplay.describe(own, solverName: "HiGHS") == "greedy start: descent, round 2")

        let lines = Mutex<[String]>([])
        let display = ProgressDisplay(mode: .log, heartbeat: 0.2, solverName: "CBC") { text in
            lines.withLock { $0.append(text) }
        }
        display.run("Planning") {
            display.solving(SolveProgress(incumbent: 1, bestBound: 1, relativeGap: 0, elapsedSeconds: 0, openNodes: 0))
            usleep(600_000)
        }
        let log = lines.withLock { $0 }.joined()
        #expect(log.contains("CBC incumbent 1.0"), "\(log)")
        #expect(!log.contains("GLPK"))
    }
}
