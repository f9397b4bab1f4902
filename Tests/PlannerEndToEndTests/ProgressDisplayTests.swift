import Foundation
import Synchronization
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
}
