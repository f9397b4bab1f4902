import Foundation
import PlannerCore

/// Turns `survey.toml` into `SurveySettings`, filling in the documented defaults and checking every key's
/// type and range.
///
/// Every problem in the file is reported (after the first syntax error, nothing more can be read).
public struct SurveySettingsReader: Sendable {
    /// The settings with the places in the file where district codes were named, so that the dataset
    /// reader can check them against `communes.csv`.
    struct Result {
        var settings: SurveySettings
        var districtReferences: [(code: DistrictCode, location: SourceLocation, field: String)]
        /// Where every key and table was written.
        var source: SettingsSource
    }

    /// The longest fieldwork window accepted, in days: a year and a day.
    public static let maximumWindowDays = 367
    /// The largest count of units a size, bound or threshold may name: the largest household count a commune
    /// may have, so that sums over strata cannot overflow.
    static let maximumUnits = 100_000_000
    /// Expected proportions: away from 0 and 1, where a relative margin would ask for an unbounded sample.
    static let proportionRange = 0.001...0.999

    public init() {}

    public func read(_ data: Data, file: String) throws(InvalidInput) -> SurveySettings {
        var problems = ProblemLog()
        let result = read(data, file: file, problems: &problems)
        try problems.throwIfAny()
        return result!.settings
    }

    func read(_ data: Data, file: String, problems: inout ProblemLog) -> Result? {
        let document: TOMLTable
        do {
            document = try TOMLReader().read(data, file: file)
        } catch {
            for problem in error.problems { problems.add(problem) }
            return nil
        }
        let before = problems.count(in: file)
        let root = TOMLSection(table: document, path: "", location: SourceLocation(line: 1, column: 1), file: file,
                               knownKeys: ["survey", "sample", "fieldwork"], problems: &problems)
        var references: [(code: DistrictCode, location: SourceLocation, field: String)] = []

        let (name, namesByLanguage, calendar, seed, boundingBox, contact, issuer) = readSurvey(root, &problems)
        var households = SampleDesignParameters.householdDefault
        var enterprises = SampleDesignParameters.enterpriseDefault
        if let sample = root.subsection("sample", knownKeys: ["households", "enterprises"], problems: &problems) {
            if let section = sample.subsection("households", knownKeys: Self.sampleKeys, problems: &problems) {
                households = readSample(section, unit: .households, base: households, references: &references, &problems)
            }
            if let section = sample.subsection("enterprises", knownKeys: Self.sampleKeys, problems: &problems) {
                enterprises = readSample(section, unit: .enterprises, base: enterprises, references: &references, &problems)
            }
        }
        let fieldwork = readFieldwork(root, calendar: calendar, &problems)

        guard problems.count(in: file) == before, let calendar else { return nil }
        var settings = SurveySettings(name: name, calendar: calendar, seed: seed, households: households,
                                      enterprises: enterprises, fieldwork: fieldwork, boundingBox: boundingBox,
                                      contact: contact, namesByLanguage: namesByLanguage)
        settings.issuer = issuer.body
        settings.issuerParent = issuer.parent
        settings.issuerPlace = issuer.place
        var source = SettingsSource(file: file)
        Self.recordPositions(of: document, under: "", into: &source)
        return Result(settings: settings, districtReferences: references, source: source)
    }

    /// Every key of `table` and its subtables by dotted path: values where they start, tables at their header.
    private static func recordPositions(of table: TOMLTable, under path: String, into source: inout SettingsSource) {
        for entry in table.entries {
            let key = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            let location = entry.value.table == nil ? entry.value.location : entry.keyLocation
            source.positions[key] = SettingsSource.Position(line: location.line, column: location.column)
            if let child = entry.value.table { recordPositions(of: child, under: key, into: &source) }
        }
    }

    // MARK: [survey]

    /// The languages the planner writes documents in: `name_vi` and `name_en` name the survey in each.
    static let nameLanguages = ["vi", "en"]

