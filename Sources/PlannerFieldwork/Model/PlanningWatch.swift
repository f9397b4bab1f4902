import PlannerOptimization

/// The clock of the work before and around the solver: when that work must stop, so that the time limit bounds
/// the whole planning step and not only the solver's search, and where it says what it is doing, so that a long
/// preparation is never silent.
///
/// Measured at ×20 (44,260 visits, 1,140 enumerators): about 37 s of CPU went into preparation before GLPK saw
/// its warm start, against a 30 s limit. The greedy's local search checks `hasTime` in its loops (a clock read)
/// and stops, keeping the feasible plan it has, once the deadline passes; `expired` then says so. Work that must
/// finish calls `tick`, which only reports. Reports go
/// through the solver's `SolveProgress` callback (activity only) at most every `reportInterval`.
public struct PlanningWatch: Sendable {
    /// When the planning step started: reports give their time from it.
    public let start: ContinuousClock.Instant
    /// When the current work must stop; nil: it may run to its end.
    public var deadline: ContinuousClock.Instant?
    private let progress: (@Sendable (SolveProgress) -> Void)?
    private var lastReport: ContinuousClock.Instant
    /// Whether some work was stopped by `deadline`.
    public private(set) var expired = false

    /// Seconds between two reports of the same work.
    static let reportInterval = Duration.seconds(2)

    public init(start: ContinuousClock.Instant = .now, deadline: ContinuousClock.Instant? = nil,
                progress: (@Sendable (SolveProgress) -> Void)? = nil) {
        self.start = start
        self.deadline = deadline
        self.progress = progress
        self.lastReport = start
    }

    /// No deadline and no reports: work runs to its end, as in tests.
    public static var unlimited: PlanningWatch { PlanningWatch() }

    /// Seconds since `start`.
    public var elapsedSeconds: Double { Self.seconds(ContinuousClock.now - start) }

    /// The instant `seconds` after `instant`; nil (no deadline) for an infinite time limit.
    public static func deadline(after instant: ContinuousClock.Instant, seconds: Double) -> ContinuousClock.Instant? {
        guard seconds.isFinite else { return nil }
        return instant + .milliseconds(Int64((max(0, seconds) * 1000).rounded()))
    }

    /// The same clock with another deadline (nil: none), not yet expired.
    public func until(_ deadline: ContinuousClock.Instant?) -> PlanningWatch {
        var watch = self
        watch.deadline = deadline
        watch.expired = false
        return watch
    }

    /// Says what is being done now.
    public mutating func report(_ activity: String) {
        lastReport = .now
        progress?(SolveProgress(incumbent: nil, bestBound: nil, relativeGap: nil, elapsedSeconds: elapsedSeconds,
                                openNodes: 0, activity: activity))
    }

    /// Reports `activity` when the last report is older than `reportInterval`, whatever the deadline: for work
    /// that must finish (the greedy's construction, without which there is no plan).
    public mutating func tick(_ activity: @autoclosure () -> String) {
        guard progress != nil, ContinuousClock.now - lastReport >= Self.reportInterval else { return }
        report(activity())
    }

    /// True while the deadline has not passed (false from then on, and `expired` is set); reports `activity`
    /// when the last report is older than `reportInterval`.
    public mutating func hasTime(_ activity: @autoclosure () -> String) -> Bool {
        if expired { return false }
        let now = ContinuousClock.now
        if let deadline, now >= deadline {
            expired = true
            return false
        }
        if progress != nil, now - lastReport >= Self.reportInterval { report(activity()) }
        return true
    }

    static func seconds(_ duration: Duration) -> Double {
        duration / .seconds(1)
    }
}
