import Foundation
import PlannerOptimization
#if canImport(Glibc)
import Glibc
#endif

/// Shows a running solve: one self-rewriting line on a terminal, a log line every few seconds otherwise.
final class SolveProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let quiet: Bool
    private var lastLogged = -Double.infinity
    private var wroteTerminalLine = false

    init(quiet: Bool) {
        self.quiet = quiet
    }

    /// The sink handed to the solver.
    var sink: @Sendable (SolveProgress) -> Void {
        { [self] progress in report(progress) }
    }

    private func report(_ progress: SolveProgress) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let line = Self.describe(progress)
        if isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            wroteTerminalLine = true
        } else if progress.elapsedSeconds - lastLogged >= 5 {
            FileHandle.standardError.write(Data("\(line)\n".utf8))
            lastLogged = progress.elapsedSeconds
        }
    }

    /// Ends the terminal line so that what follows starts on its own line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if wroteTerminalLine { FileHandle.standardError.write(Data("\n".utf8)) }
        wroteTerminalLine = false
    }

    static func describe(_ progress: SolveProgress) -> String {
        let incumbent = progress.incumbent.map { String(format: "%.1f", $0) } ?? "none"
        let bound = progress.bestBound.map { String(format: "%.1f", $0) } ?? "none"
        let gap = progress.relativeGap.map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        return String(format: "GLPK: incumbent %@ · bound %@ · gap %@ · %.1f s", incumbent, bound, gap,
                      progress.elapsedSeconds)
    }
}
