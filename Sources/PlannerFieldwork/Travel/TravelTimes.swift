import PlannerCore

/// Road minutes between the places fieldwork travels between: enumerators' bases and sites.
///
/// The one seam through which the assignment model (trip and pattern costs), the schedulers (site orders and
/// the day's clock) and `planner verify` price travel: each takes the instance it is given and builds none of
/// its own. A survey's instance is `TravelMatrix(dataset:)`: the minutes of its `travel.csv` over the
/// great-circle formula. A road-network matrix (every commune pair routed) is one more `TravelMatrix`, whose
/// fallback then only serves pairs the network leaves out; see docs/model.md, "Travel times".
public protocol TravelTimes: Sendable {
    /// Minutes from one place to another. Need not be symmetric; 0 between identical points is expected.
    func minutes(from origin: TravelPlace, to destination: TravelPlace) -> Double
}

extension TravelTimes {
    /// Minutes of a day that leaves `base`, visits `sites` in the given order and returns to `base`.
    public func tourMinutes(base: TravelPlace, through sites: [TravelPlace]) -> Double {
        guard let first = sites.first, let last = sites.last else { return 0 }
        var total = minutes(from: base, to: first) + minutes(from: last, to: base)
        for (from, to) in zip(sites, sites.dropFirst()) { total += minutes(from: from, to: to) }
        return total
    }
}

/// Travel minutes from straight-line distance corrected for roads: great-circle km × `circuityFactor` ÷
/// `speedKmPerHour` × 60, for any two points, so that a survey needs no table to be planned.
public struct GreatCircleTravelTimes: TravelTimes {
    public let circuityFactor: Double
    public let speedKmPerHour: Double

    public init(circuityFactor: Double, speedKmPerHour: Double) {
        self.circuityFactor = circuityFactor
        self.speedKmPerHour = speedKmPerHour
    }

    /// The survey's `circuity_factor` and `speed_kmh`.
    public init(parameters: FieldworkParameters) {
        self.init(circuityFactor: parameters.circuityFactor, speedKmPerHour: parameters.speedKmPerHour)
    }

    public func minutes(from origin: TravelPlace, to destination: TravelPlace) -> Double {
        drivingMinutes(kilometres: origin.location.distanceKilometres(to: destination.location))
    }

    /// Minutes along the road for a great-circle distance.
    public func drivingMinutes(kilometres: Double) -> Double {
        kilometres * circuityFactor / speedKmPerHour * 60
    }
}

/// Travel minutes given per pair of communes, with another `TravelTimes` for the pairs the matrix does not hold.
///
/// Keyed by commune because that is how minutes are measured and given (a survey's `travel.csv`, a routing
/// engine's commune-to-commune table): a base or a zone's office is priced as the commune it lies in. A pair
/// given one way only is used both ways, because `travel.csv` lists a pair once; a pair given both ways keeps
/// each direction's own minutes.
public struct TravelMatrix: TravelTimes {
    private struct CommunePair: Hashable {
        var from: CommuneCode
        var to: CommuneCode
    }

    private let minutesOfPair: [CommunePair: Double]
    /// Prices the pairs the matrix does not hold.
    public let fallback: any TravelTimes

    public init(entries: [TravelOverride], fallback: any TravelTimes) {
        var table: [CommunePair: Double] = [:]
        // Mirror every row first, then write the rows as given, so an explicit reverse row beats a mirrored one.
        for entry in entries { table[CommunePair(from: entry.to, to: entry.from)] = entry.minutes }
        for entry in entries { table[CommunePair(from: entry.from, to: entry.to)] = entry.minutes }
        minutesOfPair = table
        self.fallback = fallback
    }

    /// The travel times a survey's plans are made and verified with: the dataset's `travel.csv` over the
    /// great-circle formula with its fieldwork parameters.
    public init(dataset: Dataset) {
        self.init(entries: dataset.travelOverrides, fallback: GreatCircleTravelTimes(parameters: dataset.settings.fieldwork))
    }

    public func minutes(from origin: TravelPlace, to destination: TravelPlace) -> Double {
        if let given = minutesOfPair[CommunePair(from: origin.communeCode, to: destination.communeCode)] {
            return given
        }
        return fallback.minutes(from: origin, to: destination)
    }
}
