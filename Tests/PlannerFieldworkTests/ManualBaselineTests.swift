import PlannerCore
import PlannerFieldwork
import PlannerOptimization
import Testing

/// The manual-style baseline keeps every rule of the brief and follows its own rules: own district, commune
/// order, days filled in turn.
@Suite struct ManualBaselineTests {
    static let monday = CalendarDate(year: 2023, month: 10, day: 2)!
    static let tuesday = CalendarDate(year: 2023, month: 10, day: 3)!

    /// `SmallSurvey.households`' ID of register line `line` with prefix H.
    static func household(_ line: Int) -> String { "H\(format4(line))" }

    /// Two districts 20 km apart; district 942's enterprise enumerator is away on Tuesday.
    static func twoDistricts() -> FieldworkRequest {
        let townA = SmallSurvey.commune("31498", east: 0, north: 0)
        let townB = SmallSurvey.commune("31501", east: 4, north: 0)
        let village = SmallSurvey.commune("31600", district: "942", east: 20, north: 0)
        let office941 = SmallSurvey.point(east: 0, north: -2)
        let office942 = SmallSurvey.point(east: 20, north: -2)
        let enumerators = [
            SmallSurvey.enumerator("EN01", at: office941, skills: [.household, .enterprise]),
            SmallSurvey.enumerator("EN02", at: office941, skills: [.household], dailyMinutes: 300),
            SmallSurvey.enumerator("EN03", district: "942", at: office942, skills: [.household]),
            SmallSurvey.enumerator("EN04", district: "942", at: office942, skills: [.household, .enterprise]),
        ]
        let away = Unavailability(enumeratorID: EnumeratorID("EN04"), from: tuesday, to: tuesday, reason: "leave")
        let dataset = SmallSurvey.dataset(communes: [townA, townB, village], enumerators: enumerators,
                                          unavailability: [away])
        let units = SmallSurvey.households(20, in: townA, prefix: "A") + SmallSurvey.households(10, in: townB, prefix: "B")
            + SmallSurvey.households(25, in: village, prefix: "V") + SmallSurvey.enterprises(4, in: townA, prefix: "EA")
            + SmallSurvey.enterprises(3, in: village, prefix: "EV")
        return FieldworkRequest(dataset: dataset, units: units)
    }

    /// The baseline in the shape `PlanChecker` reads; the solver fields are placeholders it does not check.
    static func checkable(_ baseline: BaselinePlan, units: Int) -> FieldworkPlan {
        let statistics = SolverStatistics(statusName: "baseline", mipObjective: nil, bestBound: nil, relativeGap: nil,
                                          seconds: 0, backend: SolverIdentity(name: "none", version: ""),
                                          warmStartAccepted: nil, heuristicObjective: 0, chosenObjective: 0,
                                          source: .heuristic)
        let totals = PlanTotals(units: units, scheduledUnits: baseline.visits.count,
                                unscheduledUnits: baseline.unscheduledUnitIDs.count,
                                enumeratorDays: baseline.enumeratorDays,
                                enumeratorsUsed: Set(baseline.routes.map(\.enumeratorID)).count,
                                travelMinutes: baseline.travelMinutes, moveMinutes: 0, interviewMinutes: 0,
                                dayTrips: baseline.enumeratorDays, daysSavedByMerging: 0, modelTravelMinutes: 0)
        return FieldworkPlan(visits: baseline.visits, routes: baseline.routes,
                             unscheduledUnitIDs: baseline.unscheduledUnitIDs, solver: statistics,
                             model: MIPModel(name: "baseline"), totals: totals, diagnosis: nil)
    }

    @Test("two districts: complete, every rule holds, and nobody leaves their district")
    func feasible() throws {
        let request = Self.twoDistricts()
        let baseline = try ManualBaseline().plan(request)
        #expect(baseline.isComplete)
        #expect(PlanChecker(request: request).violations(of: Self.checkable(baseline, units: request.units.count)) == [])
        let districtOfSite = ["31498": "941", "31501": "941", "31600": "942"]
        let districtOf = Dictionary(uniqueKeysWithValues: request.dataset.enumerators.map { ($0.id, $0.districtCode.rawValue) })
        for route in baseline.routes {
            #expect(route.siteIDs.allSatisfy { districtOfSite[$0] == districtOf[route.enumeratorID] })
        }
        // Enterprise days are only enterprise days: the households are left to the other passes.
        for route in baseline.routes where route.unitIDs.contains(where: { $0.hasPrefix("E") }) {
            #expect(route.unitIDs.allSatisfy { $0.hasPrefix("E") })
        }
        #expect(abs(baseline.travelMinutes - baseline.routes.reduce(0) { $0 + $1.travelMinutes }) < 1e-9)
    }

    @Test("days are filled in turn: date by date, enumerator by enumerator, units in commune and ID order")
    func fillOrder() throws {
        // One commune at the base's own point: no road travel, so 12 households fit a 480-minute day
        // (12 × 30 + 11 × 10 = 470) and 7 a 300-minute day (7 × 30 + 6 × 10 = 270; 8 would take 310).
        let commune = SmallSurvey.commune("31498", east: 0, north: 0)
        let enumerators = [SmallSurvey.enumerator("EN02", at: commune.location, skills: [.household], dailyMinutes: 300),
                           SmallSurvey.enumerator("EN01", at: commune.location, skills: [.household])]
        let dataset = SmallSurvey.dataset(communes: [commune], enumerators: enumerators)
        let request = FieldworkRequest(dataset: dataset, units: SmallSurvey.households(30, in: commune, prefix: "H"))
        let baseline = try ManualBaseline().plan(request)

        let days = baseline.routes.sorted { ($0.date, $0.enumeratorID) < ($1.date, $1.enumeratorID) }
        #expect(days.map { "\($0.date) \($0.enumeratorID) \($0.unitIDs.count)" }
                == ["\(Self.monday) EN01 12", "\(Self.monday) EN02 7", "\(Self.tuesday) EN01 11"])
        #expect(Set(days[0].unitIDs) == Set((1...12).map { Self.household($0) }))
        #expect(Set(days[1].unitIDs) == Set((13...19).map { Self.household($0) }))
        #expect(baseline.travelMinutes == 0)
        #expect(baseline.isComplete)
    }

    @Test("work beyond the district's days stays unscheduled, the last units in order")
    func overloaded() throws {
        let commune = SmallSurvey.commune("31498", east: 0, north: 0)
        let dataset = SmallSurvey.dataset(communes: [commune],
                                          enumerators: [SmallSurvey.enumerator("EN01", at: commune.location,
                                                                               skills: [.household])])
        let request = FieldworkRequest(dataset: dataset, units: SmallSurvey.households(40, in: commune, prefix: "H"))
        let baseline = try ManualBaseline().plan(request)
        // Three plannable days (five working days less two buffer days) of 12 visits.
        #expect(baseline.enumeratorDays == 3)
        #expect(baseline.unscheduledUnitIDs == (37...40).map { Self.household($0) })
        #expect(PlanChecker(request: request).violations(of: Self.checkable(baseline, units: 40)).filter {
            !$0.contains("diagnosis")  // a baseline carries no diagnosis
        } == [])
    }

    @Test("the same request gives the same baseline")
    func deterministic() throws {
        let first = try ManualBaseline().plan(Self.twoDistricts())
        let second = try ManualBaseline().plan(Self.twoDistricts())
        #expect(first.routes == second.routes)
        #expect(first.visits == second.visits)
    }
}