    private func readSurvey(_ root: TOMLSection, _ problems: inout ProblemLog)
        -> (String, [String: String], SurveyCalendar?, UInt64, BoundingBox?, String?,
            (body: String?, parent: String?, place: String?)) {
        let defaultName = "survey"
        guard let survey = root.subsection("survey", knownKeys: ["name", "name_vi", "name_en", "first_day", "last_day",
                                                                 "working_weekdays", "holidays", "seed", "bounding_box",
                                                                 "contact", "issuer", "issuer_parent", "issuer_place"],
                                           problems: &problems)
        else {
            if root.value("survey") == nil {
                problems.add(file: root.file, at: SourceLocation(line: 1, column: 1), field: "survey",
                             expected: "a [survey] table with first_day and last_day", found: "none")
            }
            return (defaultName, [:], nil, 1, nil, nil, (nil, nil, nil))
        }
        let name = survey.label("name", &problems) ?? defaultName
        var namesByLanguage: [String: String] = [:]
        for code in Self.nameLanguages {
            let key = "name_\(code)"
            guard let text = survey.label(key, &problems) else { continue }
            if text.allSatisfy(\.isWhitespace) {
                survey.problem(key, at: survey.value(key)!.location, expected: "a non-empty survey name",
                               found: "an empty string", &problems)
            } else {
                namesByLanguage[code] = text
            }
        }
        let seed = survey.integer("seed", &problems, expected: "a non-negative integer", where: { $0 >= 0 }).map(UInt64.init) ?? 1

        var firstDay = survey.date("first_day", &problems)
        var lastDay = survey.date("last_day", &problems)
        for key in ["first_day", "last_day"] where survey.value(key) == nil {
            survey.problem(key, at: survey.location, expected: "a \(key) key in [survey] (a date such as 2023-10-03)",
                           found: "none", &problems)
        }
        if let first = firstDay, let last = lastDay, last < first {
            survey.problem("last_day", at: survey.value("last_day")!.location,
                           expected: "a date on or after first_day (\(first))", found: last.description, &problems)
            firstDay = nil
            lastDay = nil
        } else if let first = firstDay, let last = lastDay, last.dayNumber - first.dayNumber >= Self.maximumWindowDays {
            // A window of centuries (a typo in a year) would make every later step enumerate millions of days.
            survey.problem("last_day", at: survey.value("last_day")!.location,
                           expected: "a date less than \(Self.maximumWindowDays) days after first_day (\(first))",
                           found: last.description, &problems)
            firstDay = nil
            lastDay = nil
        }

        var weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        if let items = survey.array("working_weekdays", &problems) {
            var chosen: Set<Weekday> = []
            for item in items {
                let names = Weekday.allCases.map(\.rawValue).joined(separator: ", ")
                guard case .string(let text) = item.kind, let weekday = Weekday(rawValue: text) else {
                    survey.problem("working_weekdays", at: item.location, expected: "a weekday (\(names))",
                                   found: item.displayText, &problems)
                    continue
                }
                if !chosen.insert(weekday).inserted {
                    survey.problem("working_weekdays", at: item.location, expected: "each weekday once",
                                   found: "\(text) again", &problems)
                }
            }
            if items.isEmpty {
                survey.problem("working_weekdays", at: survey.value("working_weekdays")!.location,
                               expected: "at least one working weekday", found: "an empty array", &problems)
            }
            weekdays = chosen
        }

        var holidays: Set<CalendarDate> = []
        for item in survey.array("holidays", &problems) ?? [] {
            guard let date = TOMLSection.date(item, report: { found in
                survey.problem("holidays", at: item.location, expected: "a date (2023-10-03)", found: found, &problems)
            }) else { continue }
            if let first = firstDay, let last = lastDay, !(first...last).contains(date) {
                survey.problem("holidays", at: item.location, expected: "a date from \(first) to \(last)",
                               found: date.description, &problems)
            } else if !holidays.insert(date).inserted {
                survey.problem("holidays", at: item.location, expected: "each holiday once", found: "\(date) again",
                               &problems)
            }
        }

        var calendar: SurveyCalendar?
        if let first = firstDay, let last = lastDay {
            let candidate = SurveyCalendar(firstDay: first, lastDay: last, workingWeekdays: weekdays, holidays: holidays)
            if candidate.workingDays.isEmpty && !weekdays.isEmpty {
                survey.problem("first_day", at: survey.value("first_day")!.location,
                               expected: "a window with at least one working day",
                               found: "none from \(first) to \(last)", &problems)
            } else {
                calendar = candidate
            }
        }
        let boundingBox = readBoundingBox(survey, &problems)
        var contact = survey.label("contact", &problems)
        if let text = contact, text.allSatisfy(\.isWhitespace) {
            survey.problem("contact", at: survey.value("contact")!.location,
                           expected: "a non-empty contact line (office and telephone)", found: "an empty string",
                           &problems)
            contact = nil
        }
        return (name, namesByLanguage, calendar, seed, boundingBox, contact, readIssuer(survey, &problems))
    }

