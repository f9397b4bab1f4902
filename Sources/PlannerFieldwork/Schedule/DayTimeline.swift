import PlannerCore

/// Times one enumerator-day in a fixed order of steps: from the day's start, each step as early as the
/// working day allows, with the lunch break and enterprise office hours respected.
///
/// The model's visits per day, the merging of days, the printed times and `planner verify` all use this one
/// function, so that a day the model counts as feasible is a day the route sheet can print.
///
/// Rules: the break is taken between two steps (never inside an interview, a move or a road leg), starting no
/// earlier than the break's earliest start and no later than its latest start; a day back at its base by the
/// latest break start needs no break. For a fixed order, taking the break as late as possible — just before
/// the first step that would otherwise end after the latest break start — gives the earliest end, so the
/// timing below is the best one for that order. An enterprise interview waits for the office to open and must
/// end by its closing. Work (road, moves, interviews; not the break, not waiting) must fit the enumerator's
/// daily minutes, and the day must be back at the base by the day's end.
public struct DayTimeline: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        case travel(Double)
        case move(Double)
        /// `withinOfficeHours` for enterprises and zone boards.
        case interview(minutes: Int, withinOfficeHours: Bool)

        public var minutes: Double {
            switch self {
            case .travel(let minutes), .move(let minutes): return minutes
            case .interview(let minutes, _): return Double(minutes)
            }
        }
    }

    /// Start of each step, minutes after midnight (unrounded).
    public var stepStarts: [Double]
    /// When the break starts; nil when the day needs none.
    public var breakStart: Double?
    /// Back at the base.
    public var end: Double
    /// Road, moves and interviews.
    public var workMinutes: Double
    /// Minutes spent waiting (for an office to open, or for the break window).
    public var waitingMinutes: Double

    public init(stepStarts: [Double], breakStart: Double?, end: Double, workMinutes: Double, waitingMinutes: Double) {
        self.stepStarts = stepStarts
        self.breakStart = breakStart
        self.end = end
        self.workMinutes = workMinutes
        self.waitingMinutes = waitingMinutes
    }

    private static let tolerance = 1e-6

    /// The timing of `steps`, or nil when they cannot be done in one working day of `workBudgetMinutes`.
    public static func time(_ steps: [Step], day: WorkingDay, workBudgetMinutes: Int) -> DayTimeline? {
        var clock = Double(day.startMinutes)
        var breakStart: Double?
        var starts: [Double] = []
        starts.reserveCapacity(steps.count)
        var work = 0.0, waiting = 0.0
        let latestBreakStart = Double(day.breakLatestStartMinutes)
        let needsBreak = day.breakMinutes > 0
        for step in steps {
            let duration = step.minutes
            var settled = false
            while !settled {
                settled = true
                if needsBreak, breakStart == nil, clock + duration > latestBreakStart + tolerance {
                    let start = max(clock, Double(day.breakEarliestStartMinutes))
                    guard start <= latestBreakStart + tolerance else { return nil }
                    waiting += start - clock
                    breakStart = start
                    clock = start + Double(day.breakMinutes)
                }
                if case .interview(_, true) = step, clock < Double(day.officeOpensMinutes) - tolerance {
                    waiting += Double(day.officeOpensMinutes) - clock
                    clock = Double(day.officeOpensMinutes)
                    settled = false
                }
            }
            if case .interview(_, true) = step, clock + duration > Double(day.officeClosesMinutes) + tolerance {
                return nil
            }
            starts.append(clock)
            clock += duration
            work += duration
        }
        guard clock <= Double(day.endMinutes) + tolerance, work <= Double(workBudgetMinutes) + tolerance else {
            return nil
        }
        return DayTimeline(stepStarts: starts, breakStart: breakStart, end: clock, workMinutes: work,
                           waitingMinutes: waiting)
    }

    /// The steps of a day that visits `sites` in order, each with its interviews (in the order given), leaving
    /// from and returning to the base: `legs` has one road leg per site plus the leg home.
    public static func steps(legs: [Double], interviews: [[Step]], moveMinutes: Double) -> [Step] {
        var steps: [Step] = []
        for (leg, atSite) in zip(legs, interviews) {
            steps.append(.travel(leg))
            for (position, interview) in atSite.enumerated() {
                if position > 0 { steps.append(.move(moveMinutes)) }
                steps.append(interview)
            }
        }
        if let home = legs.last, legs.count == interviews.count + 1 { steps.append(.travel(home)) }
        return steps
    }
}
