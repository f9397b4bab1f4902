/// A survey's inputs, read and checked: the frame, the staff and the rules.
///
/// Collections are sorted by their IDs so that every output built from a dataset is deterministic.
public struct Dataset: Sendable {
    public var settings: SurveySettings
    public var communes: [Commune]
    public var zones: [IndustrialZone]
    public var enterprises: [Enterprise]
    public var enumerators: [Enumerator]
    public var unavailability: [Unavailability]
    /// The household listing, in ID order, when the survey has one; nil means households are register line
    /// numbers. Kept as bytes and offsets (`ListedHouseholds`): a listing can hold a million households.
    public var households: ListedHouseholds?
    public var travelOverrides: [TravelOverride]
    /// District and province outlines for maps (`boundaries.csv`), by area and ring; empty when the dataset has
    /// none, and maps then draw the commune points alone.
    public var boundaries: [BoundaryRing] = []
    /// Where `survey.toml` set each key, when the dataset was read from a folder; nil for a dataset built in
    /// code. A design that the frame cannot support is reported at the key that causes it.
    public var settingsSource: SettingsSource?

    public init(settings: SurveySettings, communes: [Commune], zones: [IndustrialZone], enterprises: [Enterprise],
                enumerators: [Enumerator], unavailability: [Unavailability] = [], households: [Household]? = nil,
                travelOverrides: [TravelOverride] = []) {
        self.init(settings: settings, communes: communes, zones: zones, enterprises: enterprises,
                  enumerators: enumerators, unavailability: unavailability, listing: households.map(ListedHouseholds.init),
                  travelOverrides: travelOverrides)
    }

    /// A dataset whose listing was read as a `ListedHouseholds` (or is nil).
    public init(settings: SurveySettings, communes: [Commune], zones: [IndustrialZone], enterprises: [Enterprise],
                enumerators: [Enumerator], unavailability: [Unavailability] = [], listing: ListedHouseholds?,
                travelOverrides: [TravelOverride] = []) {
        self.settings = settings
        self.communes = communes.sorted { $0.code < $1.code }
        self.zones = zones.sorted { $0.id < $1.id }
        self.enterprises = enterprises.sorted { $0.id < $1.id }
        self.enumerators = enumerators.sorted { $0.id < $1.id }
        self.unavailability = unavailability
        // A listing of a million households usually comes sorted, which the listing knows from being built.
        self.households = listing?.sortedByID()
        self.travelOverrides = travelOverrides
    }

    /// Districts derived from the communes, in code order.
    public var districts: [District] {
        let byDistrict = Dictionary(grouping: communes, by: \.districtCode)
        return byDistrict.keys.sorted().map { code in
            let members = byDistrict[code]!.sorted { $0.code < $1.code }
            return District(code: code, name: members[0].districtName, communeCodes: members.map(\.code),
                            households: members.reduce(0) { $0 + $1.households })
        }
    }

    /// The working days on which an enumerator is available.
    public func workingDays(of enumerator: EnumeratorID) -> [CalendarDate] {
        let spans = unavailability.filter { $0.enumeratorID == enumerator }
        return settings.calendar.workingDays.filter { day in !spans.contains { $0.covers(day) } }
    }
}
