import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerReports

/// The rules every fieldwork plan keeps, checked from `sample.csv`, `assignments.csv`, `unscheduled.csv` and the
/// route sheets against the dataset, without the solver.
///
/// Travel is recomputed with the travel times plans are made with, `TravelMatrix(dataset:)` (the dataset's
/// coordinates and `travel.csv`), as docs/model.md gives it: a day leaves the enumerator's base (in the commune
/// nearest the post office within its district), takes the road leg to each new site (a commune, or an operating
/// zone's office), pays the in-site move between visits of one site, and returns to the base.
///
/// A re-planned folder (docs/replanning.md) is checked by its own rules: its history rows are records, checked
/// for coverage and history only; its planned rows keep every rule of a plan, against the dataset with the
/// folder's changes of availability, with the buffer days allowed.
struct PlanInvariants {
    /// One row of `assignments.csv`, parsed.
    struct Visit {
        enum Site: Hashable {
            case commune(CommuneCode)
            case zone(ZoneID)
        }

        var line: Int
        var unitID: String
        var enumeratorID: EnumeratorID
        var date: CalendarDate
        /// 1…k for a planned visit; 0 for a recorded one, which has no order, time or minutes.
        var order: Int
        var startMinutes: Int
        var travelMinutes: Double
        var interviewMinutes: Int
        var unitType: String
        var site: Site
        /// The outcome of a re-planned folder's record of a visit already made; nil for a planned visit.
        var status: VisitStatus?

        var isHistory: Bool { status != nil }

        var recorded: RecordedVisit? {
            status.map { RecordedVisit(unitID: unitID, date: date, enumeratorID: enumeratorID, status: $0) }
        }
    }

    /// A route sheet's travel or interview figure may differ from the model's by the CSV's rounding only.
    static let minutesTolerance = 0.051

    /// The dataset the plan was made against: for a re-planned folder, with its changes of availability.
    let dataset: Dataset
    let manifest: PlanManifest
    let files: [String: Data]
    /// Set for a folder written by `planner replan`: its history, releases and changes of availability.
    let replanned: ReplannedFolder?

    init(dataset: Dataset, manifest: PlanManifest, files: [String: Data], replanned: ReplannedFolder?) {
        self.dataset = replanned?.dataset ?? dataset
        self.manifest = manifest
        self.files = files
        self.replanned = replanned
    }

    /// Checks every rule and returns the rows of `assignments.csv` that could be read, for the history check
    /// against the parent.
    @discardableResult
    func check(assignments data: Data, _ findings: inout [PlanFinding]) -> [Visit] {
        // Labels and district codes are for people; every other column is checked.
        let required = PlanVisitsTable.columns.map(\.name).filter { $0 != "label" && $0 != "district_code" }
            + (replanned == nil ? [] : [PlanVisitsTable.statusColumn.name])
        guard let table = PlanTable.read(data, path: PlanFile.assignments, requiring: required, findings: &findings)
        else { return [] }
        let visits = table.rows.compactMap { parse($0, &findings) }
        let planned = visits.filter { !$0.isHistory }
        checkCoverage(visits, &findings)
        if let replanned { checkHistoryRows(visits, asOf: replanned.asOf, &findings) }
        checkCalendarAndSkills(planned, &findings)
        checkDays(planned, &findings)
        checkRouteSheets(planned, &findings)
        checkReserveHolders(planned, &findings)
        return visits
    }

