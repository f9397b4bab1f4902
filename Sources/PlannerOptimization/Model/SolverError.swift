/// A solve that could not be started: the options ask for something the solver cannot take.
///
/// A solve that runs and stops (infeasible, time limit, even a solver failure) is a `MIPResult`, not an error.
public struct SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The named option (of `SolverOptions` or the backend's configuration) holds a value the solver cannot
        /// use (negative, NaN, …).
        case invalidOption(name: String, value: Double)
    }

    public let problem: Problem

    public init(_ problem: Problem) {
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case let .invalidOption(name, value): return "solver option \(name) = \(value) is not allowed"
        }
    }
}
