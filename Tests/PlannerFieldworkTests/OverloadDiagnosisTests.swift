import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// An overloaded survey gives an incomplete plan whose diagnosis has the shortfall worked out by hand below.
@Suite struct OverloadDiagnosisTests {
    /// Mon 2 – Wed 11 October 2023: 8 working days; buffer 10–11 Oct; plannable 2–6 and 9 Oct; Saturday 7 Oct.
    static let window = SurveyCalendar(firstDay: CalendarDate(year: 2023, month: 10, day: 2)!,
                                       lastDay: CalendarDate(year: 2023, month: 10, day: 11)!,
                                       workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
                                       holidays: [])

    /// Two household enumerators based at commune 31498's point (no travel): 12 visits a day each
    /// (⌊(480 + 10) / (30 + 10)⌋); A has 6 days, B 5 (away on 9 Oct) → 132 visits for 150 households.
    /// Nobody interviews enterprises, and 5 wait in district 942.
    static func request() -> FieldworkRequest {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let other = SmallSurvey.commune("31600", district: "942", east: 20, north: 0)
        let enumerators = [SmallSurvey.enumerator("A", at: town.location, skills: [.household]),
                           SmallSurvey.enumerator("B", at: town.location, skills: [.household])]
        let away = Unavailability(enumeratorID: "B", from: CalendarDate(year: 2023, month: 10, day: 9)!,
                                  to: CalendarDate(year: 2023, month: 10, day: 9)!, reason: "leave")
        let dataset = SmallSurvey.dataset(communes: [town, other], enumerators: enumerators, unavailability: [away],
                                          calendar: window)
        return FieldworkRequest(dataset: dataset, units: SmallSurvey.households(150, in: town, prefix: "H")
                                + SmallSurvey.enterprises(5, in: other, prefix: "E"))
    }

    @Test("the plan is incomplete, schedules what fits, and lists the rest")
    func incompletePlan() throws {
        let request = Self.request()
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(!plan.isComplete)
        #expect(plan.visits.count == 132)
        #expect(plan.unscheduledUnitIDs == (1...5).map { "E\(format4($0))" } + (133...150).map { "H\(format4($0))" })
        #expect(plan.routes.count == 11)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
    }

    /// 132 visits fit (11 days of 12), fractional or not, and nobody may interview enterprises: the LP leaves the
    /// same 23 units unserved as the plan, so the whole shortfall is proven, not only found.
    @Test("the shortfall is proven by the LP over every day")
    func shortfallIsProven() throws {
        let plan = try FieldworkPlanner().plan(Self.request(), solver: GLPKSolver())
        let proof = try #require(plan.shortfallProof)
        #expect(proof.unserved == 23 && proof.provenMinimum == 23 && proof.isProven)
        // Counting minutes alone proves it too: 11 days of ⌊(480 + 2·10) / 40⌋ = 12 households, and nobody for the
        // enterprises, leave 150 − 132 + 5 = 23.
        #expect(try AssignmentInstance(request: Self.request()).unservedByCapacity == 23)
        #expect(proof.summaryLine.hasPrefix("proof: with this staff and calendar every plan leaves at least 23 units unserved"))
        #expect(ShortfallProof(unserved: 23, provenMinimum: 0).summaryLine.hasPrefix("not proven"))
        #expect(ShortfallProof(unserved: 23, provenMinimum: 5).summaryLine
                    .contains("for the other 18 there is no proof: the search found no room"))
        #expect(ShortfallProof(unserved: 23, provenMinimum: nil).summaryLine.hasPrefix("no proof"))
    }

    @Test("the diagnosis gives the shortfall per district and skill, and what would close it")
    func diagnosisFigures() throws {
        let plan = try FieldworkPlanner().plan(Self.request(), solver: GLPKSolver())
        let diagnosis = try #require(plan.diagnosis)
        #expect(diagnosis.gaps.map(\.districtCode) == ["941", "942"])

        let households = diagnosis.gaps[0]
        #expect(households.skill == .household)
        #expect(households.unservedUnits == 18)
        #expect(households.lackingEnumeratorDays == 2)            // ⌈18 / 12⌉
        #expect(households.lackingEnumeratorMinutes == 700)        // 18 × 30 + 16 × 10
        #expect(households.eligibleEnumerators == ["A", "B"])
        #expect(households.remedies.bufferDaysNeeded == 1)         // both work on 10 Oct
        #expect(households.remedies.enumeratorDaysFromAllBufferDays == 4)
        #expect(households.remedies.saturdaysNeeded == 1)
        #expect(households.remedies.enumeratorDaysFromAllSaturdays == 2)
        #expect(households.remedies.additionalEnumeratorDays == 2)
        #expect(households.remedies.additionalEnumerators == 1)    // ⌈2 / 6⌉
        #expect(households.remedies.takeReduction == 18)

        let enterprises = diagnosis.gaps[1]
        #expect(enterprises.skill == .enterprise)
        #expect(enterprises.unservedUnits == 5)
        #expect(enterprises.lackingEnumeratorDays == 1)            // ⌊490 / 55⌋ = 8 fit in a day
        #expect(enterprises.lackingEnumeratorMinutes == 265)       // 5 × 45 + 4 × 10
        #expect(enterprises.eligibleEnumerators.isEmpty)
        #expect(enterprises.remedies.bufferDaysNeeded == nil)
        #expect(enterprises.remedies.saturdaysNeeded == nil)
        #expect(enterprises.remedies.additionalEnumerators == 1)

        #expect(diagnosis.unservedUnits == 23)
        #expect(diagnosis.lackingEnumeratorDays == 3)
        #expect(diagnosis.lackingEnumeratorMinutes == 965)
        #expect(diagnosis.remedies.bufferDaysNeeded == 2)          // 2 + 2 ≥ 3
        #expect(diagnosis.remedies.saturdaysNeeded == nil)         // one Saturday gives only 2
        #expect(diagnosis.remedies.enumeratorDaysFromAllSaturdays == 2)
        #expect(diagnosis.remedies.additionalEnumerators == 1)    // ⌈3 / 6⌉
        #expect(diagnosis.remedies.takeReduction == 23)
        #expect(diagnosis.summaryLines.count == 3)
        #expect(diagnosis.summaryLines[0].contains("18 units unserved"))
    }
}