    /// `issuer`, `issuer_parent`, `issuer_place` of [survey]: optional, never blank.
    private func readIssuer(_ survey: TOMLSection, _ problems: inout ProblemLog)
        -> (body: String?, parent: String?, place: String?) {
        func text(_ key: String, _ what: String) -> String? {
            guard let value = survey.label(key, &problems) else { return nil }
            if value.allSatisfy(\.isWhitespace) {
                survey.problem(key, at: survey.value(key)!.location, expected: "a non-empty \(what)",
                               found: "an empty string", &problems)
                return nil
            }
            return value
        }
        return (text("issuer", "issuing body (Sở Nội vụ tỉnh …)"),
                text("issuer_parent", "body above the issuer (Ủy ban nhân dân tỉnh …)"),
                text("issuer_place", "place name for the letter's date line"))
    }

    private func readBoundingBox(_ survey: TOMLSection, _ problems: inout ProblemLog) -> BoundingBox? {
        guard let entry = survey.table["bounding_box"] else { return nil }
        guard let box = entry.value.table else {
            survey.typeProblem("bounding_box", entry.value, expected: "an inline table { lat_min = …, lat_max = …, "
                               + "lon_min = …, lon_max = … }", &problems)
            return nil
        }
        let keys = ["lat_min", "lat_max", "lon_min", "lon_max"]
        let section = TOMLSection(table: box, path: "survey.bounding_box", location: entry.value.location,
                                  file: survey.file, knownKeys: keys, problems: &problems)
        let latitude: (Double) -> Bool = { (-90...90).contains($0) }
        let longitude: (Double) -> Bool = { (-180...180).contains($0) }
        let latMin = section.number("lat_min", &problems, expected: "a latitude in [-90, 90]", where: latitude)
        let latMax = section.number("lat_max", &problems, expected: "a latitude in [-90, 90]", where: latitude)
        let lonMin = section.number("lon_min", &problems, expected: "a longitude in [-180, 180]", where: longitude)
        let lonMax = section.number("lon_max", &problems, expected: "a longitude in [-180, 180]", where: longitude)
        for key in keys where box[key] == nil {
            section.problem(key, at: entry.value.location, expected: "all of \(keys.joined(separator: ", "))",
                            found: "no \(key)", &problems)
        }
        guard let latMin, let latMax, let lonMin, let lonMax else { return nil }
        guard latMin < latMax else {
            section.problem("lat_max", at: box["lat_max"]!.value.location, expected: "a value above lat_min (\(latMin))",
                            found: String(latMax), &problems)
            return nil
        }
        guard lonMin < lonMax else {
            section.problem("lon_max", at: box["lon_max"]!.value.location, expected: "a value above lon_min (\(lonMin))",
                            found: String(lonMax), &problems)
            return nil
        }
        return BoundingBox(latitudes: latMin...latMax, longitudes: lonMin...lonMax)
    }

    // MARK: [sample.*]

    enum SampledUnit { case households, enterprises }

    static let sampleKeys = ["stratification", "selection", "allocation", "size", "size_rule", "power_exponent",
                             "minimum_per_stratum", "maximum_per_stratum", "take_per_commune", "reserve_per_stratum",
                             "district_groups", "certainty_employees", "stratum_costs", "stratum_proportions",
                             "precision"]
    static let precisionKeys = ["proportion", "margin", "margin_kind", "confidence", "design_effect", "icc",
                                "response_rate", "eligibility_rate"]

