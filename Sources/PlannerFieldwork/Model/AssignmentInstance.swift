import PlannerCore

/// The aggregated assignment problem: who can make day-trips to which site for which work, and at what cost.
///
/// Everything the MIP, the greedy heuristic and the diagnosis need is computed once here, from the request, in
/// a fixed order (enumerators by ID, sites by kind then ID, work kinds household first), so that every later
/// step is deterministic.
public struct AssignmentInstance: Sendable {
    /// An enumerator with the days it can work and the commune its base lies in.
    public struct Worker: Sendable, Hashable {
        public var enumerator: Enumerator
        /// The commune whose point is nearest the base among the communes of the enumerator's district.
        public var baseCommune: CommuneCode
        public var base: TravelPlace
        /// Non-buffer working days on which the enumerator is available, in order.
        public var usableDays: [CalendarDate]
        /// The enumerator's part of the fewest day-trips that could cover the work, in proportion to its usable
        /// days (rounded up); days above it are penalised.
        public var fairShareDays: Int
    }

    /// The units of one kind at one site: one covering row of the model.
    public struct Demand: Sendable, Hashable {
        public var siteIndex: Int
        public var kind: FieldworkUnit.Kind
        /// Sorted by ID.
        public var units: [FieldworkUnit]
        public var count: Int { units.count }
    }

    /// A possible kind of day-trip: one enumerator to one site for one kind of work (one y column).
    public struct TripOption: Sendable, Hashable {
        public var workerIndex: Int
        public var demandIndex: Int
        /// Base → site → base.
        public var roundTripMinutes: Double
        /// Visits that fit in one such day-trip, capped at the demand (a larger coefficient covers nothing more).
        public var visitsPerTrip: Int
        /// More trips than this are never useful: the demand is covered, or the days run out.
        public var maximumTrips: Int
    }

    public let parameters: FieldworkParameters
    /// The request's travel times: the only ones the model, the schedulers and the day's clock use.
    public let travel: any TravelTimes
    public let workers: [Worker]
    public let sites: [FieldworkSite]
    public let demands: [Demand]
    /// Sorted by worker, then demand.
    public let options: [TripOption]
    /// Working days of the window in order, buffer days included.
    public let workingDays: [CalendarDate]
    /// The last `bufferDays` working days, kept free.
    public let bufferDays: [CalendarDate]

    /// Option indices per demand and per worker, in option order.
    public let optionsOfDemand: [[Int]]
    public let optionsOfWorker: [[Int]]

    /// The working days on which visits may be planned (all enumerators), in order.
    public var plannableDays: [CalendarDate] { Array(workingDays.dropLast(bufferDays.count)) }

    public func site(of demand: Demand) -> FieldworkSite { sites[demand.siteIndex] }

    /// Interview minutes of one unit of `kind`.
    public func interviewMinutes(_ kind: FieldworkUnit.Kind) -> Int {
        kind == .household ? parameters.householdInterviewMinutes : parameters.enterpriseInterviewMinutes
    }

    /// How many visits of `kind` fit in a one-site day of `dailyMinutes` that spends `travelMinutes` on the
    /// road (half each way), timed by `DayTimeline` with the break and office hours.
    public func visitsThatFit(dailyMinutes: Int, travelMinutes: Double, kind: FieldworkUnit.Kind) -> Int {
        Self.visitsThatFit(parameters: parameters, dailyMinutes: dailyMinutes,
                           legs: (travelMinutes / 2, travelMinutes / 2), kind: kind, limit: 1440)
    }

