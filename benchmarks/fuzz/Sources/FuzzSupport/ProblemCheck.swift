import PlannerFormats

/// The property every fuzz target asserts besides "no crash": each problem reported for a file is located.
public enum ProblemCheck {
    /// Stops the process (which libFuzzer records as a crash, with the input) when a problem lacks a line and
    /// column, or names no field.
    public static func requireLocated(_ problems: [InputProblem], exceptFileLevel fileLevel: Set<String> = []) {
        for problem in problems {
            if problem.location == nil && !fileLevel.contains(problem.field) {
                fatalError("a problem without a location: \(problem)")
            }
            if let location = problem.location, location.line < 1 || location.column < 1 {
                fatalError("a problem at an impossible location: \(problem)")
            }
            if problem.field.isEmpty { fatalError("a problem naming no field: \(problem)") }
        }
    }
}