    private func readSample(_ section: TOMLSection, unit: SampledUnit, base: SampleDesignParameters,
                            references: inout [(code: DistrictCode, location: SourceLocation, field: String)],
                            _ problems: inout ProblemLog) -> SampleDesignParameters {
        var design = base
        typealias Stratification = SampleDesignParameters.Stratification
        typealias Selection = SampleDesignParameters.SelectionMethod
        let stratifications: [Stratification] = unit == .households ? [.district, .districtUrbanRural]
            : [.district, .districtGroups]
        let selections: [Selection] = unit == .households ? [.simpleRandom, .systematic, .twoStage]
            : [.simpleRandom, .systematic, .ppsSystematic]
        design.stratification = section.choice("stratification", allowed: stratifications, &problems) ?? design.stratification
        design.selection = section.choice("selection", allowed: selections, &problems) ?? design.selection
        design.allocation = section.choice("allocation", &problems) ?? design.allocation
        design.powerExponent = section.number("power_exponent", &problems, expected: "a number in [0, 1]",
                                              where: { (0...1).contains($0) }) ?? design.powerExponent
        design.minimumPerStratum = section.integer("minimum_per_stratum", &problems,
                                                   expected: "an integer in 0…\(Self.maximumUnits)",
                                                   where: { (0...Self.maximumUnits).contains($0) }) ?? design.minimumPerStratum
        if let maximum = section.integer("maximum_per_stratum", &problems,
                                         expected: "an integer in 1…\(Self.maximumUnits)",
                                         where: { (1...Self.maximumUnits).contains($0) }) {
            if maximum < design.minimumPerStratum {
                section.problem("maximum_per_stratum", at: section.value("maximum_per_stratum")!.location,
                                expected: "at least minimum_per_stratum (\(design.minimumPerStratum))",
                                found: String(maximum), &problems)
            }
            design.maximumPerStratum = maximum
        }
        design.takePerCluster = section.integer("take_per_commune", &problems, expected: "an integer in 1…100000",
                                                where: { (1...100_000).contains($0) }) ?? design.takePerCluster
        design.reservePerStratum = section.integer("reserve_per_stratum", &problems, expected: "an integer in 0…100000",
                                                   where: { (0...100_000).contains($0) }) ?? design.reservePerStratum
        if section.value("certainty_employees") != nil {
            design.certaintyEmployees = section.integer("certainty_employees", &problems,
                                                        expected: "an integer in 1…\(Self.maximumUnits)",
                                                        where: { (1...Self.maximumUnits).contains($0) })
        }
        design.districtGroups = readDistrictGroups(section, references: &references, &problems) ?? design.districtGroups
        design.stratumCosts = readStratumNumbers("stratum_costs", section, expected: "a relative cost in [0.001, 1000]",
                                                 where: { (0.001...1000).contains($0) }, &problems) ?? design.stratumCosts
        design.stratumProportions = readStratumNumbers("stratum_proportions", section,
                                                       expected: "a proportion in [0.001, 0.999]",
                                                       where: Self.proportionRange.contains, &problems)
            ?? design.stratumProportions

        (design.size, design.targetForGivenSize) = readSizeRule(section, base: base.size, &problems)
        return design
    }

    private func readSizeRule(_ section: TOMLSection, base: SampleDesignParameters.SizeRule,
                              _ problems: inout ProblemLog)
        -> (SampleDesignParameters.SizeRule, SampleDesignParameters.SizeRule?) {
        var target = PrecisionTarget(margin: 0.1)
        var perStratum = false
        switch base {
        case .total: break
        case .totalForPrecision(let baseTarget): target = baseTarget
        case .perStratumForPrecision(let baseTarget): target = baseTarget; perStratum = true
        }
        if let rule = section.string("size_rule", &problems) {
            switch rule {
            case "per_stratum": perStratum = true
            case "total": perStratum = false
            default:
                section.problem("size_rule", at: section.value("size_rule")!.location, expected: "one of per_stratum, total",
                                found: InputProblem.quoted(rule), &problems)
            }
        }
        let precision = section.subsection("precision", knownKeys: Self.precisionKeys, problems: &problems)
        if let precision { target = readPrecision(precision, base: target, &problems) }
        let targetRule: SampleDesignParameters.SizeRule = perStratum ? .perStratumForPrecision(target)
            : .totalForPrecision(target)
        if let size = section.integer("size", &problems, expected: "an integer in 1…\(Self.maximumUnits)",
                                      where: { (1...Self.maximumUnits).contains($0) }) {
            // A target written in the file stays, to report the precision the given size reaches under its
            // assumptions and whether it holds; without one, the report states its own assumptions.
            return (.total(size), precision == nil ? nil : targetRule)
        }
        return (targetRule, nil)
    }