    /// Builds the instance, or reports every problem of the request.
    public init(request: FieldworkRequest) throws(FieldworkInputError) {
        let dataset = request.dataset
        let parameters = dataset.settings.fieldwork
        var issues = Self.parameterIssues(parameters, request: request)

        let communes = Dictionary(dataset.communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let zones = Dictionary(dataset.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Sites and demands.
        var unitsBySite: [FieldworkSite: [FieldworkUnit]] = [:]
        var seenIDs = Set<String>()
        for unit in request.units.sorted(by: { $0.id < $1.id }) {
            let subject = "unit \(unit.id)"
            if unit.id.isEmpty { issues.append(.init(subject: "unit", problem: "empty ID")) }
            if !seenIDs.insert(unit.id).inserted {
                issues.append(.init(subject: subject, problem: "appears more than once"))
                continue
            }
            guard let commune = communes[unit.communeCode] else {
                issues.append(.init(subject: subject, problem: "commune \(unit.communeCode) is not in the dataset"))
                continue
            }
            if commune.districtCode != unit.districtCode {
                issues.append(.init(subject: subject, problem: "district \(unit.districtCode) but commune "
                                    + "\(commune.code) lies in district \(commune.districtCode)"))
            }
            let site: FieldworkSite
            if let zoneID = unit.zoneID {
                guard let zone = zones[zoneID] else {
                    issues.append(.init(subject: subject, problem: "zone \(zoneID) is not in the dataset"))
                    continue
                }
                guard zone.status == .operating else {
                    issues.append(.init(subject: subject, problem: "zone \(zoneID) is \(zone.status.rawValue), "
                                        + "only operating zones are visited as zones"))
                    continue
                }
                site = FieldworkSite(kind: .zone, id: zone.id.rawValue, name: zone.name,
                                     communeCode: zone.communeCode, districtCode: zone.districtCode,
                                     location: zone.location)
            } else {
                site = FieldworkSite(kind: .commune, id: commune.code.rawValue, name: commune.name,
                                     communeCode: commune.code, districtCode: commune.districtCode,
                                     location: commune.location)
            }
            unitsBySite[site, default: []].append(unit)
        }

        // Workers.
        let workingDays = dataset.settings.calendar.workingDays
        let bufferDays = dataset.settings.bufferDays
        let plannable = Array(workingDays.dropLast(bufferDays.count))
        var workers: [Worker] = []
        for enumerator in dataset.enumerators {
            if enumerator.dailyMinutes < 0 {
                issues.append(.init(subject: "enumerator \(enumerator.id)", problem: "negative daily minutes"))
            }
            guard let baseCommune = Self.baseCommune(of: enumerator, communes: dataset.communes) else {
                issues.append(.init(subject: "enumerator \(enumerator.id)", problem: "the dataset has no communes"))
                continue
            }
            let spans = dataset.unavailability.filter { $0.enumeratorID == enumerator.id }
            let usable = plannable.filter { day in !spans.contains { $0.covers(day) } }
            workers.append(Worker(enumerator: enumerator, baseCommune: baseCommune,
                                  base: TravelPlace(communeCode: baseCommune, location: enumerator.location),
                                  usableDays: usable, fairShareDays: 0))
        }
        guard issues.isEmpty else { throw FieldworkInputError(issues: issues) }

        let sites = unitsBySite.keys.sorted()
        var demands: [Demand] = []
        for (siteIndex, site) in sites.enumerated() {
            let units = unitsBySite[site]!
            for kind in FieldworkUnit.Kind.allCases {
                let ofKind = units.filter { $0.kind == kind }
                if !ofKind.isEmpty { demands.append(Demand(siteIndex: siteIndex, kind: kind, units: ofKind)) }
            }
        }

        let travel = request.travel

        // Enumerators with the same base, daily minutes and skills reach the same demands at the same cost and
        // visits per trip; only their days differ. Their trips are priced and timed once per such profile (at
        // ×20, copies of each office's staff: 9 s of CPU went into pricing every enumerator on its own).
        struct Profile: Hashable {
            var base: TravelPlace
            var dailyMinutes: Int
            var skills: Set<Skill>
        }
        var tripsOfProfile: [Profile: [(demand: Int, roundTrip: Double, perTrip: Int)]] = [:]
        var options: [TripOption] = []
        for (workerIndex, worker) in workers.enumerated() where !worker.usableDays.isEmpty {
            let profile = Profile(base: worker.base, dailyMinutes: worker.enumerator.dailyMinutes,
                                  skills: worker.enumerator.skills)
            let trips = tripsOfProfile[profile] ?? Self.trips(from: worker.base, dailyMinutes: profile.dailyMinutes,
                                                              skills: profile.skills, demands: demands, sites: sites,
                                                              parameters: parameters, travel: travel)
            tripsOfProfile[profile] = trips
            for trip in trips {
                let tripsToCover = (demands[trip.demand].count + trip.perTrip - 1) / trip.perTrip
                options.append(TripOption(workerIndex: workerIndex, demandIndex: trip.demand,
                                          roundTripMinutes: trip.roundTrip, visitsPerTrip: trip.perTrip,
                                          maximumTrips: min(tripsToCover, worker.usableDays.count)))
            }
        }
        // Fair share: the fewest day-trips that could cover the work (each demand at its best visits per trip),
        // shared in proportion to usable days.
        // One pass over the options (a filter per demand was quadratic: 14 s on the 10× benchmark instance).
        var bestPerTrip = Array(repeating: 0, count: demands.count)
        for option in options { bestPerTrip[option.demandIndex] = max(bestPerTrip[option.demandIndex], option.visitsPerTrip) }
        var leastTrips = 0
        for (demand, best) in zip(demands, bestPerTrip) where best > 0 {
            leastTrips += (demand.count + best - 1) / best
        }
        let staffDays = workers.reduce(0) { $0 + $1.usableDays.count }
        let loadRatio = staffDays > 0 ? min(1, Double(leastTrips) / Double(staffDays)) : 1
        for index in workers.indices {
            let share = loadRatio * Double(workers[index].usableDays.count)
            workers[index].fairShareDays = Int((share - 1e-9).rounded(.up))
        }
        self.init(parameters: parameters, travel: travel, workers: workers, sites: sites, demands: demands,
                  options: options, workingDays: workingDays, bufferDays: bufferDays)
    }

    /// An instance from its parts, with the options indexed by demand and by worker (`PooledInstance` builds one
    /// whose workers are pools).
    init(parameters: FieldworkParameters, travel: any TravelTimes, workers: [Worker], sites: [FieldworkSite],
         demands: [Demand], options: [TripOption], workingDays: [CalendarDate], bufferDays: [CalendarDate]) {
        self.parameters = parameters
        self.travel = travel
        self.workers = workers
        self.sites = sites
        self.demands = demands
        self.options = options
        self.workingDays = workingDays
        self.bufferDays = bufferDays
        var ofDemand = Array(repeating: [Int](), count: demands.count)
        var ofWorker = Array(repeating: [Int](), count: workers.count)
        for (index, option) in options.enumerated() {
            ofDemand[option.demandIndex].append(index)
            ofWorker[option.workerIndex].append(index)
        }
        optionsOfDemand = ofDemand
        optionsOfWorker = ofWorker
    }

    /// The day-trips one enumerator profile can make, in demand order: to every demand of a kind its skills
    /// allow where at least one visit fits the day, with the round trip and the visits per trip.
    private static func trips(from base: TravelPlace, dailyMinutes: Int, skills: Set<Skill>, demands: [Demand],
                              sites: [FieldworkSite], parameters: FieldworkParameters,
                              travel: any TravelTimes) -> [(demand: Int, roundTrip: Double, perTrip: Int)] {
        var trips: [(demand: Int, roundTrip: Double, perTrip: Int)] = []
        for (demandIndex, demand) in demands.enumerated() where skills.contains(demand.kind.requiredSkill) {
            let site = sites[demand.siteIndex].place
            let out = travel.minutes(from: base, to: site), back = travel.minutes(from: site, to: base)
            let fit = visitsThatFit(parameters: parameters, dailyMinutes: dailyMinutes, legs: (out, back),
                                    kind: demand.kind, limit: demand.count)
            guard fit >= 1 else { continue }
            trips.append((demandIndex, out + back, min(fit, demand.count)))
        }
        return trips
    }

    /// The most visits of one kind, up to `limit`, that one day can make at one site: k interviews with k − 1
    /// moves between the two road legs, timed by `DayTimeline` (the count is monotone: one more visit only
    /// ends the day later).
    static func visitsThatFit(parameters: FieldworkParameters, dailyMinutes: Int, legs: (out: Double, back: Double),
                              kind: FieldworkUnit.Kind, limit: Int) -> Int {
        let move = Double(parameters.withinCommuneMoveMinutes)
        let interview = DayTimeline.Step.interview(minutes: kind == .household ? parameters.householdInterviewMinutes
                                                                               : parameters.enterpriseInterviewMinutes,
                                                   withinOfficeHours: kind == .enterprise)
        func fits(_ visits: Int) -> Bool {
            let steps = DayTimeline.steps(legs: [legs.out, legs.back],
                                          interviews: [Array(repeating: interview, count: visits)], moveMinutes: move)
            return DayTimeline.time(steps, day: parameters.workingDay, workBudgetMinutes: dailyMinutes) != nil
        }
        // Bisection (the count is monotone): this runs for every enumerator and site, a million times at scale.
        var fitting = 0, failing = limit + 1
        while failing - fitting > 1 {
            let middle = (fitting + failing) / 2
            if fits(middle) { fitting = middle } else { failing = middle }
        }
        return fitting
    }

    /// The commune of an enumerator's base: the nearest commune point within its district (any district when
    /// its own has no commune in the dataset). Ties go to the lower commune code.
    public static func baseCommune(of enumerator: Enumerator, communes: [Commune]) -> CommuneCode? {
        let own = communes.filter { $0.districtCode == enumerator.districtCode }
        let candidates = own.isEmpty ? communes : own
        return candidates.min { lhs, rhs in
            let left = enumerator.location.distanceKilometres(to: lhs.location)
            let right = enumerator.location.distanceKilometres(to: rhs.location)
            return left != right ? left < right : lhs.code < rhs.code
        }?.code
    }

    private static func parameterIssues(_ parameters: FieldworkParameters,
                                        request: FieldworkRequest) -> [FieldworkInputError.Issue] {
        var issues: [FieldworkInputError.Issue] = []
        func check(_ condition: Bool, _ field: String, _ expected: String) {
            if !condition { issues.append(.init(subject: "settings.fieldwork.\(field)", problem: expected)) }
        }
        check(parameters.bufferDays >= 0, "bufferDays", "expected 0 or more")
        let bounds = FieldworkParameters.Bounds.self
        check(bounds.interviewMinutes.contains(parameters.householdInterviewMinutes), "householdInterviewMinutes",
              "expected minutes in 1…1440")
        check(bounds.interviewMinutes.contains(parameters.enterpriseInterviewMinutes), "enterpriseInterviewMinutes",
              "expected minutes in 1…1440")
        check(bounds.moveMinutes.contains(parameters.withinCommuneMoveMinutes), "withinCommuneMoveMinutes",
              "expected minutes in 0…1440")
        check(bounds.communesPerDay.contains(parameters.maxCommunesPerDay), "maxCommunesPerDay",
              "expected an integer in 1…100")
        check(bounds.circuityFactor.contains(parameters.circuityFactor), "circuityFactor", "expected a factor in [1, 5]")
        check(bounds.speedKmPerHour.contains(parameters.speedKmPerHour), "speedKmPerHour",
              "expected a speed in km/h in [1, 200]")
        check(bounds.workloadBalanceWeight.contains(parameters.workloadBalanceWeight), "workloadBalanceWeight",
              "expected a weight in [0, 100]")
        if !(request.balanceMinutesPerExcessDay >= 0 && request.balanceMinutesPerExcessDay.isFinite) {
            issues.append(.init(subject: "balanceMinutesPerExcessDay", problem: "expected 0 or more"))
        }
        for override in request.dataset.travelOverrides where !(override.minutes >= 0 && override.minutes.isFinite) {
            issues.append(.init(subject: "travel override \(override.from)→\(override.to)",
                                problem: "expected minutes of 0 or more"))
        }
        return issues
    }
}