    /// A planned row needs every column; in a re-planned folder a recorded row (its `status` an outcome) has no
    /// order, time or minutes, and every row needs `planned` or an outcome.
    private func parse(_ row: PlanTable.Row, _ findings: inout [PlanFinding]) -> Visit? {
        func bad(_ column: String, _ expected: String = "a value as docs/plan-files.md gives") -> Visit? {
            findings.append(PlanFinding(.format, PlanFile.assignments, line: row.line,
                                        "\(column): expected \(expected), found " + InputProblem.quoted(row[column])))
            return nil
        }
        var status: VisitStatus?
        if replanned != nil && row[PlanVisitsTable.statusColumn.name] != PlanVisitsTable.plannedStatus {
            status = VisitStatus(rawValue: row[PlanVisitsTable.statusColumn.name])
            guard status != nil else {
                let outcomes = VisitStatus.allCases.map(\.rawValue).joined(separator: ", ")
                return bad("status", "\(PlanVisitsTable.plannedStatus) or a recorded outcome (\(outcomes))")
            }
        }
        guard let date = CalendarDate(iso8601: row["date"]) else { return bad("date") }
        guard !row["unit_id"].isEmpty else { return bad("unit_id") }
        let zone = row["zone_id"]
        let site: Visit.Site = zone.isEmpty ? .commune(CommuneCode(row["commune_code"])) : .zone(ZoneID(zone))
        var visit = Visit(line: row.line, unitID: row["unit_id"], enumeratorID: EnumeratorID(row["enumerator_id"]),
                          date: date, order: 0, startMinutes: 0, travelMinutes: 0, interviewMinutes: 0,
                          unitType: row["unit_type"], site: site, status: status)
        if status != nil { return visit }
        guard let order = Int(row["visit_order"]) else { return bad("visit_order") }
        guard let start = Self.clockMinutes(row["planned_start"]) else { return bad("planned_start") }
        guard let travel = Double(row["travel_minutes"]), travel.isFinite else { return bad("travel_minutes") }
        guard let interview = Int(row["interview_minutes"]) else { return bad("interview_minutes") }
        visit.order = order
        visit.startMinutes = start
        visit.travelMinutes = travel
        visit.interviewMinutes = interview
        return visit
    }

    /// `HH:MM` as minutes after midnight.
    static func clockMinutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hours = Int(parts[0]),
              let minutes = Int(parts[1]), (0..<48).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    /// Minutes as the plan's CSVs print them.
    static func oneDecimal(_ minutes: Double) -> String { String(format: "%.1f", minutes) }

    // MARK: Calendar and skills