    private func readPrecision(_ section: TOMLSection, base: PrecisionTarget, _ problems: inout ProblemLog) -> PrecisionTarget {
        var target = base
        let rate: (Double) -> Bool = { (0.01...1).contains($0) }
        target.proportion = section.number("proportion", &problems, expected: "a proportion in [0.001, 0.999]",
                                           where: Self.proportionRange.contains) ?? target.proportion
        target.marginKind = section.choice("margin_kind", &problems) ?? target.marginKind
        let absolute = target.marginKind == .absolute
        let marginRange = absolute ? 0.001...0.5 : 0.01...1
        target.margin = section.number("margin", &problems,
                                       expected: absolute ? "a margin in [0.001, 0.5]" : "a relative margin in [0.01, 1]",
                                       where: marginRange.contains) ?? target.margin
        target.confidence = section.number("confidence", &problems, expected: "a confidence level in [0.5, 0.9999]",
                                           where: { (0.5...0.9999).contains($0) }) ?? target.confidence
        target.responseRate = section.number("response_rate", &problems, expected: "a rate in [0.01, 1]",
                                             where: rate) ?? target.responseRate
        target.eligibilityRate = section.number("eligibility_rate", &problems, expected: "a rate in [0.01, 1]",
                                                where: rate) ?? target.eligibilityRate
        let designEffect = section.number("design_effect", &problems, expected: "a design effect in [0.1, 100]",
                                          where: { (0.1...100).contains($0) })
        let icc = section.number("icc", &problems, expected: "an intraclass correlation in [0, 1]",
                                 where: { (0...1).contains($0) })
        if section.value("design_effect") != nil, let iccValue = section.value("icc") {
            section.problem("icc", at: iccValue.location, expected: "either design_effect or icc, not both",
                            found: "both", &problems)
        } else if let designEffect {
            target.designEffect = .given(designEffect)
        } else if let icc {
            target.designEffect = .fromClusterTake(icc: icc)
        }
        return target
    }

    private func readDistrictGroups(_ section: TOMLSection,
                                    references: inout [(code: DistrictCode, location: SourceLocation, field: String)],
                                    _ problems: inout ProblemLog) -> [[DistrictCode]]? {
        guard let groups = section.array("district_groups", &problems) else { return nil }
        var result: [[DistrictCode]] = []
        var seen: [String: SourceLocation] = [:]
        for group in groups {
            guard case .array(let members) = group.kind, !members.isEmpty else {
                section.problem("district_groups", at: group.location,
                                expected: "a non-empty array of district codes such as [\"942\", \"944\"]",
                                found: group.displayText, &problems)
                continue
            }
            var codes: [DistrictCode] = []
            for member in members {
                guard case .string(let code) = member.kind, !code.isEmpty else {
                    section.problem("district_groups", at: member.location,
                                    expected: "a district code as a string (\"942\")", found: member.displayText, &problems)
                    continue
                }
                if let first = seen[code] {
                    section.problem("district_groups", at: member.location, expected: "each district in one group",
                                    found: "\(code) again (first at \(first))", &problems)
                    continue
                }
                seen[code] = member.location
                codes.append(DistrictCode(code))
                references.append((DistrictCode(code), member.location, section.fieldName("district_groups")))
            }
            result.append(codes)
        }
        return result
    }

