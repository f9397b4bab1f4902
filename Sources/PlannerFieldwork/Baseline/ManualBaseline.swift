import PlannerCore

/// Plans fieldwork the way a manager would by hand, so that benchmarks can say how much travel the optimised
/// plan saves.
///
/// The rules, kept deliberately simple and local:
/// 1. Each post office covers its own district with its own staff (enumerators whose `districtCode` is the
///    district); nobody crosses a district line.
/// 2. Sites are taken in commune-code order; a zone (visited at its office) comes right after the commune of
///    its office. Inside a site, units are taken in ID order (the walk between them on the day is the same as
///    in optimised plans).
/// 3. The enterprise-skilled staff take the district's enterprise visits first; then everyone with the
///    household skill takes the households on the enumerator-days still free.
/// 4. Days are filled in turn: date by date, and on each date enumerator by enumerator (by ID). A day takes the
///    next visits in order while they fit its daily minutes (round trip through its sites in the order
///    visited, interviews, moves) and `maxCommunesPerDay`; the next visit that does not fit opens the next day.
///    A visit that does not fit even a fresh day, or finds no day left, stays unscheduled.
///
/// Days are priced and timed by the same travel model and route code as optimised plans
/// (`TripScheduler.makeRoute`), so the two travel totals are comparable. Deterministic: no dictionary or set
/// order reaches the result.
public struct ManualBaseline: Sendable {
    public init() {}

    /// - Throws: `FieldworkInputError` for a request the planner could not plan either.
    public func plan(_ request: FieldworkRequest) throws(FieldworkInputError) -> BaselinePlan {
        let instance = try AssignmentInstance(request: request)
        let scheduler = TripScheduler(instance: instance)
        var routes: [DayRoute] = []
        var visits: [VisitAssignment] = []
        var unscheduled: [String] = []

        let districts = Array(Set(instance.sites.map(\.districtCode))).sorted()
        for district in districts {
            let staff = instance.workers.indices
                .filter { instance.workers[$0].enumerator.districtCode == district }
                .sorted { instance.workers[$0].enumerator.id < instance.workers[$1].enumerator.id }
            let siteOrder = instance.sites.indices
                .filter { instance.sites[$0].districtCode == district }
                .sorted { (instance.sites[$0].communeCode, instance.sites[$0].kind)
                    < (instance.sites[$1].communeCode, instance.sites[$1].kind) }
            var takenSlots = Set<Slot>()
            for kind in [FieldworkUnit.Kind.enterprise, .household] {
                let queue = siteOrder.flatMap { site in
                    instance.demands.filter { $0.siteIndex == site && $0.kind == kind }
                        .flatMap { demand in demand.units.map { (site: site, unit: $0) } }
                }
                guard !queue.isEmpty else { continue }
                let slots = instance.plannableDays.flatMap { date in
                    staff.filter { worker in
                        instance.workers[worker].enumerator.skills.contains(kind.requiredSkill)
                            && instance.workers[worker].usableDays.contains(date)
                    }.map { Slot(worker: $0, date: date) }
                }.filter { !takenSlots.contains($0) }

                var nextSlot = 0
                var open: OpenDay?
                func close() {
                    guard let day = open, !day.units.isEmpty else { return }
                    let (route, dayVisits) = scheduler.makeRoute(day.scheduledDay, date: day.slot.date,
                                                                 units: day.units)
                    routes.append(route)
                    visits += dayVisits
                    takenSlots.insert(day.slot)
                }
                for entry in queue {
                    if open?.adding(entry.unit, at: entry.site, scheduler: scheduler) == nil, open?.units.isEmpty == false {
                        close()
                        open = nil
                    }
                    if open == nil, nextSlot < slots.count {
                        open = OpenDay(slot: slots[nextSlot])
                        nextSlot += 1
                    }
                    if let extended = open?.adding(entry.unit, at: entry.site, scheduler: scheduler) {
                        open = extended
                    } else {
                        unscheduled.append(entry.unit.id)
                    }
                }
                close()
            }
        }
        routes.sort { ($0.enumeratorID, $0.date) < ($1.enumeratorID, $1.date) }
        visits.sort { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) }
        return BaselinePlan(routes: routes, visits: visits, unscheduledUnitIDs: unscheduled.sorted())
    }

    /// One enumerator on one date.
    private struct Slot: Hashable {
        var worker: Int
        var date: CalendarDate
    }

    /// The day being filled: its sites in the order reached and the units taken so far.
    private struct OpenDay {
        var slot: Slot
        var siteOrder: [Int] = []
        var units: [FieldworkUnit] = []
        var unitsPerSite: [(households: Int, enterprises: Int)] = []
        var interviewMinutes = 0
        var travelMinutes = 0.0
        var usedMinutes = 0.0

        init(slot: Slot) { self.slot = slot }

        /// The day with one more unit at `site`, or nil when that no longer fits a working day (budget, break,
        /// office hours: a manager planning by hand keeps them too) or the site limit.
        func adding(_ unit: FieldworkUnit, at site: Int, scheduler: TripScheduler) -> OpenDay? {
            let instance = scheduler.instance
            var next = self
            if next.siteOrder.last != site {
                guard !next.siteOrder.contains(site),
                      next.siteOrder.count < instance.parameters.maxCommunesPerDay else { return nil }
                next.siteOrder.append(site)
                next.unitsPerSite.append((0, 0))
                let worker = instance.workers[slot.worker]
                next.travelMinutes = instance.travel.tourMinutes(
                    base: worker.base, through: next.siteOrder.map { instance.sites[$0].place })
            }
            if unit.kind == .household { next.unitsPerSite[next.unitsPerSite.count - 1].households += 1 }
            else { next.unitsPerSite[next.unitsPerSite.count - 1].enterprises += 1 }
            next.units.append(unit)
            next.interviewMinutes += instance.interviewMinutes(unit.kind)
            let moves = next.unitsPerSite.reduce(0) { $0 + max(0, $1.households + $1.enterprises - 1) }
            next.usedMinutes = next.travelMinutes + Double(next.interviewMinutes)
                + Double(moves * instance.parameters.withinCommuneMoveMinutes)
            let fits = scheduler.timeline(worker: slot.worker, siteOrder: next.siteOrder, counts: next.unitsPerSite) != nil
            return fits ? next : nil
        }

        /// The day in the scheduler's terms, its sites in the order reached (not reordered).
        var scheduledDay: TripScheduler.Day {
            TripScheduler.Day(worker: slot.worker, trips: [], siteOrder: siteOrder, travelMinutes: travelMinutes,
                              usedMinutes: usedMinutes, timeline: nil)
        }
    }
}
