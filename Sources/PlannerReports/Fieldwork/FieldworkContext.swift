import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// The lookups every fieldwork file needs, built once from the plan, the sample and the dataset.
///
/// Dictionaries here are for lookups only; every list that reaches a file is sorted by stable IDs.
struct FieldworkContext {
    /// A list of reserve units released in rank order: a two-stage commune's, or a one-stage stratum's.
    struct ReserveGroup: Hashable {
        enum Scope: Hashable {
            case commune(CommuneCode)
            case stratum(StratumID)

            var isCommune: Bool {
                if case .commune = self { return true }
                return false
            }
        }

        var scope: Scope
        /// In rank order, then unit ID.
        var units: [SampledUnit]

        /// The release group's ID in `releases.csv` and `reserve-holders.csv`: the commune code or stratum ID.
        var groupID: String {
            switch scope {
            case .commune(let code): code.rawValue
            case .stratum(let stratum): stratum.rawValue
            }
        }
    }

    /// Who carries a reserve list on one day: one enumerator per list and day, so that two people working the
    /// same commune (or stratum) cannot both release reserve 1.
    struct ReserveHolding: Hashable {
        var date: CalendarDate
        var group: ReserveGroup
        var holder: EnumeratorID
    }

    let plan: FieldworkPlan
    let dataset: Dataset
    /// The plan and version the sheets name; nil prints none (a plan rendered outside a plan folder).
    let edition: SheetEdition?
    /// A re-plan's recorded visits (days before its as-of date), by history order; empty for a plan.
    let history: [RecordedVisit]
    let text: FieldworkText
    let labels: UnitLabels
    let stratumNames: StratumNames
    /// By date, enumerator, visit order.
    let visits: [VisitAssignment]
    /// By date, enumerator.
    let routes: [DayRoute]
    /// Where each enumerator-day's visits lie in `visits` (contiguous, as it is sorted by date and enumerator):
    /// every sheet, bundle, notice and map asks for a day's visits, and a scan per day was quadratic (255 s of
    /// rendering on the ×20 benchmark instance).
    private let visitPositions: [RouteDay: Range<Int>]
    private struct RouteDay: Hashable {
        let enumeratorID: EnumeratorID
        let date: CalendarDate
    }
    private let sampleByID: [String: SampledUnit]
    private let communesByCode: [CommuneCode: Commune]
    private let zonesByID: [ZoneID: IndustrialZone]
    private let enumeratorsByID: [EnumeratorID: Enumerator]
    private let reserveGroups: [ReserveGroup.Scope: ReserveGroup]
    private let reserveHolders: [HolderKey: EnumeratorID]
    /// Every reserve list carried on a day, by date and group ID.
    let reserveHoldings: [ReserveHolding]
    /// Reserves not yet released, by stratum, rank, unit ID.
    let reserveUnits: [SampledUnit]
    /// Safe file names of enumerator IDs, commune codes, zone IDs and post offices (slugs).
    let enumeratorFileNames: [String: String]
    let siteFileNames: [String: String]
    let postOfficeFileNames: [String: String]

