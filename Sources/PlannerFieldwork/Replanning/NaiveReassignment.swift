import PlannerCore

/// The policy a re-plan is compared with: no optimisation, each piece of new work goes to one person's first
/// day where it fits.
///
/// A dropped enumerator's visits go to the nearest available colleague of the same post office (nearest base,
/// then ID; any office when the post office has no one left); a re-visit or a released reserve goes to the
/// enumerator who made the previous visit (or that colleague). Each unit is added to that enumerator's first
/// usable day from the as-of date (buffer days included) whose route still fits the budget and
/// `maxCommunesPerDay`; a unit that fits nowhere is missed. Used by the simulation only.
public struct NaiveReassignment: Sendable {
    /// A unit to place, and whose work it is.
    public struct Work: Hashable, Sendable {
        public var unitID: String
        public var enumeratorID: EnumeratorID

        public init(unitID: String, enumeratorID: EnumeratorID) {
            self.unitID = unitID
            self.enumeratorID = enumeratorID
        }
    }

    /// Visits and routes from the as-of date, and the units that fit nowhere.
    public struct Outcome: Sendable {
        public var visits: [VisitAssignment]
        public var routes: [DayRoute]
        public var missedUnitIDs: [String]
    }

    public let dataset: Dataset
    public let asOf: CalendarDate

    /// - Parameter dataset: with every unavailability known (dropped enumerators included).
    public init(dataset: Dataset, asOf: CalendarDate) {
        self.dataset = dataset
        self.asOf = asOf
    }

    /// The enumerator who takes over a dropped enumerator's work.
    public func substitute(for enumerator: EnumeratorID, available: Set<EnumeratorID>) -> EnumeratorID? {
        guard let dropped = dataset.enumerators.first(where: { $0.id == enumerator }) else { return nil }
        let candidates = dataset.enumerators.filter { available.contains($0.id) && $0.id != enumerator }
        let sameOffice = candidates.filter { $0.postOffice == dropped.postOffice }
        return (sameOffice.isEmpty ? candidates : sameOffice).min { lhs, rhs in
            let left = dropped.location.distanceKilometres(to: lhs.location)
            let right = dropped.location.distanceKilometres(to: rhs.location)
            return left != right ? left < right : lhs.id < rhs.id
        }?.id
    }

    /// Keeps `planned` (visits from the as-of date of enumerators still available) and adds `work`.
    ///
    /// - Parameter units: every unit of `planned` and `work`.
    public func assign(_ work: [Work], planned: [VisitAssignment], units: [FieldworkUnit]) throws -> Outcome {
        let planning = dataset.replanWindow(from: asOf)
        let needed = Set(planned.map(\.unitID)).union(work.map(\.unitID))
        let instance = try AssignmentInstance(request: FieldworkRequest(
            dataset: planning, units: units.filter { needed.contains($0.id) }))
        let routing = TripScheduler(instance: instance)

        let lookup = InstanceIndex(instance)
        let demandOfUnit = lookup.demandOfUnit, unitsByID = lookup.unitsByID, workerOf = lookup.workerOfEnumerator

        struct DayKey: Hashable, Comparable {
            var worker: Int
            var date: CalendarDate
            static func < (lhs: DayKey, rhs: DayKey) -> Bool { (lhs.worker, lhs.date) < (rhs.worker, rhs.date) }
        }
        var days: [DayKey: [FieldworkUnit]] = [:]
        func evaluate(_ units: [FieldworkUnit], worker: Int) -> TripScheduler.Day? {
            var counts: [Int: Int] = [:]
            for unit in units { counts[demandOfUnit[unit.id]!, default: 0] += 1 }
            var trips: [TripScheduler.Trip] = []
            for demand in counts.keys.sorted() {
                guard lookup.option(worker: worker, demand: demand) != nil else { return nil }
                trips.append(TripScheduler.Trip(demand: demand, visits: counts[demand]!))
            }
            let day = routing.evaluate(trips, worker: worker)
            return day.fits && day.siteOrder.count <= instance.parameters.maxCommunesPerDay ? day : nil
        }

        var missed: [String] = []
        for visit in planned.sorted(by: { ($0.date, $0.enumeratorID, $0.visitOrder) < ($1.date, $1.enumeratorID, $1.visitOrder) }) {
            guard let worker = workerOf[visit.enumeratorID], instance.workers[worker].usableDays.contains(visit.date),
                  let unit = unitsByID[visit.unitID] else {
                missed.append(visit.unitID)
                continue
            }
            days[DayKey(worker: worker, date: visit.date), default: []].append(unit)
        }
        for item in work {
            guard let worker = workerOf[item.enumeratorID], let unit = unitsByID[item.unitID],
                  let date = instance.workers[worker].usableDays.first(where: { date in
                      evaluate((days[DayKey(worker: worker, date: date)] ?? []) + [unit], worker: worker) != nil
                  }) else {
                missed.append(item.unitID)
                continue
            }
            days[DayKey(worker: worker, date: date), default: []].append(unit)
        }

        var routes: [DayRoute] = []
        var visits: [VisitAssignment] = []
        for key in days.keys.sorted() {
            let units = days[key]!
            // A kept day always fitted when it was planned; evaluate it without the checks if travel changed.
            let day = evaluate(units, worker: key.worker) ?? routing.evaluate(
                Dictionary(grouping: units, by: { demandOfUnit[$0.id]! }).keys.sorted().compactMap { demand in
                    lookup.option(worker: key.worker, demand: demand).map { _ in
                        TripScheduler.Trip(demand: demand, visits: units.filter { demandOfUnit[$0.id] == demand }.count)
                    }
                }, worker: key.worker)
            let (route, dayVisits) = routing.makeRoute(day, date: key.date, units: units)
            routes.append(route)
            visits += dayVisits
        }
        return Outcome(visits: visits.sorted { ($0.enumeratorID, $0.date, $0.visitOrder) < ($1.enumeratorID, $1.date, $1.visitOrder) },
                       routes: routes.sorted { ($0.enumeratorID, $0.date) < ($1.enumeratorID, $1.date) },
                       missedUnitIDs: missed.sorted())
    }
}
