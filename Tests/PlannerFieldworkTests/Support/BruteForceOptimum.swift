import PlannerCore
import PlannerFieldwork

/// The optimum of the aggregated day-trip model by enumeration, built from the brief's rules and the
/// documented weights without any of the planner's code (docs/model.md, "Weights").
struct BruteForceOptimum {
    struct Option {
        var enumerator: Int
        var demand: Int
        var roundTrip: Double
        var perTrip: Int
        var maximum: Int
    }

    let options: [Option]
    let demandCounts: [Int]
    let days: [Int]
    let fairShare: [Int]
    let excessDayCost: Double
    let unservedPenalty: Double

    init(request: FieldworkRequest) {
        let travel = ReferenceTravel(dataset: request.dataset)
        let parameters = request.dataset.settings.fieldwork
        let move = parameters.withinCommuneMoveMinutes
        struct Key: Hashable { var site: String; var kind: FieldworkUnit.Kind }
        var counts: [Key: Int] = [:]
        var siteOf: [String: (commune: CommuneCode, point: GeoPoint)] = [:]
        for unit in request.units {
            let site = travel.site(of: unit)
            counts[Key(site: site.id, kind: unit.kind), default: 0] += 1
            siteOf[site.id] = (site.commune, site.point)
        }
        let keys = counts.keys.sorted { ($0.site, $0.kind) < ($1.site, $1.kind) }
        demandCounts = keys.map { counts[$0]! }
        let enumerators = request.dataset.enumerators.sorted { $0.id < $1.id }
        days = enumerators.map { travel.usableDays(of: $0.id).count }

        var options: [Option] = []
        for (e, enumerator) in enumerators.enumerated() where days[e] > 0 {
            let base = travel.base(of: enumerator)
            for (d, key) in keys.enumerated() where enumerator.skills.contains(key.kind == .household ? .household : .enterprise) {
                let site = siteOf[key.site]!
                let roundTrip = travel.minutes(from: base, to: site) + travel.minutes(from: site, to: base)
                let perVisit = Double(travel.interviewMinutes(key.kind) + move)
                let fit = Int(((Double(enumerator.dailyMinutes) - roundTrip + Double(move)) / perVisit + 1e-9).rounded(.down))
                guard fit >= 1 else { continue }
                let perTrip = min(fit, demandCounts[d])
                options.append(Option(enumerator: e, demand: d, roundTrip: roundTrip, perTrip: perTrip,
                                      maximum: min(days[e], (demandCounts[d] + perTrip - 1) / perTrip)))
            }
        }
        self.options = options

        var leastTrips = 0
        for (d, count) in demandCounts.enumerated() {
            if let best = options.filter({ $0.demand == d }).map(\.perTrip).max() { leastTrips += (count + best - 1) / best }
        }
        let staffDays = days.reduce(0, +)
        let ratio = staffDays > 0 ? min(1, Double(leastTrips) / Double(staffDays)) : 1
        fairShare = days.map { Int((ratio * Double($0) - 1e-9).rounded(.up)) }
        excessDayCost = parameters.workloadBalanceWeight * request.balanceMinutesPerExcessDay
        // More than all travel and balance of any plan: Σ over enumerators with an option of days × (daily
        // minutes + the cost of an excess day), plus one.
        var total = 0.0
        for (e, enumerator) in enumerators.enumerated() where options.contains(where: { $0.enumerator == e }) {
            total += Double(days[e]) * (Double(enumerator.dailyMinutes) + excessDayCost)
        }
        unservedPenalty = max(1000, (total + 1).rounded(.up))
    }

    /// The least objective over every integer choice of trips within the bounds and day rows.
    func optimum() -> Double {
        var trips = Array(repeating: 0, count: options.count)
        var used = Array(repeating: 0, count: days.count)
        var best = Double.infinity
        func visit(_ index: Int) {
            if index == options.count {
                best = min(best, objective(trips))
                return
            }
            let option = options[index]
            for count in 0...option.maximum where used[option.enumerator] + count <= days[option.enumerator] {
                trips[index] = count
                used[option.enumerator] += count
                visit(index + 1)
                used[option.enumerator] -= count
            }
            trips[index] = 0
        }
        visit(0)
        return best
    }

    func objective(_ trips: [Int]) -> Double {
        var covered = Array(repeating: 0, count: demandCounts.count)
        var worked = Array(repeating: 0, count: days.count)
        var total = 0.0
        for (option, count) in zip(options, trips) {
            covered[option.demand] += count * option.perTrip
            worked[option.enumerator] += count
            total += Double(count) * option.roundTrip
        }
        for (count, cover) in zip(demandCounts, covered) { total += unservedPenalty * Double(max(0, count - cover)) }
        for (days, share) in zip(worked, fairShare) { total += excessDayCost * Double(max(0, days - share)) }
        return total
    }
}