    /// - Parameter releasedUnitIDs: units visited before (a re-plan's history); reserves among them, and
    ///   reserves the plan schedules, are released and no longer offered on reserve lists.
    init(plan: FieldworkPlan, sample: [SampledUnit], dataset: Dataset, language: Language,
         releasedUnitIDs: Set<String> = [], edition: SheetEdition? = nil, history: [RecordedVisit] = []) {
        self.plan = plan
        self.dataset = dataset
        self.edition = edition
        self.history = history.sorted(by: RecordedVisit.historyOrder)
        text = FieldworkText.of(language)
        labels = UnitLabels(dataset: dataset, language: language)
        stratumNames = StratumNames(dataset: dataset, language: language)
        visits = plan.visits.sorted { lhs, rhs in
            (lhs.date, lhs.enumeratorID, lhs.visitOrder, lhs.unitID) < (rhs.date, rhs.enumeratorID, rhs.visitOrder,
                                                                        rhs.unitID)
        }
        routes = plan.routes.sorted { ($0.date, $0.enumeratorID) < ($1.date, $1.enumeratorID) }
        var positions: [RouteDay: Range<Int>] = [:]
        var first = 0
        for index in visits.indices
        where index + 1 == visits.count || (visits[index + 1].date, visits[index + 1].enumeratorID)
            != (visits[first].date, visits[first].enumeratorID) {
            positions[RouteDay(enumeratorID: visits[first].enumeratorID, date: visits[first].date)] = first..<(index + 1)
            first = index + 1
        }
        visitPositions = positions
        sampleByID = Dictionary(sample.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        communesByCode = Dictionary(dataset.communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        zonesByID = Dictionary(dataset.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        enumeratorsByID = Dictionary(dataset.enumerators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let released = releasedUnitIDs.union(plan.visits.map(\.unitID))
        var groups: [ReserveGroup.Scope: [SampledUnit]] = [:]
        for unit in sample where unit.role == .reserve && !released.contains(unit.unitID) {
            groups[Self.reserveScope(of: unit), default: []].append(unit)
        }
        reserveUnits = sample.filter { $0.role == .reserve && !released.contains($0.unitID) }.sorted { lhs, rhs in
            (lhs.stratumID, lhs.reserveRank ?? 0, lhs.unitID) < (rhs.stratumID, rhs.reserveRank ?? 0, rhs.unitID)
        }
        let reserveGroups = groups.mapValues { units in
            ReserveGroup(scope: Self.reserveScope(of: units[0]), units: units.sorted { lhs, rhs in
                ((lhs.reserveRank ?? 0), lhs.unitID) < ((rhs.reserveRank ?? 0), rhs.unitID)
            })
        }
        self.reserveGroups = reserveGroups

        var visitsInScope: [HolderKey: [EnumeratorID: Int]] = [:]
        for visit in plan.visits {
            guard let unit = sampleByID[visit.unitID] else { continue }
            visitsInScope[HolderKey(date: visit.date, scope: Self.reserveScope(of: unit)), default: [:]][visit.enumeratorID, default: 0] += 1
        }
        var holders: [HolderKey: EnumeratorID] = [:]
        for (key, counts) in visitsInScope where reserveGroups[key.scope] != nil {
            holders[key] = Self.holder(among: counts)
        }
        reserveHolders = holders
        reserveHoldings = holders.map { key, holder in
            ReserveHolding(date: key.date, group: reserveGroups[key.scope]!, holder: holder)
        }.sorted { ($0.date, $0.group.groupID) < ($1.date, $1.group.groupID) }

        enumeratorFileNames = FileNames.unique(plan.routes.map(\.enumeratorID.rawValue)) { FileNames.component($0) }
        siteFileNames = FileNames.unique(plan.visits.map(\.siteID)) { FileNames.component($0) }
        postOfficeFileNames = FileNames.unique(dataset.enumerators.map(\.postOffice.rawValue)) { FileNames.slug($0) }
    }

    /// Where reserves replace a unit: its commune in a two-stage household design, else its stratum.
    static func reserveScope(of unit: SampledUnit) -> ReserveGroup.Scope {
        unit.unitType == .household && unit.firstStageProbability != nil ? .commune(unit.communeCode)
                                                                          : .stratum(unit.stratumID)
    }

    /// A reserve list on one day.
    struct HolderKey: Hashable {
        var date: CalendarDate
        var scope: ReserveGroup.Scope
    }

    /// The enumerator with the most visits in the list's commune or stratum that day, the lowest ID among equals:
    /// the one most likely to meet the refusal, chosen the same way in every run.
    static func holder(among visits: [EnumeratorID: Int]) -> EnumeratorID {
        visits.min { lhs, rhs in lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key < rhs.key }!.key
    }

    /// Who carries the reserve list of `scope` on `date`; nil when nobody visits it that day or no reserve is left.
    func reserveHolder(of scope: ReserveGroup.Scope, on date: CalendarDate) -> EnumeratorID? {
        reserveHolders[HolderKey(date: date, scope: scope)]
    }

    // MARK: Lookups

    func sampled(_ unitID: String) -> SampledUnit? { sampleByID[unitID] }
    func commune(_ code: CommuneCode) -> Commune? { communesByCode[code] }
    func zone(_ id: ZoneID) -> IndustrialZone? { zonesByID[id] }
    func enumerator(_ id: EnumeratorID) -> Enumerator? { enumeratorsByID[id] }

    func reserveGroup(_ scope: ReserveGroup.Scope) -> ReserveGroup? { reserveGroups[scope] }

    /// The zone a visit happens in (through the management board), or nil for a commune site.
    func zone(of visit: VisitAssignment) -> IndustrialZone? { zonesByID[ZoneID(visit.siteID)] }

    func unitType(of visit: VisitAssignment) -> UnitType { visit.unitKind == .household ? .household : .enterprise }

    /// The unit's own commune (from the sample), else the site's.
    func communeCode(of visit: VisitAssignment) -> CommuneCode {
        if let unit = sampleByID[visit.unitID] { return unit.communeCode }
        return zone(of: visit)?.communeCode ?? CommuneCode(visit.siteID)
    }

    func districtCode(of visit: VisitAssignment) -> DistrictCode {
        if let unit = sampleByID[visit.unitID] { return unit.districtCode }
        let code = communeCode(of: visit)
        return communesByCode[code]?.districtCode ?? zone(of: visit)?.districtCode ?? DistrictCode("")
    }

    func label(of visit: VisitAssignment) -> String {
        let label = labels.label(unitID: visit.unitID, type: unitType(of: visit))
        return label.isEmpty ? visit.label : label
    }

    /// The household's listed address or the enterprise's (optional column), after — for a zone visit — the
    /// zone and how it is reached; empty when the frame gives neither.
    func address(of visit: VisitAssignment) -> String {
        let own = labels.address(unitID: visit.unitID)
        guard let zone = zone(of: visit) else { return own ?? "" }
        return "\(zone.name) (\(text.viaZoneBoard))" + (own.map { "; \($0)" } ?? "")
    }

    /// The survey's name in the documents' language (`name_vi`/`name_en` of survey.toml, else `name`), as it
    /// reads mid-sentence.
    var surveyName: String { dataset.settings.name(inLanguage: text.language.rawValue) }

    /// A sampled unit's address as the frame gives it: the listed household's, the enterprise's (the optional
    /// `address` column), else empty.
    func address(of unit: SampledUnit) -> String {
        labels.address(unitID: unit.unitID) ?? ""
    }

    func communeName(_ code: CommuneCode) -> String { communesByCode[code]?.name ?? code.rawValue }

    func districtName(_ code: DistrictCode) -> String {
        dataset.communes.first { $0.districtCode == code }?.districtName ?? code.rawValue
    }

    /// A site's name for people: the commune's or the zone's.
    func siteName(_ siteID: String) -> String {
        zonesByID[ZoneID(siteID)]?.name ?? communesByCode[CommuneCode(siteID)]?.name ?? siteID
    }

    func enumeratorName(_ id: EnumeratorID) -> String { enumeratorsByID[id]?.name ?? "" }

    func visits(of route: DayRoute) -> [VisitAssignment] {
        visitPositions[RouteDay(enumeratorID: route.enumeratorID, date: route.date)].map { Array(visits[$0]) } ?? []
    }

    /// The route sheet's path without extension: `routes/<date>/<enumerator>`.
    func routePath(_ route: DayRoute) -> String {
        "routes/\(route.date.description)/\(enumeratorFileNames[route.enumeratorID.rawValue]!)"
    }

    /// A post office's summary: `post-offices/<office-slug>.html`.
    func postOfficePath(_ office: PostOfficeID) -> String {
        "post-offices/\(postOfficeFileNames[office.rawValue]!).html"
    }

    /// A post office's printable bundle of one day: `bundles/<date>/<office-slug>.html`.
    func bundlePath(_ office: PostOfficeID, _ date: CalendarDate) -> String {
        "bundles/\(date.description)/\(postOfficeFileNames[office.rawValue]!).html"
    }

    // MARK: Numbers

    /// Minutes with one decimal, as CSVs carry them (the same bytes on every platform).
    static func decimal(_ minutes: Double) -> String { String(format: "%.1f", minutes) }

    /// Minutes rounded to whole minutes, as sheets show them.
    static func whole(_ minutes: Double) -> String { String(Int(minutes.rounded())) }

    /// Every CSV a manager opens: a byte order mark for Excel, formulas from names neutralised.
    static let csvOptions = PlanFile.csvOptions
}
