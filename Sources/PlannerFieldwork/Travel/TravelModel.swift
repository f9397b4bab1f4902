import PlannerCore

/// Travel minutes between places: straight-line distance corrected for roads, unless the survey gives minutes.
///
/// Minutes = great-circle km × `circuityFactor` ÷ `speedKmPerHour` × 60. A `TravelOverride` for the pair of
/// communes replaces that figure; an override given one way only is used both ways, because the survey's
/// `travel.csv` lists a pair once.
public struct TravelModel: Sendable {
    private struct CommunePair: Hashable {
        var from: CommuneCode
        var to: CommuneCode
    }

    public let circuityFactor: Double
    public let speedKmPerHour: Double
    private let overrides: [CommunePair: Double]

    public init(parameters: FieldworkParameters, overrides: [TravelOverride]) {
        circuityFactor = parameters.circuityFactor
        speedKmPerHour = parameters.speedKmPerHour
        var table: [CommunePair: Double] = [:]
        // Mirror every row first, then write the rows as given, so an explicit reverse row beats a mirrored one.
        for override in overrides { table[CommunePair(from: override.to, to: override.from)] = override.minutes }
        for override in overrides { table[CommunePair(from: override.from, to: override.to)] = override.minutes }
        self.overrides = table
    }

    /// Minutes from one place to another; 0 between identical points with no override.
    public func minutes(from origin: TravelPlace, to destination: TravelPlace) -> Double {
        if let given = overrides[CommunePair(from: origin.communeCode, to: destination.communeCode)] {
            return given
        }
        return drivingMinutes(kilometres: origin.location.distanceKilometres(to: destination.location))
    }

    /// Minutes along the road for a great-circle distance.
    public func drivingMinutes(kilometres: Double) -> Double {
        kilometres * circuityFactor / speedKmPerHour * 60
    }

    /// Minutes of a day that leaves `base`, visits `sites` in the given order and returns to `base`.
    public func tourMinutes(base: TravelPlace, through sites: [TravelPlace]) -> Double {
        guard let first = sites.first, let last = sites.last else { return 0 }
        var total = minutes(from: base, to: first) + minutes(from: last, to: base)
        for (from, to) in zip(sites, sites.dropFirst()) { total += minutes(from: from, to: to) }
        return total
    }
}
