import PlannerCore
import PlannerFieldwork
import Testing

/// The rules that turn recorded visits into a unit's state, and the change report.
@Suite struct ReplanProgressTests {
    static func day(_ day: Int) -> CalendarDate { CalendarDate(year: 2023, month: 10, day: day)! }

    static func visit(_ day: Int, _ status: VisitStatus, unit: String = "U1", by enumerator: EnumeratorID = "EN01")
        -> RecordedVisit {
        RecordedVisit(unitID: unit, date: Self.day(day), enumeratorID: enumerator, status: status)
    }

    @Test func noVisitIsPending() {
        #expect(UnitProgress(unitID: "U1", visits: [], maxAttempts: 3).state == .pending(attempts: 0))
    }

    @Test func completedWins() {
        let progress = UnitProgress(unitID: "U1", visits: [Self.visit(4, .completed), Self.visit(3, .notAtHome)],
                                    maxAttempts: 3)
        #expect(progress.state == .completed(Self.day(4)))
    }

    @Test(arguments: [VisitStatus.refused, .notFound, .closed])
    func terminalFailureIsNonresponse(status: VisitStatus) {
        let progress = UnitProgress(unitID: "U1", visits: [Self.visit(5, status)], maxAttempts: 3)
        #expect(progress.state == .nonresponse(reason: status.rawValue, date: Self.day(5)))
    }

    @Test func attemptsUpToTheLimit() {
        let two = [Self.visit(3, .notAtHome), Self.visit(4, .postponed)]
        #expect(UnitProgress(unitID: "U1", visits: two, maxAttempts: 3).state == .pending(attempts: 2))
        let three = two + [Self.visit(5, .notAtHome)]
        #expect(UnitProgress(unitID: "U1", visits: three, maxAttempts: 3).state
                == .nonresponse(reason: "not_at_home (3 visits)", date: Self.day(5)))
        #expect(UnitProgress(unitID: "U1", visits: [Self.visit(3, .notAtHome)], maxAttempts: 1).isNonresponse)
    }

    static func planned(_ unit: String, _ enumerator: EnumeratorID, _ day: Int) -> VisitAssignment {
        VisitAssignment(unitID: unit, unitKind: .household, label: unit, enumeratorID: enumerator, date: Self.day(day),
                        visitOrder: 1, siteID: "31498", plannedStartMinutes: 480, travelMinutes: 10,
                        interviewMinutes: 30)
    }

    @Test func changesPerUnitDayAndEnumerator() {
        let previous = [Self.planned("A", "EN01", 9), Self.planned("B", "EN01", 9), Self.planned("C", "EN02", 10),
                        Self.planned("D", "EN02", 10)]
        let new = [Self.planned("A", "EN01", 9), Self.planned("B", "EN03", 9), Self.planned("C", "EN02", 11),
                   Self.planned("E", "EN03", 9)]
        let changes = PlanChanges(previous: previous, new: new)
        #expect(changes.visits.map(\.kind) == [.kept, .moved, .moved, .removed, .added])
        let en01 = changes.days.first { $0.enumeratorID == "EN01" && $0.date == Self.day(9) }
        #expect(en01?.kept == 1 && en01?.movedOut == 1 && en01?.previousVisits == 2 && en01?.newVisits == 1)
        let en03 = changes.days.first { $0.enumeratorID == "EN03" }
        #expect(en03?.movedIn == 1 && en03?.added == 1)
        let byEnumerator = Dictionary(uniqueKeysWithValues: changes.enumerators.map { ($0.enumeratorID, $0) })
        #expect(byEnumerator["EN02"]?.moved == 1)
        #expect(byEnumerator["EN02"]?.received == 0, "a move to one's own later day is not received work")
        #expect(byEnumerator["EN02"]?.removed == 1)
        #expect(byEnumerator["EN03"]?.received == 2)
        #expect(changes.movedShare(of: ["EN01"]) == 0.5)
        #expect(changes.movedShare(of: ["EN09"]) == nil)
    }
}
