import PlannerCore
@testable import PlannerFieldwork
import PlannerGLPK
import PlannerTestSupport
import Testing

/// Colleagues with interchangeable days (same base, skills, daily minutes and usable days) share a plan's days
/// evenly (`TripScheduler.evened`).
@Suite struct EvenWorkloadTests {
    /// Four household enumerators at one post office (three alike, one on half days) and an enterprise-skilled
    /// colleague, with two communes of households: work for about six days in a week of five.
    static func request(officeHouseholds: Int = 40, nearHouseholds: Int = 33) -> FieldworkRequest {
        let office = SmallSurvey.commune("31498", east: 0, north: 0)
        let near = SmallSurvey.commune("31501", east: 4, north: 3)
        let enumerators = ["EN01", "EN02", "EN03"].map { SmallSurvey.enumerator($0, at: office.location, skills: [.household]) }
            + [SmallSurvey.enumerator("EN04", at: office.location, skills: [.household], dailyMinutes: 240),
               SmallSurvey.enumerator("EN05", at: office.location, skills: [.household, .enterprise])]
        return FieldworkRequest(dataset: SmallSurvey.dataset(communes: [office, near], enumerators: enumerators),
                                units: SmallSurvey.households(officeHouseholds, in: office, prefix: "A")
                                    + SmallSurvey.households(nearHouseholds, in: near, prefix: "B"))
    }

    static func days(of plan: FieldworkPlan) -> [EnumeratorID: Int] {
        Dictionary(grouping: plan.routes, by: \.enumeratorID).mapValues(\.count)
    }

    @Test("three alike colleagues: days differ by at most one; the half-day and enterprise colleagues are apart")
    func colleaguesShareDays() throws {
        let request = Self.request()
        let instance = try AssignmentInstance(request: request)
        let groups = instance.interchangeableGroups().map { $0.map { instance.workers[$0].enumerator.id.rawValue } }
        #expect(groups == [["EN01", "EN02", "EN03"], ["EN04"], ["EN05"]])
        let plan = try FieldworkPlanner().plan(request, solver: GLPKSolver())
        #expect(plan.isComplete)
        #expect(PlanChecker(request: request).violations(of: plan) == [])
        let days = Self.days(of: plan)
        let alike = ["EN01", "EN02", "EN03"].map { days[EnumeratorID($0)] ?? 0 }
        #expect(alike.max()! - alike.min()! <= 1, "days of EN01–EN03: \(alike)")
    }

    @Test("dealing days out keeps every day's route and never adds a day above the fair share",
          arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func dealingKeepsRoutes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let request = Self.request(officeHouseholds: Int.random(in: 5...60, using: &random),
                                   nearHouseholds: Int.random(in: 5...60, using: &random))
        let instance = try AssignmentInstance(request: request)
        let scheduler = TripScheduler(instance: instance)
        // An uneven one-site plan: the greedy's trips, every group's days first piled on its first member.
        let trips = GreedyAssignment(instance: instance, costs: AssignmentCosts(instance: instance,
                                                                               balanceMinutesPerExcessDay: 60)).solve()
        let groups = instance.interchangeableGroups()
        #expect(groups.contains { $0.count > 1 }, "the medium survey has colleagues alike")
        var merged = instance.workers.indices.map { worker in
            let own = scheduler.allocate(scheduler.chosenDays(trips: trips)).filter { $0.worker == worker }
            return own.isEmpty ? [] : scheduler.merge(own, worker: worker)
        }
        for group in groups where group.count > 1 {
            let pile = group.flatMap { merged[$0] }.prefix(instance.workers[group[0]].usableDays.count)
            guard pile.count > 1 else { continue }
            merged[group[0]] = pile.map { var day = $0; day.worker = group[0]; return day }
            for other in group.dropFirst() { merged[other] = [] }
        }
        let evened = scheduler.evened(merged)
        // The same days, only their holders changed, and each holder can make them.
        let key = { (day: TripScheduler.Day) in "\(day.siteOrder) \(day.trips.map { "\($0.demand):\($0.visits)" }) \(day.travelMinutes)" }
        #expect(merged.flatMap { $0 }.map(key).sorted() == evened.flatMap { $0 }.map(key).sorted())
        for group in groups {
            let counts = group.map { evened[$0].count }
            #expect(counts.max()! - counts.min()! <= 1, "group \(group): \(counts)")
            let excessBefore = group.reduce(0) { $0 + max(0, merged[$1].count - instance.workers[$1].fairShareDays) }
            let excessAfter = group.reduce(0) { $0 + max(0, evened[$1].count - instance.workers[$1].fairShareDays) }
            #expect(excessAfter <= excessBefore)
            for member in group {
                #expect(evened[member].count <= instance.workers[member].usableDays.count)
                #expect(evened[member].allSatisfy { $0.worker == member && $0.fits })
            }
        }
        // Enumerators in no group of two or more keep their days.
        for group in groups where group.count == 1 { #expect(evened[group[0]].count == merged[group[0]].count) }
    }
}