    /// In a re-planned folder the buffer days may be used (docs/replanning.md, rule 5), and the folder's
    /// `availability/` files add enumerators and unavailability.
    private func checkCalendarAndSkills(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        let calendar = dataset.settings.calendar
        let workingDays = calendar.workingDays
        let bufferCount = min(max(dataset.settings.fieldwork.bufferDays, 0), workingDays.count)
        let bufferDays = Set(replanned == nil ? workingDays.suffix(bufferCount) : [])
        let enumerators = Dictionary(dataset.enumerators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for visit in visits {
            let who = visit.enumeratorID.rawValue
            if !calendar.isWorkingDay(visit.date) || !calendar.contains(visit.date) {
                findings.append(PlanFinding(.calendar, PlanFile.assignments, line: visit.line,
                                            "\(who) visits \(visit.unitID) on \(visit.date), which is not a working "
                                                + "day of the survey window"))
            } else if bufferDays.contains(visit.date) {
                findings.append(PlanFinding(.calendar, PlanFile.assignments, line: visit.line,
                                            "\(who) visits \(visit.unitID) on \(visit.date), a buffer day kept free "
                                                + "for call-backs"))
            }
            if let span = dataset.unavailability.first(where: { $0.enumeratorID == visit.enumeratorID
                                                                && $0.covers(visit.date) }) {
                let file = replanned?.addedUnavailability.contains(span) == true
                    ? ReplannedFolder.unavailabilityPath : "unavailability.csv"
                findings.append(PlanFinding(.calendar, PlanFile.assignments, line: visit.line,
                                            "\(who) is unavailable on \(visit.date) (\(file) from \(span.from))"))
            }
            guard let enumerator = enumerators[visit.enumeratorID] else {
                findings.append(PlanFinding(.skills, PlanFile.assignments, line: visit.line,
                                            "enumerator \(InputProblem.quoted(who)) is not in enumerators.csv"
                                                + (replanned == nil ? "" : " or \(ReplannedFolder.newEnumeratorsPath)")))
                continue
            }
            let skill: Skill? = visit.unitType == "household" ? .household
                : visit.unitType == "enterprise" ? .enterprise : nil
            if let skill, !enumerator.skills.contains(skill) {
                findings.append(PlanFinding(.skills, PlanFile.assignments, line: visit.line,
                                            "\(who) visits \(visit.unitType) \(visit.unitID) without the "
                                                + "\(skill.rawValue) skill"))
            }
        }
    }

    // MARK: Days: orders, times, sites, minutes

    private func checkDays(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        let parameters = dataset.settings.fieldwork
        let travel = TravelMatrix(dataset: dataset)
        let enumerators = Dictionary(dataset.enumerators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let communes = Dictionary(dataset.communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let zones = Dictionary(dataset.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let days = Dictionary(grouping: visits) { DayKey(enumeratorID: $0.enumeratorID, date: $0.date) }
        for key in days.keys.sorted() {
            let day = days[key]!.sorted { ($0.order, $0.line) < ($1.order, $1.line) }
            let title = "\(key.enumeratorID.rawValue) on \(key.date)"
            let orders = day.map(\.order)
            if orders != Array(1...day.count) {
                findings.append(PlanFinding(.order, PlanFile.assignments, line: day[0].line,
                                            "\(title): visit orders \(orders.map(String.init).joined(separator: ", ")); "
                                                + "expected 1…\(day.count)"))
            }
            for (previous, next) in zip(day, day.dropFirst()) where next.startMinutes <= previous.startMinutes {
                findings.append(PlanFinding(.order, PlanFile.assignments, line: next.line,
                                            "\(title): visit \(next.order) starts at \(WorkingDay.clock(next.startMinutes)), "
                                                + "not after visit \(previous.order)"))
            }
            guard let enumerator = enumerators[key.enumeratorID] else { continue }
            let sites = day.reduce(into: [Visit.Site]()) { sites, visit in
                if sites.last != visit.site { sites.append(visit.site) }
            }
            if Set(sites).count > parameters.maxCommunesPerDay {
                findings.append(PlanFinding(.budget, PlanFile.assignments, line: day[0].line,
                                            "\(title) visits \(Set(sites).count) sites; max_communes_per_day is "
                                                + "\(parameters.maxCommunesPerDay)"))
            }
            guard let base = Self.base(of: enumerator, communes: dataset.communes) else { continue }
            var here = base
            var currentSite: Visit.Site?
            var used = 0.0
            var placesKnown = true
            for visit in day {
                let expectedTravel: Double
                if visit.site == currentSite {
                    expectedTravel = Double(parameters.withinCommuneMoveMinutes)
                } else {
                    let place: TravelPlace?
                    switch visit.site {
                    case .commune(let code):
                        place = communes[code].map { TravelPlace(communeCode: code, location: $0.location) }
                    case .zone(let id):
                        place = zones[id].map { TravelPlace(communeCode: $0.communeCode, location: $0.location) }
                    }
                    guard let place else {
                        findings.append(PlanFinding(.budget, PlanFile.assignments, line: visit.line,
                                                    "the site of \(visit.unitID) is not a commune or zone of the "
                                                        + "dataset"))
                        placesKnown = false
                        break
                    }
                    expectedTravel = travel.minutes(from: here, to: place)
                    here = place
                    currentSite = visit.site
                }
                if abs(expectedTravel - visit.travelMinutes) > Self.minutesTolerance {
                    findings.append(PlanFinding(.budget, PlanFile.assignments, line: visit.line,
                                                "travel_minutes \(Self.oneDecimal(visit.travelMinutes)) "
                                                    + "of \(visit.unitID); the travel model gives "
                                                    + Self.oneDecimal(expectedTravel)))
                }
                let interview = visit.unitType == "enterprise" ? parameters.enterpriseInterviewMinutes
                    : parameters.householdInterviewMinutes
                if visit.interviewMinutes != interview {
                    findings.append(PlanFinding(.budget, PlanFile.assignments, line: visit.line,
                                                "interview_minutes \(visit.interviewMinutes) of \(visit.unitID); "
                                                    + "survey.toml gives \(interview) for a \(visit.unitType)"))
                }
                used += expectedTravel + Double(max(interview, visit.interviewMinutes))
            }
            guard placesKnown else { continue }
            let homeward = travel.minutes(from: here, to: base)
            used += homeward
            if used > Double(enumerator.dailyMinutes) + 1e-6 {
                findings.append(PlanFinding(.budget, PlanFile.assignments, line: day[0].line,
                                            "\(title) needs \(Self.oneDecimal(used)) minutes of travel, "
                                                + "moves and interviews; daily_minutes is \(enumerator.dailyMinutes)"))
            }
            checkWorkingDay(day, homewardMinutes: homeward, title: title, &findings)
        }
    }

    /// The working day of survey.toml: the first visit no earlier than the day's start plus its road leg, back
    /// at the base by the day's end, enterprise interviews inside office hours, and — when the day is not back
    /// before the latest break start — a gap between interviews (or before the first, or after the last) that
    /// holds the whole break inside its window, so that no interview falls in the break. Times are whole minutes
    /// in `assignments.csv`, so each comparison allows one minute for rounding.
    private func checkWorkingDay(_ day: [Visit], homewardMinutes: Double, title: String,
                                 _ findings: inout [PlanFinding]) {
        let hours = dataset.settings.fieldwork.workingDay
        guard let first = day.first, let last = day.last else { return }
        let slack = 1.0
        if Double(first.startMinutes) + slack < Double(hours.startMinutes) + first.travelMinutes {
            findings.append(PlanFinding(.budget, "assignments.csv", line: first.line,
                                        "\(title): the first visit starts at \(WorkingDay.clock(first.startMinutes)), before "
                                            + "the day's start \(WorkingDay.clock(hours.startMinutes)) plus the road"))
        }
        let end = Double(last.startMinutes + last.interviewMinutes) + homewardMinutes
        if end > Double(hours.endMinutes) + slack {
            findings.append(PlanFinding(.budget, "assignments.csv", line: last.line,
                                        "\(title) is back at the base at \(WorkingDay.clock(Int(end.rounded()))), after "
                                            + "day_end \(WorkingDay.clock(hours.endMinutes))"))
        }
        for visit in day where visit.unitType == "enterprise" {
            if visit.startMinutes + 1 < hours.officeOpensMinutes
                || visit.startMinutes + visit.interviewMinutes > hours.officeClosesMinutes + 1 {
                findings.append(PlanFinding(.budget, "assignments.csv", line: visit.line,
                                            "\(title): enterprise \(visit.unitID) at \(WorkingDay.clock(visit.startMinutes)) "
                                                + "is outside office hours \(WorkingDay.clock(hours.officeOpensMinutes))–"
                                                + WorkingDay.clock(hours.officeClosesMinutes)))
            }
        }
        guard hours.breakMinutes > 0, end > Double(hours.breakLatestStartMinutes) + slack else { return }
        var gaps: [(from: Double, to: Double)] = [(Double(hours.startMinutes), Double(first.startMinutes))]
        for (previous, next) in zip(day, day.dropFirst()) {
            gaps.append((Double(previous.startMinutes + previous.interviewMinutes), Double(next.startMinutes)))
        }
        gaps.append((Double(last.startMinutes + last.interviewMinutes), Double(hours.endMinutes)))
        let window = (from: Double(hours.breakEarliestStartMinutes), to: Double(hours.breakLatestEndMinutes))
        let fits = gaps.contains { gap in
            min(gap.to, window.to) - max(gap.from, window.from) + slack >= Double(hours.breakMinutes)
        }
        if !fits {
            findings.append(PlanFinding(.budget, "assignments.csv", line: first.line,
                                        "\(title) leaves no \(hours.breakMinutes)-minute break between interviews "
                                            + "inside \(WorkingDay.clock(hours.breakEarliestStartMinutes))–"
                                            + WorkingDay.clock(hours.breakLatestEndMinutes)))
        }
    }

    /// The day's start and end: the enumerator's post office, priced as lying in its base commune, by the
    /// model's own rule (`AssignmentInstance.baseCommune`).
    static func base(of enumerator: Enumerator, communes: [Commune]) -> TravelPlace? {
        AssignmentInstance.baseCommune(of: enumerator, communes: communes)
            .map { TravelPlace(communeCode: $0, location: enumerator.location) }
    }

    // MARK: Route sheets

    /// Every route sheet row is a visit of `assignments.csv` with the same figures (the sheet's travel in whole
    /// minutes, so within half a minute), and every planned enumerator-day has all its visits on sheets.
    private func checkRouteSheets(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        var byKey: [VisitKey: Visit] = [:]
        for visit in visits {
            byKey[VisitKey(enumeratorID: visit.enumeratorID.rawValue, date: visit.date.description, order: visit.order)] = visit
        }
        var listed: [DayKey: Int] = [:]
        let required = ["date", "enumerator_id", "visit_order", "planned_start", "unit_id", "travel_minutes",
                        "interview_minutes"]
        for path in files.keys.sorted() where path.hasPrefix("routes/") && path.hasSuffix(".csv") {
            guard let table = PlanTable.read(files[path]!, path: path, requiring: required, findings: &findings)
            else { continue }
            let folderDate = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            for row in table.rows {
                if row["date"] != folderDate {
                    findings.append(PlanFinding(.routes, path, line: row.line,
                                                "date \(row["date"]) on the sheet of \(folderDate)"))
                }
                let key = VisitKey(enumeratorID: row["enumerator_id"], date: row["date"],
                                   order: Int(row["visit_order"]) ?? -1)
                guard let visit = byKey[key] else {
                    findings.append(PlanFinding(.routes, path, line: row.line,
                                                "visit \(row["visit_order"]) of \(row["enumerator_id"]) on "
                                                    + "\(row["date"]) is not in assignments.csv"))
                    continue
                }
                listed[DayKey(enumeratorID: visit.enumeratorID, date: visit.date), default: 0] += 1
                let same = row["unit_id"] == visit.unitID
                    && Self.clockMinutes(row["planned_start"]) == visit.startMinutes
                    && Double(row["travel_minutes"]).map { abs($0 - visit.travelMinutes) <= 0.5 } == true
                    && Int(row["interview_minutes"]) == visit.interviewMinutes
                if !same {
                    findings.append(PlanFinding(.routes, path, line: row.line,
                                                "visit \(key.order) differs from line \(visit.line) of "
                                                    + "assignments.csv (unit, start, travel or interview minutes)"))
                }
            }
        }
        let days = Dictionary(grouping: visits) { DayKey(enumeratorID: $0.enumeratorID, date: $0.date) }
        for key in days.keys.sorted() where listed[key, default: 0] != days[key]!.count {
            let first = days[key]!.map(\.line).min()!
            findings.append(PlanFinding(.routes, PlanFile.assignments, line: first,
                                        "route sheets list \(listed[key, default: 0]) of the \(days[key]!.count) "
                                            + "visits of \(key.enumeratorID.rawValue) on \(key.date)"))
        }
    }

    // MARK: Reserve holders

    /// Each reserve unit is listed for at most one enumerator a day, and only for one who works that day. A folder
    /// written before `reserve-holders.csv` existed has none to check.
    private func checkReserveHolders(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        guard let data = files[PlanFile.reserveHolders] else { return }
        let path = PlanFile.reserveHolders
        guard let table = PlanTable.read(data, path: path, requiring: ["date", "release_group", "enumerator_id",
                                                                       "reserve_unit_id"], findings: &findings)
        else { return }
        let working = Set(visits.map { DayKey(enumeratorID: $0.enumeratorID, date: $0.date) })
        struct Holding: Hashable {
            var date: String
            var unitID: String
        }
        var first: [Holding: (holder: String, line: Int)] = [:]
        for row in table.rows {
            let key = Holding(date: row["date"], unitID: row["reserve_unit_id"])
            if let earlier = first[key] {
                findings.append(PlanFinding(.reserves, path, line: row.line,
                                            "reserve \(key.unitID) is listed for \(earlier.holder) (line \(earlier.line)) "
                                                + "and for \(row["enumerator_id"]) on \(key.date); expected one holder a day"))
                continue
            }
            first[key] = (row["enumerator_id"], row.line)
            guard let date = CalendarDate(iso8601: row["date"]) else {
                findings.append(PlanFinding(.format, path, line: row.line,
                                            "date: expected YYYY-MM-DD, found " + InputProblem.quoted(row["date"])))
                continue
            }
            if !working.contains(DayKey(enumeratorID: EnumeratorID(row["enumerator_id"]), date: date)) {
                findings.append(PlanFinding(.reserves, path, line: row.line,
                                            "reserve \(key.unitID) is held by \(row["enumerator_id"]), who has no "
                                                + "visit on \(key.date) in assignments.csv"))
            }
        }
    }

    struct DayKey: Hashable, Comparable {
        var enumeratorID: EnumeratorID
        var date: CalendarDate

        static func < (lhs: DayKey, rhs: DayKey) -> Bool {
            (lhs.date, lhs.enumeratorID) < (rhs.date, rhs.enumeratorID)
        }
    }

    struct VisitKey: Hashable {
        var enumeratorID: String
        var date: String
        var order: Int
    }
}
