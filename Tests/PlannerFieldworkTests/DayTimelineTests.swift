import PlannerCore
@testable import PlannerFieldwork
import PlannerTestSupport
import Testing

@Suite struct DayTimelineTests {
    let day = WorkingDay()   // 07:30–17:00, break of 60 between 11:00 and 13:30, offices 08:00–16:30
    let household = DayTimeline.Step.interview(minutes: 30, withinOfficeHours: false)
    let enterprise = DayTimeline.Step.interview(minutes: 45, withinOfficeHours: true)

    func householdDay(_ count: Int, leg: Double = 20) -> [DayTimeline.Step] {
        DayTimeline.steps(legs: [leg, leg], interviews: [Array(repeating: household, count: count)], moveMinutes: 10)
    }

    @Test("a full day takes the break as late as its window allows, between two interviews")
    func breakBetweenInterviews() throws {
        let timing = try #require(DayTimeline.time(householdDay(10), day: day, workBudgetMinutes: 480))
        let start = try #require(timing.breakStart)
        #expect(start >= 11 * 60 && start <= 12 * 60 + 30)
        // 07:30 + 20 road, then a visit every 40 minutes: 07:50, 08:30, …, 11:50 (ends 12:20), a move to 12:30;
        // the next visit would end at 13:00, after the latest break start 12:30, so the break starts at 12:30.
        #expect(abs(start - (12 * 60 + 30)) < 1e-9)
        #expect(abs(timing.end - (Double(7 * 60 + 30) + 20 + 10 * 30 + 9 * 10 + 20 + 60)) < 1e-9)
    }

    @Test("a day back home by the latest break start needs no break")
    func shortDayNoBreak() throws {
        let timing = try #require(DayTimeline.time(householdDay(3), day: day, workBudgetMinutes: 240))
        #expect(timing.breakStart == nil)
        #expect(timing.end <= Double(day.breakLatestStartMinutes))
    }

    @Test("enterprise interviews wait for the office to open and must end by its closing")
    func officeHours() throws {
        let steps = DayTimeline.steps(legs: [5, 5], interviews: [[enterprise]], moveMinutes: 10)
        let timing = try #require(DayTimeline.time(steps, day: day, workBudgetMinutes: 480))
        #expect(timing.stepStarts[1] == Double(day.officeOpensMinutes))
        #expect(abs(timing.waitingMinutes - 25) < 1e-9)
        var late = day
        late.officeClosesMinutes = 8 * 60 + 30
        #expect(DayTimeline.time(steps, day: late, workBudgetMinutes: 480) == nil)
    }

    @Test("a day over the daily minutes or past the day's end does not fit")
    func limits() {
        #expect(DayTimeline.time(householdDay(12), day: day, workBudgetMinutes: 480) == nil)
        var short = day
        short.endMinutes = 14 * 60
        #expect(DayTimeline.time(householdDay(10), day: short, workBudgetMinutes: 600) == nil)
    }

    @Test("random days: no interview in the break, the break inside its window, offices kept", arguments: [1, 2, 3] as [UInt64])
    func randomDays(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var checked = 0
        for _ in 0..<400 {
            var steps: [DayTimeline.Step] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                steps.append(.travel(Double.random(in: 0...90, using: &generator)))
                for index in 0..<Int.random(in: 1...6, using: &generator) {
                    if index > 0 { steps.append(.move(10)) }
                    steps.append(Bool.random(using: &generator) ? household : enterprise)
                }
            }
            steps.append(.travel(Double.random(in: 0...90, using: &generator)))
            guard let timing = DayTimeline.time(steps, day: day, workBudgetMinutes: 480) else { continue }
            checked += 1
            var previousEnd = Double(day.startMinutes)
            for (step, start) in zip(steps, timing.stepStarts) {
                #expect(start >= previousEnd - 1e-9)
                previousEnd = start + step.minutes
                if let breakStart = timing.breakStart {
                    let overlaps = start < breakStart + Double(day.breakMinutes) - 1e-9 && start + step.minutes > breakStart + 1e-9
                    #expect(!overlaps)
                }
                if case .interview(_, true) = step {
                    #expect(start >= Double(day.officeOpensMinutes) - 1e-9)
                    #expect(start + step.minutes <= Double(day.officeClosesMinutes) + 1e-9)
                }
            }
            if let breakStart = timing.breakStart {
                #expect(breakStart >= Double(day.breakEarliestStartMinutes) - 1e-9)
                #expect(breakStart + Double(day.breakMinutes) <= Double(day.breakLatestEndMinutes) + 1e-9)
            } else {
                #expect(timing.end <= Double(day.breakLatestStartMinutes) + 1e-9)
            }
            #expect(timing.end <= Double(day.endMinutes) + 1e-9)
            #expect(timing.workMinutes <= 480 + 1e-9)
        }
        #expect(checked > 20)
    }

    @Test("the visits that fit a one-site day are a prefix: every count up to it fits, the next does not",
          arguments: [11, 12] as [UInt64])
    func visitsThatFitIsTheLargestFittingCount(seed: UInt64) {
        // `AssignmentInstance.visitsThatFit` bisects on this monotonicity; a linear count is the reference.
        var generator = SplitMix64(seed: seed)
        for _ in 0..<300 {
            var parameters = FieldworkParameters()
            parameters.withinCommuneMoveMinutes = Int.random(in: 0...20, using: &generator)
            parameters.householdInterviewMinutes = Int.random(in: 10...60, using: &generator)
            parameters.enterpriseInterviewMinutes = Int.random(in: 20...90, using: &generator)
            var day = WorkingDay()
            day.breakMinutes = [0, 30, 60, 90].randomElement(using: &generator)!
            day.officeOpensMinutes = Int.random(in: 7 * 60...9 * 60, using: &generator)
            day.officeClosesMinutes = Int.random(in: 15 * 60...17 * 60, using: &generator)
            parameters.workingDay = day
            let kind: FieldworkUnit.Kind = Bool.random(using: &generator) ? .household : .enterprise
            let legs = (out: Double.random(in: 0...150, using: &generator), back: Double.random(in: 0...150, using: &generator))
            let dailyMinutes = Int.random(in: 120...600, using: &generator)
            let limit = Int.random(in: 1...25, using: &generator)
            let interview = DayTimeline.Step.interview(
                minutes: kind == .household ? parameters.householdInterviewMinutes : parameters.enterpriseInterviewMinutes,
                withinOfficeHours: kind == .enterprise)
            func fits(_ visits: Int) -> Bool {
                let steps = DayTimeline.steps(legs: [legs.out, legs.back], interviews: [Array(repeating: interview, count: visits)],
                                              moveMinutes: Double(parameters.withinCommuneMoveMinutes))
                return DayTimeline.time(steps, day: day, workBudgetMinutes: dailyMinutes) != nil
            }
            var linear = 0
            while linear < limit, fits(linear + 1) { linear += 1 }
            let counted = AssignmentInstance.visitsThatFit(parameters: parameters, dailyMinutes: dailyMinutes, legs: legs,
                                                           kind: kind, limit: limit)
            #expect(counted == linear)
            #expect((1...limit).allSatisfy { fits($0) == ($0 <= counted) }, "not monotone: \(legs), \(dailyMinutes), \(day)")
        }
    }
}
