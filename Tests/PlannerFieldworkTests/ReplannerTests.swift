import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

/// `Replanner` on a medium synthetic survey planned by GLPK, re-planned from its fifth working day.
@Suite struct ReplannerTests {
    /// The third working day of 3–18 October 2023, as in issue 10's re-plans. Plans of the medium survey take the
    /// earliest days and can end by the fourth (seed 22 ends on 6 October), so a later date could leave nothing.
    static let asOf = CalendarDate(year: 2023, month: 10, day: 5)!

    struct Scenario {
        var survey: SyntheticSurvey
        var plan: FieldworkPlan

        init(seed: UInt64) throws {
            survey = SyntheticSurvey(seed: seed, size: .medium)
            var request = survey.request
            request.solverOptions.timeLimitSeconds = 10
            plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        }

        /// The units the plan visits from `asOf` on: what is left when every earlier visit succeeded.
        var remainingUnits: [FieldworkUnit] {
            let later = Set(plan.visits.filter { $0.date >= ReplannerTests.asOf }.map(\.unitID))
            return survey.units.filter { later.contains($0.id) }
        }

        func request(dataset: Dataset? = nil, units: [FieldworkUnit]? = nil,
                     asOf: CalendarDate = ReplannerTests.asOf) -> ReplanRequest {
            var request = ReplanRequest(dataset: dataset ?? survey.dataset, asOf: asOf, units: units ?? remainingUnits,
                                        previousVisits: plan.visits.filter { $0.date >= asOf })
            request.solverOptions.timeLimitSeconds = 10
            return request
        }

        /// The busiest enumerator from `asOf` on, dropped from that day to the end.
        var droppedEnumerator: EnumeratorID {
            get throws {
                let later = plan.visits.filter { $0.date >= ReplannerTests.asOf }
                let counts = Dictionary(grouping: later, by: \.enumeratorID).mapValues(\.count)
                return try #require(counts.keys.sorted().max { counts[$0]! < counts[$1]! },
                                    "the plan has no visit from the as-of date on")
            }
        }

        func datasetDropping(_ enumerator: EnumeratorID) -> Dataset {
            var dataset = survey.dataset
            dataset.unavailability.append(Unavailability(enumeratorID: enumerator, from: ReplannerTests.asOf, to: nil,
                                                         reason: "ill"))
            return dataset
        }

