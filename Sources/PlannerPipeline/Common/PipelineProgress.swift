import PlannerOptimization

/// Where a pipeline job reports its long steps and the solver's progress: the job itself never prints.
///
/// The command line shows steps on standard error (a live line on a terminal, log lines otherwise); a batch or a
/// test passes `SilentProgress`.
public protocol PipelineProgress: Sendable {
    /// Runs one named step ("Drawing the sample (seed 7)"): told when it starts and whether it failed.
    func step<T, Failure: Error>(_ name: String, _ work: () throws(Failure) -> T) throws(Failure) -> T

    /// What the solver reports while the running step solves (incumbent, bound, gap).
    func solving(_ progress: SolveProgress)

    /// Something the user should know that does not stop the job (a stratum short of reserves).
    func warning(_ message: String)
}

/// Shows nothing: for batches and tests.
public struct SilentProgress: PipelineProgress {
    public init() {}

    public func step<T, Failure: Error>(_ name: String, _ work: () throws(Failure) -> T) throws(Failure) -> T {
        try work()
    }

    public func solving(_ progress: SolveProgress) {}

    public func warning(_ message: String) {}
}
