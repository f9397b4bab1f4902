import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerReports

/// The rules every fieldwork plan keeps, checked from `sample.csv`, `assignments.csv`, `unscheduled.csv` and the
/// route sheets against the dataset, without the solver.
///
/// Travel is recomputed with `TravelModel` from the dataset's coordinates and `travel.csv`, as docs/model.md
/// gives it: a day leaves the enumerator's base (in the commune nearest the post office within its district),
/// takes the road leg to each new site (a commune, or an operating zone's office), pays the in-site move between
/// visits of one site, and returns to the base.
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
        var order: Int
        var startMinutes: Int
        var travelMinutes: Double
        var interviewMinutes: Int
        var unitType: String
        var site: Site
        /// A re-planned folder's record of a visit already made (its `status` is filled in).
        var isHistory: Bool
    }

    /// A route sheet's travel or interview figure may differ from the model's by the CSV's rounding only.
    static let minutesTolerance = 0.051

    let dataset: Dataset
    let manifest: PlanManifest
    let files: [String: Data]
    /// A folder re-planned from a plan with visits: the buffer days may be used.
    let isReplanned: Bool

    func check(assignments data: Data, _ findings: inout [PlanFinding]) {
        let required = ["unit_id", "enumerator_id", "date", "visit_order", "planned_start", "travel_minutes",
                        "interview_minutes", "unit_type", "commune_code", "zone_id"]
        guard let table = PlanTable.read(data, path: "assignments.csv", requiring: required, findings: &findings)
        else { return }
        let hasStatus = table.columns.contains("status")
        let visits = table.rows.compactMap { parse($0, hasStatus: hasStatus, &findings) }
        checkCoverage(visits, hasStatus: hasStatus, &findings)
        checkCalendarAndSkills(visits.filter { !$0.isHistory }, &findings)
        checkDays(visits, &findings)
        checkRouteSheets(visits.filter { !$0.isHistory }, &findings)
    }

    private func parse(_ row: PlanTable.Row, hasStatus: Bool, _ findings: inout [PlanFinding]) -> Visit? {
        func bad(_ column: String) -> Visit? {
            findings.append(PlanFinding(.format, "assignments.csv", line: row.line,
                                        "\(column): expected a value as docs/plan-files.md gives, found "
                                            + InputProblem.quoted(row[column])))
            return nil
        }
        guard let date = CalendarDate(iso8601: row["date"]) else { return bad("date") }
        guard let order = Int(row["visit_order"]) else { return bad("visit_order") }
        guard let start = Self.clockMinutes(row["planned_start"]) else { return bad("planned_start") }
        guard let travel = Double(row["travel_minutes"]), travel.isFinite else { return bad("travel_minutes") }
        guard let interview = Int(row["interview_minutes"]) else { return bad("interview_minutes") }
        guard !row["unit_id"].isEmpty else { return bad("unit_id") }
        let zone = row["zone_id"]
        let site: Visit.Site = zone.isEmpty ? .commune(CommuneCode(row["commune_code"])) : .zone(ZoneID(zone))
        return Visit(line: row.line, unitID: row["unit_id"], enumeratorID: EnumeratorID(row["enumerator_id"]),
                     date: date, order: order, startMinutes: start, travelMinutes: travel, interviewMinutes: interview,
                     unitType: row["unit_type"], site: site, isHistory: hasStatus && !row["status"].isEmpty)
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

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    // MARK: Coverage

    /// Each main unit once in `assignments.csv` or in `unscheduled.csv` (never both); nothing unknown scheduled.
    ///
    /// In a re-planned folder (a `status` column) the history rows are records, not plans: a unit may appear
    /// there and again as a future visit, and released reserve units may be scheduled.
    private func checkCoverage(_ visits: [Visit], hasStatus: Bool, _ findings: inout [PlanFinding]) {
        guard let sampleData = files["sample.csv"],
              let sample = PlanTable.read(sampleData, path: "sample.csv", requiring: ["unit_id", "unit_type", "role"],
                                          findings: &findings) else {
            if files["sample.csv"] == nil {
                findings.append(PlanFinding(.integrity, "sample.csv", "expected the sample of the plan, found none "
                                            + "in the manifest"))
            }
            return
        }
        var units: [String: PlanTable.Row] = [:]
        for row in sample.rows where units[row["unit_id"]] == nil { units[row["unit_id"]] = row }

        var firstLine: [String: Int] = [:]
        for visit in visits where !visit.isHistory {
            if let first = firstLine[visit.unitID] {
                findings.append(PlanFinding(.coverage, "assignments.csv", line: visit.line,
                                            "unit \(visit.unitID) is scheduled again (first on line \(first))"))
                continue
            }
            firstLine[visit.unitID] = visit.line
            guard let unit = units[visit.unitID] else {
                findings.append(PlanFinding(.coverage, "assignments.csv", line: visit.line,
                                            "unit \(visit.unitID) is not in sample.csv"))
                continue
            }
            if !hasStatus && unit["role"] != "main" {
                findings.append(PlanFinding(.coverage, "assignments.csv", line: visit.line,
                                            "unit \(visit.unitID) is a \(unit["role"]) unit; a plan schedules main "
                                                + "units only"))
            }
            if unit["unit_type"] != visit.unitType {
                findings.append(PlanFinding(.coverage, "assignments.csv", line: visit.line,
                                            "unit \(visit.unitID) is a \(unit["unit_type"]) in sample.csv, found "
                                                + "unit_type \(InputProblem.quoted(visit.unitType))"))
            }
        }
        let recorded = Set(visits.filter(\.isHistory).map(\.unitID))

        var unscheduled: [String: Int] = [:]
        if let data = files["unscheduled.csv"] {
            if manifest.complete == true {
                findings.append(PlanFinding(.coverage, "unscheduled.csv", "the manifest says the plan is complete, "
                                            + "yet it lists unscheduled units"))
            }
            if let table = PlanTable.read(data, path: "unscheduled.csv", requiring: ["unit_id"], findings: &findings) {
                for row in table.rows {
                    let unitID = row["unit_id"]
                    if let first = unscheduled[unitID] {
                        findings.append(PlanFinding(.coverage, "unscheduled.csv", line: row.line,
                                                    "unit \(unitID) is listed again (first on line \(first))"))
                    } else if let scheduled = firstLine[unitID] {
                        findings.append(PlanFinding(.coverage, "unscheduled.csv", line: row.line,
                                                    "unit \(unitID) is listed as unscheduled but is scheduled on "
                                                        + "line \(scheduled) of assignments.csv"))
                    } else if units[unitID] == nil {
                        findings.append(PlanFinding(.coverage, "unscheduled.csv", line: row.line,
                                                    "unit \(unitID) is not in sample.csv"))
                    }
                    if unscheduled[unitID] == nil { unscheduled[unitID] = row.line }
                }
            }
        } else if manifest.complete == false {
            findings.append(PlanFinding(.coverage, PlanFolder.manifestName, "the manifest says the plan is "
                                        + "incomplete, yet the folder has no unscheduled.csv"))
        }

        for row in sample.rows where row["role"] == "main" {
            let unitID = row["unit_id"]
            if firstLine[unitID] == nil && unscheduled[unitID] == nil && !recorded.contains(unitID) {
                findings.append(PlanFinding(.coverage, "sample.csv", line: row.line,
                                            "main unit \(unitID) is neither scheduled in assignments.csv nor listed "
                                                + "in unscheduled.csv"))
            }
        }
    }

    // MARK: Calendar and skills

    private func checkCalendarAndSkills(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        let calendar = dataset.settings.calendar
        let workingDays = calendar.workingDays
        let bufferCount = min(max(dataset.settings.fieldwork.bufferDays, 0), workingDays.count)
        let bufferDays = Set(isReplanned ? [] : workingDays.suffix(bufferCount))
        let enumerators = Dictionary(dataset.enumerators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for visit in visits {
            let who = visit.enumeratorID.rawValue
            if !calendar.isWorkingDay(visit.date) || !calendar.contains(visit.date) {
                findings.append(PlanFinding(.calendar, "assignments.csv", line: visit.line,
                                            "\(who) visits \(visit.unitID) on \(visit.date), which is not a working "
                                                + "day of the survey window"))
            } else if bufferDays.contains(visit.date) {
                findings.append(PlanFinding(.calendar, "assignments.csv", line: visit.line,
                                            "\(who) visits \(visit.unitID) on \(visit.date), a buffer day kept free "
                                                + "for call-backs"))
            }
            if let span = dataset.unavailability.first(where: { $0.enumeratorID == visit.enumeratorID
                                                                && $0.covers(visit.date) }) {
                findings.append(PlanFinding(.calendar, "assignments.csv", line: visit.line,
                                            "\(who) is unavailable on \(visit.date) (unavailability.csv from "
                                                + "\(span.from))"))
            }
            guard let enumerator = enumerators[visit.enumeratorID] else {
                findings.append(PlanFinding(.skills, "assignments.csv", line: visit.line,
                                            "enumerator \(InputProblem.quoted(who)) is not in enumerators.csv"))
                continue
            }
            let skill: Skill? = visit.unitType == "household" ? .household
                : visit.unitType == "enterprise" ? .enterprise : nil
            if let skill, !enumerator.skills.contains(skill) {
                findings.append(PlanFinding(.skills, "assignments.csv", line: visit.line,
                                            "\(who) visits \(visit.unitType) \(visit.unitID) without the "
                                                + "\(skill.rawValue) skill"))
            }
        }
    }

    // MARK: Days: orders, times, sites, minutes

    private func checkDays(_ visits: [Visit], _ findings: inout [PlanFinding]) {
        let parameters = dataset.settings.fieldwork
        let travel = TravelModel(parameters: parameters, overrides: dataset.travelOverrides)
        let enumerators = Dictionary(dataset.enumerators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let communes = Dictionary(dataset.communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let zones = Dictionary(dataset.zones.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let days = Dictionary(grouping: visits) { DayKey(enumeratorID: $0.enumeratorID, date: $0.date) }
        for key in days.keys.sorted() {
            let day = days[key]!.sorted { ($0.order, $0.line) < ($1.order, $1.line) }
            let title = "\(key.enumeratorID.rawValue) on \(key.date)"
            let orders = day.map(\.order)
            if orders != Array(1...day.count) {
                findings.append(PlanFinding(.order, "assignments.csv", line: day[0].line,
                                            "\(title): visit orders \(orders.map(String.init).joined(separator: ", ")); "
                                                + "expected 1…\(day.count)"))
            }
            for (previous, next) in zip(day, day.dropFirst()) where next.startMinutes <= previous.startMinutes {
                findings.append(PlanFinding(.order, "assignments.csv", line: next.line,
                                            "\(title): visit \(next.order) starts at \(Self.clock(next.startMinutes)), "
                                                + "not after visit \(previous.order)"))
            }
            // Budgets are checked on planned days only: a re-planned folder's history is a record.
            guard !day.contains(where: \.isHistory), let enumerator = enumerators[key.enumeratorID] else { continue }
            let sites = day.reduce(into: [Visit.Site]()) { sites, visit in
                if sites.last != visit.site { sites.append(visit.site) }
            }
            if Set(sites).count > parameters.maxCommunesPerDay {
                findings.append(PlanFinding(.budget, "assignments.csv", line: day[0].line,
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
                        findings.append(PlanFinding(.budget, "assignments.csv", line: visit.line,
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
                    findings.append(PlanFinding(.budget, "assignments.csv", line: visit.line,
                                                "travel_minutes \(Self.oneDecimal(visit.travelMinutes)) "
                                                    + "of \(visit.unitID); the travel model gives "
                                                    + Self.oneDecimal(expectedTravel)))
                }
                let interview = visit.unitType == "enterprise" ? parameters.enterpriseInterviewMinutes
                    : parameters.householdInterviewMinutes
                if visit.interviewMinutes != interview {
                    findings.append(PlanFinding(.budget, "assignments.csv", line: visit.line,
                                                "interview_minutes \(visit.interviewMinutes) of \(visit.unitID); "
                                                    + "survey.toml gives \(interview) for a \(visit.unitType)"))
                }
                used += expectedTravel + Double(max(interview, visit.interviewMinutes))
            }
            guard placesKnown else { continue }
            used += travel.minutes(from: here, to: base)
            if used > Double(enumerator.dailyMinutes) + 1e-6 {
                findings.append(PlanFinding(.budget, "assignments.csv", line: day[0].line,
                                            "\(title) needs \(Self.oneDecimal(used)) minutes of travel, "
                                                + "moves and interviews; daily_minutes is \(enumerator.dailyMinutes)"))
            }
        }
    }

    /// The day's start and end: the enumerator's post office, priced as lying in the commune whose point is
    /// nearest it within the enumerator's district (any district when its own has none; ties: lower code).
    static func base(of enumerator: Enumerator, communes: [Commune]) -> TravelPlace? {
        let own = communes.filter { $0.districtCode == enumerator.districtCode }
        let candidates = own.isEmpty ? communes : own
        let nearest = candidates.min { lhs, rhs in
            let left = enumerator.location.distanceKilometres(to: lhs.location)
            let right = enumerator.location.distanceKilometres(to: rhs.location)
            return left != right ? left < right : lhs.code < rhs.code
        }
        return nearest.map { TravelPlace(communeCode: $0.code, location: enumerator.location) }
    }

    // MARK: Route sheets

    /// Every route sheet row is a visit of `assignments.csv` with the same figures, and every planned
    /// enumerator-day has all its visits on sheets.
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
                    && Double(row["travel_minutes"]) == visit.travelMinutes
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
            findings.append(PlanFinding(.routes, "assignments.csv", line: first,
                                        "route sheets list \(listed[key, default: 0]) of the \(days[key]!.count) "
                                            + "visits of \(key.enumeratorID.rawValue) on \(key.date)"))
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
