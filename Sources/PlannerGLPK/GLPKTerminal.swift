import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps GLPK's own printing off standard output for the length of one call.
///
/// GLPK prints through `xprintf` to stdout, which is where the planner writes its results. Inside `run`,
/// `glp_term_out` is off unless output was asked for, and then a terminal hook sends the text to standard error
/// instead; afterwards the hook is removed and the previous `glp_term_out` state restored. Both settings live
/// in GLPK's thread-local environment, so this affects the calling thread only.
enum GLPKTerminal {
    static func run<Result>(showingSolverOutput showOutput: Bool, _ body: () throws -> Result) rethrows -> Result {
        let previous = glp_term_out(showOutput ? GLP_ON : GLP_OFF)
        glp_term_hook(toStandardError, nil)
        defer {
            glp_term_hook(nil, nil)
            glp_term_out(previous)
        }
        return try body()
    }

    /// Writes GLPK's text to standard error and returns non-zero, which tells GLPK not to print it itself.
    private static let toStandardError: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = {
        _, text in
        guard let text else { return 1 }
        var remaining = strlen(text)
        var cursor = UnsafeRawPointer(text)
        while remaining > 0 {
            let written = write(STDERR_FILENO, cursor, remaining)
            if written <= 0 { break }
            remaining -= written
            cursor += written
        }
        return 1
    }
}
