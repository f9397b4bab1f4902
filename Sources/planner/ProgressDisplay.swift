import Foundation
import PlannerFormats
import PlannerOptimization
import PlannerPipeline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a command's long steps on standard error: on a terminal one self-rewriting line with a spinner and the
/// step's elapsed time; otherwise (a log, a pipe, CI) plain lines when a step starts and ends, a detail line at
/// most every few seconds, and a "still running" line whenever a step has been quiet for `logHeartbeat` seconds,
/// so that a log is never silent for more than 10 s during long work; nothing at all when quiet.
///
/// Steps run synchronously on the caller's thread; a timer on a private queue redraws the terminal line, so the
/// elapsed time moves even while a step (reading a large frame, solving, simulating) blocks. Owns that timer,
/// hence a class; its state is guarded by a lock.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode: Sendable {
        case terminal
        case log
        case silent
    }

    private let mode: Mode
    /// The backend's name (`SolverIdentity.name`) in front of the solver's figures.
    private let solverName: String
    /// Seconds a running step may leave a log without a line (`logHeartbeat`, shorter in tests).
    private let heartbeat: Double
    private let write: @Sendable (String) -> Void
    private let commandStarted = Date()
    private let lock = NSLock()
    private var step: String?
    private var stepStarted = Date()
    private var detail: String?
    private var lastLoggedDetail = Date.distantPast
    /// When the last log line was written.
    private var lastLogLine = Date()
    private var frame = 0
    private var lineShown = false
    private var timer: (any DispatchSourceTimer)?

    /// Seconds between two detail lines in a log.
    static let logInterval = 5.0
    /// Seconds a running step may leave a log without a line: the timer checks every second, so the longest
    /// silence is under 10 s.
    static let logHeartbeat = 8.0
    private static let spinner = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    init(mode: Mode, heartbeat: Double = ProgressDisplay.logHeartbeat, solverName: String = "solver",
         write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.mode = mode
        self.solverName = solverName
        self.heartbeat = heartbeat
        self.write = write
    }

    /// Silent when quiet; a live line when standard error is a terminal; log lines otherwise.
    convenience init(quiet: Bool, solverName: String) {
        self.init(mode: quiet ? .silent : (isatty(STDERR_FILENO) == 1 ? .terminal : .log), solverName: solverName)
    }

    /// Runs one step, showing it while it runs and how long it took; a step that throws is marked failed.
    func run<T, Failure: Error>(_ name: String, _ work: () throws(Failure) -> T) throws(Failure) -> T {
        begin(name)
        do {
            let result = try work()
            end(failed: false)
            return result
        } catch {
            end(failed: true)
            throw error
        }
    }

    /// What the running step is doing now (the solver's incumbent and bound, a count of rows read).
    func update(_ detail: String) {
        lock.lock()
        defer { lock.unlock() }
        self.detail = detail
        if mode == .log, step != nil, Date().timeIntervalSince(lastLoggedDetail) >= Self.logInterval {
            lastLoggedDetail = Date()
            logLine("\(step ?? ""): \(detail)")
        }
    }

    /// Writes `message` on standard error at the left margin; the live line returns on the next redraw.
    private func printWarning(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        if lineShown { write("\r\u{1B}[K") }
        lineShown = false
        write(InputText.escapedLines(message) + "\n")
    }

    /// The solver's incumbent, bound and gap under the backend's name; the planner's own work before the solver
    /// (building the instance, the greedy start) reports an activity only, shown alone.
    static func describe(_ progress: SolveProgress, solverName: String) -> String {
        if progress.incumbent == nil, progress.bestBound == nil, let activity = progress.activity { return activity }
        let incumbent = progress.incumbent.map { String(format: "%.1f", $0) } ?? "none"
        let bound = progress.bestBound.map { String(format: "%.1f", $0) } ?? "none"
        let gap = progress.relativeGap.map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        let activity = progress.activity.map { " · \($0)" } ?? ""
        return "\(solverName) incumbent \(incumbent) · bound \(bound) · gap \(gap)\(activity)"
    }

    // MARK: Drawing

    private func begin(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        step = name
        stepStarted = Date()
        detail = nil
        lastLoggedDetail = Date()
        switch mode {
        case .silent: return
        case .log:
            logLine("\(name)…")
            startTimer(every: min(1.0, heartbeat / 4))
        case .terminal:
            drawLine()
            startTimer(every: 0.1)
        }
    }

    private func end(failed: Bool) {
        lock.lock()
        let timer = self.timer
        self.timer = nil
        lock.unlock()
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        let seconds = String(format: "%.1f s", Date().timeIntervalSince(stepStarted))
        let name = step ?? ""
        switch mode {
        case .silent: break
        case .log: logLine("\(name): \(failed ? "failed after" : "done in") \(seconds)")
        case .terminal: write("\r\u{1B}[K\(failed ? "✗" : "✓") \(name) · \(seconds)\n")
        }
        lineShown = false
        step = nil
        detail = nil
    }

    /// Call with the lock held.
    private func startTimer(every seconds: Double) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "planner.progress"))
        timer.schedule(deadline: .now() + seconds, repeating: seconds)
        timer.setEventHandler { [self] in tick() }
        timer.resume()
        self.timer = timer
    }

    private func tick() {
        lock.lock()
        defer { lock.unlock() }
        guard let step else { return }
        switch mode {
        case .silent: break
        case .terminal:
            frame += 1
            drawLine()
        case .log:
            guard Date().timeIntervalSince(lastLogLine) >= heartbeat else { return }
            let elapsed = String(format: "%.0f s", Date().timeIntervalSince(stepStarted))
            logLine("\(step): still running (\(elapsed))" + (detail.map { " · " + $0 } ?? ""))
        }
    }

    /// One time-stamped log line. Call with the lock held.
    private func logLine(_ text: String) {
        write("\(stamp()) \(InputText.escapedLines(text))\n")
        lastLogLine = Date()
    }

    /// Call with the lock held.
    private func drawLine() {
        guard let step else { return }
        let spinner = Self.spinner[frame % Self.spinner.count]
        var line = "\(spinner) \(step) · " + String(format: "%.1f s", Date().timeIntervalSince(stepStarted))
        if let detail { line += " · " + detail }
        write("\r\u{1B}[K" + line)
        lineShown = true
    }

    /// `[  12.3 s]`: time since the command started, for log lines.
    private func stamp() -> String {
        String(format: "[%6.1f s]", Date().timeIntervalSince(commandStarted))
    }
}

/// The pipeline's steps and the solver's progress, shown as this display shows them.
extension ProgressDisplay: PipelineProgress {
    func step<T, Failure: Error>(_ name: String, _ work: () throws(Failure) -> T) throws(Failure) -> T {
        try run(name, work)
    }

    func solving(_ progress: SolveProgress) {
        update(Self.describe(progress, solverName: solverName))
    }

    /// Shown even when quiet, like errors: on a line of its own, the live line cleared first.
    func warning(_ message: String) {
        printWarning(message)
    }
}