    private func readStratumNumbers(_ key: String, _ section: TOMLSection, expected: String,
                                    where isValid: (Double) -> Bool, _ problems: inout ProblemLog) -> [String: Double]? {
        guard let table = section.inlineTable(key, &problems) else { return nil }
        var result: [String: Double] = [:]
        for entry in table.entries {
            let field = section.fieldName(key) + "." + entry.key
            if let number = TOMLSection.number(entry.value, expected: expected, where: isValid, report: { found in
                problems.add(file: section.file, at: entry.value.location, field: field, expected: expected, found: found)
            }) {
                result[entry.key] = number
            }
        }
        return result
    }

    // MARK: [fieldwork]

    private func readFieldwork(_ root: TOMLSection, calendar: SurveyCalendar?, _ problems: inout ProblemLog)
        -> FieldworkParameters {
        var fieldwork = FieldworkParameters()
        let keys = ["buffer_days", "household_interview_minutes", "enterprise_interview_minutes",
                    "within_commune_move_minutes", "max_communes_per_day", "circuity_factor", "speed_kmh",
                    "workload_balance_weight", "max_attempts", "solver_time_limit_seconds", "solver_relative_gap"]
            + Self.workingDayKeys
        guard let section = root.subsection("fieldwork", knownKeys: keys, problems: &problems) else { return fieldwork }
        let workingDays = calendar?.workingDays.count
        let bufferRule = workingDays.map { "an integer ≥ 0 and below the \($0) working days" } ?? "an integer ≥ 0"
        fieldwork.bufferDays = section.integer("buffer_days", &problems, expected: bufferRule,
                                               where: { $0 >= 0 && $0 < (workingDays ?? Int.max) }) ?? fieldwork.bufferDays
        // Minutes beyond a day are refused: they cannot fit any day, and sums of them must not overflow.
        fieldwork.householdInterviewMinutes = section.integer("household_interview_minutes", &problems,
            expected: "minutes in 1…1440", where: FieldworkParameters.Bounds.interviewMinutes.contains)
            ?? fieldwork.householdInterviewMinutes
        fieldwork.enterpriseInterviewMinutes = section.integer("enterprise_interview_minutes", &problems,
            expected: "minutes in 1…1440", where: FieldworkParameters.Bounds.interviewMinutes.contains)
            ?? fieldwork.enterpriseInterviewMinutes
        fieldwork.withinCommuneMoveMinutes = section.integer("within_commune_move_minutes", &problems,
            expected: "minutes in 0…1440", where: FieldworkParameters.Bounds.moveMinutes.contains)
            ?? fieldwork.withinCommuneMoveMinutes
        // Bounded above as well: an objective weight or a travel time of 1e308 overflows the solver's arithmetic.
        fieldwork.maxCommunesPerDay = section.integer("max_communes_per_day", &problems,
            expected: "an integer in 1…100", where: FieldworkParameters.Bounds.communesPerDay.contains)
            ?? fieldwork.maxCommunesPerDay
        fieldwork.circuityFactor = section.number("circuity_factor", &problems,
            expected: "a factor in [1, 5]", where: FieldworkParameters.Bounds.circuityFactor.contains)
            ?? fieldwork.circuityFactor
        fieldwork.speedKmPerHour = section.number("speed_kmh", &problems,
            expected: "a speed in km/h in [1, 200]", where: FieldworkParameters.Bounds.speedKmPerHour.contains)
            ?? fieldwork.speedKmPerHour
        fieldwork.workloadBalanceWeight = section.number("workload_balance_weight", &problems,
            expected: "a weight in [0, 100]", where: FieldworkParameters.Bounds.workloadBalanceWeight.contains)
            ?? fieldwork.workloadBalanceWeight
        fieldwork.maxAttempts = section.integer("max_attempts", &problems,
            expected: "an integer in 1…20", where: FieldworkParameters.Bounds.attempts.contains) ?? fieldwork.maxAttempts
        fieldwork.solverTimeLimitSeconds = section.number("solver_time_limit_seconds", &problems,
            expected: "seconds in (0, 86400]", where: { $0 > 0 && $0 <= 86_400 }) ?? fieldwork.solverTimeLimitSeconds
        fieldwork.solverRelativeGap = section.number("solver_relative_gap", &problems,
            expected: "a gap in [0, 1)", where: { $0 >= 0 && $0 < 1 }) ?? fieldwork.solverRelativeGap
        fieldwork.workingDay = readWorkingDay(section, &problems)
        return fieldwork
    }

