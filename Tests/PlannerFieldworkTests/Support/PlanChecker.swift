import PlannerCore
import PlannerFieldwork

/// Checks a plan against the rules of the brief, recomputing every minute from the request.
struct PlanChecker {
    let request: FieldworkRequest

    /// Every broken rule, as text (empty when the plan keeps them all).
    func violations(of plan: FieldworkPlan) -> [String] {
        let travel = ReferenceTravel(dataset: request.dataset)
        let parameters = request.dataset.settings.fieldwork
        var problems: [String] = []
        let units = Dictionary(uniqueKeysWithValues: request.units.map { ($0.id, $0) })
        let enumerators = Dictionary(uniqueKeysWithValues: request.dataset.enumerators.map { ($0.id, $0) })

        // Each unit exactly once, or listed as unscheduled.
        let visited = plan.visits.map(\.unitID)
        if Set(visited).count != visited.count { problems.append("a unit is visited twice") }
        if Set(visited).union(plan.unscheduledUnitIDs) != Set(units.keys)
            || visited.count + plan.unscheduledUnitIDs.count != units.count {
            problems.append("visits and unscheduled units do not partition the units")
        }
        if plan.isComplete != (plan.diagnosis == nil) { problems.append("diagnosis present iff incomplete is broken") }

        var seenDays = Set<String>()
        for route in plan.routes {
            let key = "\(route.enumeratorID) \(route.date)"
            if !seenDays.insert(key).inserted { problems.append("\(key): two routes") }
            guard let enumerator = enumerators[route.enumeratorID] else {
                problems.append("\(key): unknown enumerator")
                continue
            }
            if !travel.usableDays(of: route.enumeratorID).contains(route.date) {
                problems.append("\(key): not a usable day (weekend, holiday, buffer or unavailable)")
            }
            let visits = plan.visits.filter { $0.enumeratorID == route.enumeratorID && $0.date == route.date }
                .sorted { $0.visitOrder < $1.visitOrder }
            if visits.map(\.unitID) != route.unitIDs { problems.append("\(key): route and visits disagree") }
            guard !visits.isEmpty else {
                problems.append("\(key): empty route")
                continue
            }
            if visits.map(\.visitOrder) != Array(1...visits.count) { problems.append("\(key): visit orders are not 1…n") }
            // Sites in visiting order, each visited in one block.
            var sites: [(id: String, commune: CommuneCode, point: GeoPoint)] = []
            var moves = 0
            var interviews = 0
            for visit in visits {
                guard let unit = units[visit.unitID] else { continue }
                if !enumerator.skills.contains(unit.kind == .household ? .household : .enterprise) {
                    problems.append("\(key): \(unit.id) needs a skill \(enumerator.id) lacks")
                }
                let site = travel.site(of: unit)
                if site.id != visit.siteID { problems.append("\(key): \(unit.id) at the wrong site") }
                if sites.last?.id == site.id { moves += 1 } else { sites.append(site) }
                interviews += travel.interviewMinutes(unit.kind)
                if visit.interviewMinutes != travel.interviewMinutes(unit.kind) {
                    problems.append("\(key): \(unit.id) interview minutes")
                }
            }
            if Set(sites.map(\.id)).count != sites.count { problems.append("\(key): a site visited in two blocks") }
            if sites.count > parameters.maxCommunesPerDay { problems.append("\(key): \(sites.count) sites") }
            if sites.map(\.id) != route.siteIDs { problems.append("\(key): site list disagrees") }

            let base = travel.base(of: enumerator)
            if base.commune != route.baseCommune { problems.append("\(key): base commune") }
            var road = travel.minutes(from: base, to: (sites[0].commune, sites[0].point))
            for (from, to) in zip(sites, sites.dropFirst()) {
                road += travel.minutes(from: (from.commune, from.point), to: (to.commune, to.point))
            }
            let back = travel.minutes(from: (sites.last!.commune, sites.last!.point), to: base)
            road += back
            let used = road + Double(moves * parameters.withinCommuneMoveMinutes) + Double(interviews)
            if used > Double(enumerator.dailyMinutes) + 1e-6 {
                problems.append("\(key): \(used) minutes over the budget \(enumerator.dailyMinutes)")
            }
            if abs(used - route.usedMinutes) > 1e-6 { problems.append("\(key): used minutes \(route.usedMinutes) ≠ \(used)") }
            // The day starts and ends at the base.
            let firstLeg = travel.minutes(from: base, to: (sites[0].commune, sites[0].point))
            if abs(visits[0].travelMinutes - firstLeg) > 1e-6 { problems.append("\(key): first leg is not from the base") }
            if abs(route.returnTravelMinutes - back) > 1e-6 { problems.append("\(key): last leg is not to the base") }
            let hours = parameters.workingDay
            var expectedFirst = Double(hours.startMinutes) + firstLeg
            if visits[0].unitKind == .enterprise { expectedFirst = max(expectedFirst, Double(hours.officeOpensMinutes)) }
            if visits[0].plannedStartMinutes != Int(expectedFirst.rounded()) {
                problems.append("\(key): first start time")
            }
            problems += workingDayViolations(visits, homeward: back, key: key)
            if zip(visits, visits.dropFirst()).contains(where: { $0.plannedStartMinutes > $1.plannedStartMinutes }) {
                problems.append("\(key): start times go backwards")
            }
        }
        return problems
    }

    /// The working day, recomputed from the printed times: enterprises inside office hours, back by the
    /// day's end, and a whole break between interviews inside its window unless the day is home before the
    /// latest break start (one minute allowed for rounding).
    private func workingDayViolations(_ visits: [VisitAssignment], homeward: Double, key: String) -> [String] {
        let hours = request.dataset.settings.fieldwork.workingDay
        var problems: [String] = []
        for visit in visits where visit.unitKind == .enterprise {
            if visit.plannedStartMinutes < hours.officeOpensMinutes - 1
                || visit.plannedStartMinutes + visit.interviewMinutes > hours.officeClosesMinutes + 1 {
                problems.append("\(key): \(visit.unitID) outside office hours")
            }
        }
        let last = visits[visits.count - 1]
        let end = Double(last.plannedStartMinutes + last.interviewMinutes) + homeward
        if end > Double(hours.endMinutes) + 1 { problems.append("\(key): back at \(end), after the day's end") }
        guard hours.breakMinutes > 0, end > Double(hours.breakLatestEndMinutes - hours.breakMinutes) + 1 else {
            return problems
        }
        var free: [(Double, Double)] = [(Double(hours.startMinutes), Double(visits[0].plannedStartMinutes))]
        for (previous, next) in zip(visits, visits.dropFirst()) {
            free.append((Double(previous.plannedStartMinutes + previous.interviewMinutes), Double(next.plannedStartMinutes)))
        }
        free.append((Double(last.plannedStartMinutes + last.interviewMinutes), Double(hours.endMinutes)))
        let opens = Double(hours.breakEarliestStartMinutes), closes = Double(hours.breakLatestEndMinutes)
        if !free.contains(where: { min($0.1, closes) - max($0.0, opens) + 1 >= Double(hours.breakMinutes) }) {
            problems.append("\(key): no room for the break between interviews")
        }
        return problems
    }
}