        /// The dataset with every enumerator whose position `gone` selects on strike from the as-of date to the end.
        func datasetOnStrike(_ gone: (Int) -> Bool) -> Dataset {
            var dataset = survey.dataset
            for (index, enumerator) in dataset.enumerators.enumerated() where gone(index) {
                dataset.unavailability.append(Unavailability(enumeratorID: enumerator.id, from: ReplannerTests.asOf,
                                                             to: nil, reason: "strike"))
            }
            return dataset
        }
    }

    /// The planning rules for the re-planned window: from the as-of date, buffer days usable.
    static func checker(for request: ReplanRequest) -> PlanChecker {
        var dataset = request.dataset
        let calendar = dataset.settings.calendar
        dataset.settings.calendar = SurveyCalendar(firstDay: request.asOf, lastDay: calendar.lastDay,
                                                   workingWeekdays: calendar.workingWeekdays,
                                                   holidays: calendar.holidays)
        dataset.settings.fieldwork.bufferDays = 0
        return PlanChecker(request: FieldworkRequest(dataset: dataset, units: request.units))
    }

    @Test("with nothing changed, every visit stays with its enumerator on its date", arguments: [21, 22] as [UInt64])
    func nothingChangedKeepsEverything(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        let request = scenario.request()
        let result = try Replanner().plan(request, solver: GLPKSolver())
        #expect(result.plan.isComplete)
        #expect(result.changes.count(.kept) == request.units.count)
        #expect(result.changes.count(.moved) == 0)
        #expect(result.previousTripsKept == result.previousTrips)
        #expect(Self.checker(for: request).violations(of: result.plan) == [])
    }

    @Test("a dropped enumerator gets no visit from the drop; the others keep at least 80 % of theirs",
          arguments: [21, 22, 23] as [UInt64])
    func droppedEnumerator(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        let dropped = try scenario.droppedEnumerator
        let request = scenario.request(dataset: scenario.datasetDropping(dropped))
        let result = try Replanner().plan(request, solver: GLPKSolver())

        #expect(!result.plan.visits.contains { $0.enumeratorID == dropped })
        #expect(result.plan.visits.allSatisfy { $0.date >= Self.asOf })
        #expect(Self.checker(for: request).violations(of: result.plan) == [])
        let others = Set(scenario.survey.dataset.enumerators.map(\.id)).subtracting([dropped])
        let share = try #require(result.changes.movedShare(of: others))
        #expect(share <= 0.2, "moved \(share) of the other enumerators' remaining visits")
        let droppedChange = try #require(result.changes.enumerators.first { $0.enumeratorID == dropped })
        #expect(droppedChange.kept == 0)
        #expect(droppedChange.moved + droppedChange.removed == droppedChange.previousVisits)
    }

    @Test("re-visits and released reserves are added; the same request gives the same plan")
    func addedUnitsAndDeterminism() throws {
        let scenario = try Scenario(seed: 24)
        let commune = scenario.remainingUnits[0]
        let extra = (1...4).map { index in
            FieldworkUnit(id: "RESERVE-\(index)", kind: .household, communeCode: commune.communeCode,
                          districtCode: commune.districtCode, label: "reserve \(index)", stratumID: commune.stratumID)
        }
        let request = scenario.request(units: scenario.remainingUnits + extra)
        let first = try Replanner().plan(request, solver: GLPKSolver())
        let second = try Replanner().plan(request, solver: GLPKSolver())
        #expect(first.plan.visits == second.plan.visits)
        #expect(first.plan.routes == second.plan.routes)
        #expect(first.changes == second.changes)
        #expect(first.changes.count(.added) == extra.count)
        #expect(Set(first.plan.visits.map(\.unitID)).isSuperset(of: extra.map(\.id)))
        #expect(Self.checker(for: request).violations(of: first.plan) == [])
    }

    @Test("work that no longer fits the window: an incomplete plan with a diagnosis, not a crash")
    func impossible() throws {
        let scenario = try Scenario(seed: 25)
        var dataset = scenario.survey.dataset
        // Everyone but one enumerator leaves from the as-of date.
        let staying = dataset.enumerators[0].id
        for enumerator in dataset.enumerators where enumerator.id != staying {
            dataset.unavailability.append(Unavailability(enumeratorID: enumerator.id, from: Self.asOf, to: nil,
                                                         reason: "strike"))
        }
        // The whole sample left for the last three working days.
        let request = scenario.request(dataset: dataset, units: scenario.survey.units,
                                       asOf: CalendarDate(year: 2023, month: 10, day: 16)!)
        let result = try Replanner().plan(request, solver: GLPKSolver())
        let complete = result.plan.isComplete
        #expect(!complete)
        let diagnosis = try #require(result.plan.diagnosis)
        #expect(diagnosis.unservedUnits == result.plan.unscheduledUnitIDs.count)
        #expect(diagnosis.lackingEnumeratorDays > 0)
        #expect(diagnosis.summaryLines.last?.contains("enumerator-days") == true)
        #expect(result.plan.visits.allSatisfy { $0.enumeratorID == staying })
        #expect(Self.checker(for: request).violations(of: result.plan) == [])
    }

    @Test("an as-of date after the window leaves every unit unscheduled")
    func afterTheWindow() throws {
        let scenario = try Scenario(seed: 26)
        let request = scenario.request(asOf: CalendarDate(year: 2023, month: 10, day: 19)!)
        let result = try Replanner().plan(request, solver: GLPKSolver())
        #expect(result.plan.visits.isEmpty)
        #expect(Set(result.plan.unscheduledUnitIDs) == Set(request.units.map(\.id)))
        #expect(result.plan.diagnosis != nil)
    }

    @Test("half the staff gone: the search around the previous plan prices changes and lowers the re-plan's objective",
          arguments: [21, 23] as [UInt64])
    func searchAroundThePreviousPlan(seed: UInt64) throws {
        let scenario = try Scenario(seed: seed)
        let request = scenario.request(dataset: scenario.datasetOnStrike { $0 % 2 == 1 })
        let instance = try AssignmentInstance(request: request.fieldworkRequest)
        let base = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: request.balanceMinutesPerExcessDay)
        let previous = Replanner.previousTrips(instance: instance, visits: request.previousVisits)
        let start = Replanner.warmStart(instance: instance, trips: previous).trips
        try #require(previous.reduce(0, +) > 0)
        for changedTripMinutes in [120.0, 1e6] {
            let stable = StableAssignmentModel(base: base, instance: instance, previousTrips: previous,
                                               changedTripMinutes: changedTripMinutes)
            let search = try NeighbourhoodSearch(instance: instance, stable: stable)
                .improve(trips: start, patterns: [], solver: GLPKSolver(), timeLimitSeconds: 60, bound: nil,
                         progress: nil)
            #expect(base.respectsBoundsAndDays(search.trips, patterns: search.patterns))
            #expect(stable.objective(of: search.trips, patterns: search.patterns)
                        <= stable.objective(of: start) + 1e-6)
            if changedTripMinutes > 1e5 {
                // The start keeps them all; a piece that priced only travel would drop some.
                #expect(zip(search.trips, previous).allSatisfy { $0 >= $1 })
            } else {
                #expect(search.improvements > 0)
                #expect(stable.objective(of: search.trips, patterns: search.patterns) < stable.objective(of: start) - 1)
            }
        }

        // The re-plan itself: complete, every unit once, the rules kept, and no dearer than its start.
        let result = try Replanner().plan(request, solver: GLPKSolver())
        #expect(result.plan.isComplete)
        #expect(Set(result.plan.visits.map(\.unitID)) == Set(request.units.map(\.id)))
        #expect(result.plan.visits.count == request.units.count)
        #expect(Self.checker(for: request).violations(of: result.plan) == [])
        #expect(result.plan.solver.chosenObjective <= result.plan.solver.heuristicObjective + 1e-6)
    }

    @Test("the buffer days stay free while the remaining work fits before them, even where the previous plan used them")
    func bufferKeptFree() throws {
        let scenario = try Scenario(seed: 21)
        let buffer = Array(scenario.survey.dataset.settings.calendar.workingDays.suffix(2))
        var request = scenario.request()
        // A previous plan that put one enumerator's last two days of work on the buffer days (as a re-plan that
        // needed them would have).
        let byEnumerator = Dictionary(grouping: request.previousVisits, by: \.enumeratorID)
        let enumerator = try #require(byEnumerator.keys.filter { Set(byEnumerator[$0]!.map(\.date)).count >= 2 }.min())
        let lastDates = Set(byEnumerator[enumerator]!.map(\.date)).sorted().suffix(2)
        let newDate = Dictionary(uniqueKeysWithValues: zip(lastDates, buffer))
        request.previousVisits = request.previousVisits.map { visit in
            var visit = visit
            if visit.enumeratorID == enumerator, let date = newDate[visit.date] { visit.date = date }
            return visit
        }
        #expect(request.bufferDaysToKeep == 2)

        // On a window with the buffer usable, the stable re-plan keeps those visits where they were.
        let fieldworkRequest = request.fieldworkRequest
        let onWholeWindow = try Replanner().planWindow(request, fieldworkRequest: fieldworkRequest,
                                                       instance: AssignmentInstance(request: fieldworkRequest),
                                                       start: .now, solver: GLPKSolver())
        #expect(onWholeWindow.plan.visits.contains { buffer.contains($0.date) })

        let result = try Replanner().plan(request, solver: GLPKSolver())
        #expect(result.plan.isComplete)
        #expect(!result.plan.visits.contains { buffer.contains($0.date) })
        #expect(Set(result.plan.visits.map(\.unitID)) == Set(request.units.map(\.id)))
        #expect(Self.checker(for: request).violations(of: result.plan) == [])
    }

    @Test("a re-plan keeps at most the survey's buffer days free, and always leaves a day to plan")
    func bufferDaysToKeep() throws {
        let scenario = try Scenario(seed: 21)
        let days = scenario.survey.dataset.settings.calendar.workingDays
        #expect(scenario.survey.dataset.settings.fieldwork.bufferDays == 2)
        #expect(scenario.request(asOf: days[days.count - 3]).bufferDaysToKeep == 2)
        #expect(scenario.request(asOf: days[days.count - 2]).bufferDaysToKeep == 1)
        #expect(scenario.request(asOf: days[days.count - 1]).bufferDaysToKeep == 0)
    }

    @Test("buffer days are used when the remaining work needs them")
    func bufferDays() throws {
        let scenario = try Scenario(seed: 27)
        // Re-plan the whole sample from the tenth working day: ten days of work in three.
        let asOf = CalendarDate(year: 2023, month: 10, day: 16)!
        let request = scenario.request(units: scenario.survey.units, asOf: asOf)
        let result = try Replanner().plan(request, solver: GLPKSolver())
        let buffer = Set(scenario.survey.dataset.settings.calendar.workingDays.suffix(2))
        let usesBuffer = result.plan.visits.contains { buffer.contains($0.date) }
        #expect(usesBuffer)
        #expect(Self.checker(for: request).violations(of: result.plan) == [])
    }
}