    static let workingDayKeys = ["day_start", "day_end", "lunch_earliest_start", "lunch_latest_end", "lunch_minutes",
                                 "office_opens", "office_closes"]

    /// The working day's clock times (`"HH:MM"` strings) and the checks that tie them together, each reported
    /// at the key whose value breaks it (or at `[fieldwork]` when that key was left at its default).
    private func readWorkingDay(_ section: TOMLSection, _ problems: inout ProblemLog) -> WorkingDay {
        var day = WorkingDay()
        func clock(_ key: String, _ current: Int) -> Int {
            guard let value = section.value(key) else { return current }
            guard case .string(let text) = value.kind, let minutes = WorkingDay.minutes(ofClock: text) else {
                section.typeProblem(key, value, expected: "a time of day \"HH:MM\" between 00:00 and 24:00", &problems)
                return current
            }
            return minutes
        }
        day.startMinutes = clock("day_start", day.startMinutes)
        day.endMinutes = clock("day_end", day.endMinutes)
        day.breakEarliestStartMinutes = clock("lunch_earliest_start", day.breakEarliestStartMinutes)
        day.breakLatestEndMinutes = clock("lunch_latest_end", day.breakLatestEndMinutes)
        day.breakMinutes = section.integer("lunch_minutes", &problems, expected: "minutes in 0…720",
                                           where: { (0...720).contains($0) }) ?? day.breakMinutes
        day.officeOpensMinutes = clock("office_opens", day.officeOpensMinutes)
        day.officeClosesMinutes = clock("office_closes", day.officeClosesMinutes)

        /// Reported at `key`, or when it was left at its default at `other` (the key whose value made the
        /// default wrong), or at `[fieldwork]`.
        func check(_ holds: Bool, _ key: String, or other: String, _ expected: String, found: Int) {
            guard !holds else { return }
            let location = section.value(key)?.location ?? section.value(other)?.location ?? section.location
            section.problem(key, at: location, expected: expected, found: WorkingDay.clock(found), &problems)
        }
        check(day.endMinutes > day.startMinutes, "day_end", or: "day_start", "a time after day_start (\(WorkingDay.clock(day.startMinutes)))",
              found: day.endMinutes)
        check(day.breakEarliestStartMinutes >= day.startMinutes, "lunch_earliest_start", or: "day_start",
              "a time inside the day (from day_start \(WorkingDay.clock(day.startMinutes)))", found: day.breakEarliestStartMinutes)
        check(day.breakLatestEndMinutes <= day.endMinutes, "lunch_latest_end", or: "day_end",
              "a time inside the day (until day_end \(WorkingDay.clock(day.endMinutes)))", found: day.breakLatestEndMinutes)
        if day.breakLatestEndMinutes - day.breakEarliestStartMinutes < day.breakMinutes {
            let location = section.value("lunch_minutes")?.location ?? section.value("lunch_latest_end")?.location
                ?? section.value("lunch_earliest_start")?.location ?? section.location
            section.problem("lunch_minutes", at: location,
                            expected: "a break that fits between lunch_earliest_start and lunch_latest_end "
                                + "(\(max(0, day.breakLatestEndMinutes - day.breakEarliestStartMinutes)) minutes)",
                            found: String(day.breakMinutes), &problems)
        }
        check(day.officeClosesMinutes > day.officeOpensMinutes, "office_closes", or: "office_opens",
              "a time after office_opens (\(WorkingDay.clock(day.officeOpensMinutes)))", found: day.officeClosesMinutes)
        check(day.officeClosesMinutes > day.startMinutes && day.officeOpensMinutes < day.endMinutes, "office_opens",
              or: "office_closes",
              "office hours that overlap the working day", found: day.officeOpensMinutes)
        return day
    }
}
