import PlannerCore

/// One reader per dataset file; each checks its rows and the references to the files read before it.
extension DatasetReader.Reading {
    mutating func readSurvey() -> SurveySettingsReader.Result? {
        guard let data = load("survey.toml", required: true) else { return nil }
        return SurveySettingsReader().read(data, file: path("survey.toml"), problems: &problems)
    }

    mutating func checkDistrictReferences(_ survey: SurveySettingsReader.Result) {
        guard communeDistricts != nil else { return }
        for reference in survey.districtReferences where districtNames[reference.code] == nil {
            problems.add(file: path("survey.toml"), at: reference.location, field: reference.field,
                         expected: "a district_code listed in communes.csv",
                         found: InputProblem.quoted(reference.code.rawValue))
        }
    }

    mutating func readCommunes(boundingBox: BoundingBox?) -> [Commune] {
        let columns = ["district_code", "district_name", "commune_code", "commune_name", "commune_type", "lat", "lon",
                       "households"]
        guard let (table, indices) = table("communes.csv", required: true, columns: columns) else { return [] }
        let types: [(String, CommuneType)] = [("Phường", .ward), ("Thị trấn", .town), ("Xã", .commune),
                                              ("ward", .ward), ("town", .town), ("commune", .commune)]
        var known: [CommuneCode: DistrictCode?] = [:]
        var seen = IDRegister<CommuneCode>()
        var districtNameLines: [DistrictCode: Int] = [:]
        var communes: [Commune] = []
        for row in rows(of: table, columns: indices) {
            let code = row.text("commune_code", &problems).map(CommuneCode.init)
            let district = row.text("district_code", &problems).map(DistrictCode.init)
            let districtName = row.label("district_name", &problems)
            let name = row.label("commune_name", &problems)
            let type = row.choice("commune_type", from: types, &problems)
            let location = row.coordinates(boundingBox: boundingBox, &problems)
            let households = row.count("households", &problems)
            let codeIsSafe = code == nil || row.identifierIsSafe("commune_code", &problems)
            let districtIsSafe = district == nil || row.identifierIsSafe("district_code", &problems)
            if let district, let districtName {
                if let existing = districtNames[district] {
                    if existing != districtName {
                        row.problem("district_name", expected: "\(InputProblem.quoted(existing)), the name of district "
                                        + "\(district) on line \(districtNameLines[district]!)",
                                    found: InputProblem.quoted(districtName), &problems)
                    }
                } else {
                    districtNames[district] = districtName
                    districtNameLines[district] = row.record.location.line
                }
            }
            guard let code, checkUnique(code, column: "commune_code", in: row, seen: &seen) else { continue }
            known[code] = district
            guard codeIsSafe, districtIsSafe, let district, let districtName, let name, let type,
                  case .point(let point) = location,
                  let households else { continue }
            communes.append(Commune(code: code, name: name, type: type, districtCode: district,
                                    districtName: districtName, location: point, households: households))
        }
        communeDistricts = known
        return communes
    }

    mutating func readZones(boundingBox: BoundingBox?) -> [IndustrialZone] {
        let columns = ["zone_id", "zone_name", "status", "district_code", "commune_code", "lat", "lon"]
        guard let (table, indices) = table("zones.csv", required: true, columns: columns) else { return [] }
        let statuses = ZoneStatus.allCases.map { ($0.rawValue, $0) }
        var seen = IDRegister<ZoneID>()
        var known: Set<ZoneID> = []
        var zones: [IndustrialZone] = []
        for row in rows(of: table, columns: indices) {
            let id = row.text("zone_id", &problems).map(ZoneID.init)
            let name = row.label("zone_name", &problems)
            let status = row.choice("status", from: statuses, &problems)
            let district = row.text("district_code", &problems).map(DistrictCode.init)
            let commune = row.text("commune_code", &problems).map(CommuneCode.init)
            let location = row.coordinates(boundingBox: boundingBox, &problems)
            let communeIsValid = commune.map { checkCommune($0, district: district, row: row) } ?? false
            let idIsSafe = id == nil || row.identifierIsSafe("zone_id", &problems)
            guard let id, checkUnique(id, column: "zone_id", in: row, seen: &seen) else { continue }
            known.insert(id)
            guard idIsSafe, let name, let status, let district, let commune, communeIsValid,
                  case .point(let point) = location else { continue }
            zones.append(IndustrialZone(id: id, name: name, status: status, districtCode: district,
                                        communeCode: commune, location: point))
        }
        zoneIDs = known
        return zones
    }

    mutating func readEnterprises(boundingBox: BoundingBox?) -> [Enterprise] {
        let columns = ["enterprise_id", "name", "district_code", "commune_code", "zone_id", "employees", "lat", "lon"]
        guard let (table, indices) = table("enterprises.csv", required: true, columns: columns) else { return [] }
        // Optional: where to find the enterprise, printed on route sheets and notices.
        let addressColumn = table.header.firstIndex { $0.text == "address" }
        var seen = IDRegister<EnterpriseID>()
        var enterprises: [Enterprise] = []
        for row in rows(of: table, columns: indices) {
            let id = row.text("enterprise_id", &problems).map(EnterpriseID.init)
            let name = row.label("name", &problems)
            let district = row.text("district_code", &problems).map(DistrictCode.init)
            let commune = row.text("commune_code", &problems).map(CommuneCode.init)
            let zone = row.text("zone_id", optional: true, &problems).map(ZoneID.init)
            let employees = row.count("employees", &problems)
            let location = row.coordinates(boundingBox: boundingBox, &problems)
            let communeIsValid = commune.map { checkCommune($0, district: district, row: row) } ?? false
            var zoneIsValid = true
            if let zone, let zoneIDs, !zoneIDs.contains(zone) {
                row.problem("zone_id", expected: "a zone_id listed in zones.csv, or an empty field outside zones",
                            found: InputProblem.quoted(zone.rawValue), &problems)
                zoneIsValid = false
            }
            let idIsSafe = id == nil || row.identifierIsSafe("enterprise_id", &problems)
            var address: String?
            if let position = addressColumn, position < row.record.fields.count {
                let field = row.record.fields[position]
                if let expected = InputText.textProblem(field.trimmed, limit: InputText.maximumFreeTextCharacters) {
                    problems.add(file: row.file, at: field.location, field: "address", expected: expected,
                                 found: InputProblem.quoted(field.trimmed))
                    continue
                }
                address = field.trimmed.isEmpty ? nil : field.trimmed
            }
            guard let id, checkUnique(id, column: "enterprise_id", in: row, seen: &seen) else { continue }
            guard idIsSafe, let name, let district, let commune, communeIsValid, zoneIsValid, let employees,
                  case .point(let point) = location else { continue }
            enterprises.append(Enterprise(id: id, name: name, districtCode: district, communeCode: commune,
                                          zoneID: zone, employees: employees, location: point, address: address))
        }
        return enterprises
    }

    /// An enumerator with the row it came from, for problems found once unavailability is known.
    struct ReadEnumerator {
        var enumerator: Enumerator
        var row: CSVRowReader
    }

    mutating func readEnumerators(boundingBox: BoundingBox?, file: String = "enumerators.csv") -> [ReadEnumerator] {
        let columns = ["enumerator_id", "name", "post_office", "district_code", "lat", "lon", "skills", "daily_minutes"]
        guard let (table, indices) = table(file, required: true, columns: columns) else { return [] }
        var seen = IDRegister<EnumeratorID>()
        var logins: [String: (id: EnumeratorID, line: Int)] = [:]
        var known: Set<EnumeratorID> = []
        var enumerators: [ReadEnumerator] = []
        for row in rows(of: table, columns: indices) {
            let id = row.text("enumerator_id", &problems).map(EnumeratorID.init)
            let name = row.label("name", &problems)
            let postOffice = row.label("post_office", &problems).map(PostOfficeID.init)
            let district = row.text("district_code", &problems).map(DistrictCode.init)
            let location = row.coordinates(boundingBox: boundingBox, &problems)
            let skills = readSkills(row)
            let dailyMinutes = row.integer("daily_minutes", expected: "minutes in 1…1440", where: { (1...1440).contains($0) },
                                           &problems)
            var districtIsValid = district != nil
            if let district, communeDistricts != nil, districtNames[district] == nil {
                row.problem("district_code", expected: "a district_code listed in communes.csv",
                            found: InputProblem.quoted(district.rawValue), &problems)
                districtIsValid = false
            }
            let idIsSafe = id == nil || row.identifierIsSafe("enumerator_id", &problems)
            guard let id, checkUnique(id, column: "enumerator_id", in: row, seen: &seen) else { continue }
            known.insert(id)
            // Two IDs that differ only in letter case would hand both people's work to one server account.
            if let other = logins[id.serverLogin] {
                let login = InputProblem.quoted(id.serverLogin)
                row.problem("enumerator_id", expected: "an enumerator_id unique ignoring letter case (its export "
                                + "login \(login) is also \(other.id)'s, line \(other.line))",
                            found: InputProblem.quoted(id.rawValue), &problems)
                continue
            }
            logins[id.serverLogin] = (id, row.record.location.line)
            guard idIsSafe, let name, let postOffice, let district, districtIsValid, case .point(let point) = location,
                  let skills, let dailyMinutes else { continue }
            enumerators.append(ReadEnumerator(
                enumerator: Enumerator(id: id, name: name, postOffice: postOffice, districtCode: district,
                                       location: point, skills: skills, dailyMinutes: dailyMinutes),
                row: row))
        }
        enumeratorIDs = known
        return enumerators
    }

    private mutating func readSkills(_ row: CSVRowReader) -> Set<Skill>? {
        guard let text = row.text("skills", &problems) else { return nil }
        var skills: Set<Skill> = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            guard let skill = Skill(rawValue: part.trimmingSpaces().lowercased()) else {
                row.problem("skills", expected: "household, enterprise or both joined by ';'",
                            found: InputProblem.quoted(text), &problems)
                return nil
            }
            skills.insert(skill)
        }
        return skills
    }

    mutating func readUnavailability(calendar: SurveyCalendar?, file: String = "unavailability.csv",
                                     required: Bool = false) -> [Unavailability] {
        let columns = ["enumerator_id", "from", "to", "reason"]
        guard let (table, indices) = table(file, required: required, columns: columns) else { return [] }
        var spans: [Unavailability] = []
        for row in rows(of: table, columns: indices) {
            let id = row.text("enumerator_id", &problems).map(EnumeratorID.init)
            var from = row.date("from", &problems)
            var to = row.date("to", optional: true, &problems)
            var idIsValid = id != nil
            if let id, let enumeratorIDs, !enumeratorIDs.contains(id) {
                row.problem("enumerator_id", expected: "an enumerator_id listed in enumerators.csv",
                            found: InputProblem.quoted(id.rawValue), &problems)
                idIsValid = false
            }
            if let calendar {
                let window = "a date in the survey window \(calendar.firstDay)…\(calendar.lastDay)"
                if let date = from, !calendar.contains(date) {
                    row.problem("from", expected: window, found: date.description, &problems)
                    from = nil
                }
                if let date = to, !calendar.contains(date) {
                    row.problem("to", expected: window + " or an empty field (to the end)", found: date.description,
                                &problems)
                    to = nil
                }
            }
            if let start = from, let end = to, end < start {
                row.problem("to", expected: "a date on or after from (\(start))", found: end.description, &problems)
                continue
            }
            let toIsValid = to != nil || row.field("to").trimmed.isEmpty
            guard let id, idIsValid, let from, toIsValid else { continue }
            let reasonIsValid = row.field("reason").trimmed.isEmpty
                || row.label("reason", limit: InputText.maximumFreeTextCharacters, &problems) != nil
            guard reasonIsValid else { continue }
            spans.append(Unavailability(enumeratorID: id, from: from, to: to, reason: row.field("reason").trimmed))
        }
        return spans.sorted { ($0.enumeratorID, $0.from) < ($1.enumeratorID, $1.from) }
    }

    mutating func checkEveryoneCanWork(_ enumerators: [ReadEnumerator], unavailability: [Unavailability],
                                       calendar: SurveyCalendar) {
        for read in enumerators {
            let spans = unavailability.filter { $0.enumeratorID == read.enumerator.id }
            guard !spans.isEmpty else { continue }
            let available = calendar.workingDays.filter { day in !spans.contains { $0.covers(day) } }
            if available.isEmpty {
                read.row.problem("enumerator_id", expected: "an enumerator with at least one working day in the survey "
                                 + "window", found: "none left after unavailability.csv", &problems)
            }
        }
    }

    /// Reads the listing with `ListingScanner` when it has nothing to report; otherwise streams it record by
    /// record, checking each (a listing can hold a million households, and no table of it is built).
    mutating func readHouseholds(boundingBox: BoundingBox?) -> ListedHouseholds? {
        let names = ["household_id", "commune_code", "address", "lat", "lon"]
        guard let opened = records("households.csv", required: false, columns: names) else { return nil }
        var stream = opened.stream
        let (file, columns) = (stream.file, opened.columns)
        let remainder = stream.remainder
        let scanner = ListingScanner(
            bytes: remainder.bytes, start: remainder.start,
            positions: (columns.position(of: "household_id"), columns.position(of: "commune_code"),
                        columns.position(of: "address"), columns.position(of: "lat"), columns.position(of: "lon")),
            fieldCount: stream.header.count, maximumFieldLength: stream.maximumFieldLength,
            knownCommunes: communeDistricts, boundingBox: boundingBox)
        // The scanner reads commas and decimal points only; a file saved with `;` is read record by record.
        if !columns.acceptsDecimalComma, let households = scanner.scan(reservingCapacity: stream.maximumRemainingRecords) {
            return households
        }
        var seen = IDRegister<HouseholdID>(reservingCapacity: stream.maximumRemainingRecords)
        var households: [Household] = []
        households.reserveCapacity(stream.maximumRemainingRecords)
        // A listing comes commune by commune: the last commune's check is reused while the code repeats.
        var lastCommune: (code: CommuneCode, isValid: Bool)?
        while let record = stream.next(problems: &problems) {
            let row = CSVRowReader(file: file, record: record, columns: columns)
            let id = row.text("household_id", &problems).map(HouseholdID.init)
            let commune = row.text("commune_code", &problems).map(CommuneCode.init)
            let location = row.coordinates(optional: true, boundingBox: boundingBox, &problems)
            let idIsSafe = id == nil || row.identifierIsSafe("household_id", &problems)
            let addressIsValid = row.field("address").trimmed.isEmpty
                || row.label("address", limit: InputText.maximumFreeTextCharacters, &problems) != nil
            var communeIsValid = false
            if let commune {
                if let lastCommune, lastCommune.code == commune, lastCommune.isValid {
                    communeIsValid = true
                } else {
                    communeIsValid = checkCommune(commune, district: nil, row: row)
                    lastCommune = (commune, communeIsValid)
                }
            }
            guard let id, checkUnique(id, column: "household_id", in: row, seen: &seen) else { continue }
            let point: GeoPoint?
            switch location {
            case .invalid: continue
            case .missing: point = nil
            case .point(let found): point = found
            }
            guard idIsSafe, addressIsValid, let commune, communeIsValid else { continue }
            households.append(Household(id: id, communeCode: commune, address: row.field("address").trimmed,
                                        location: point))
        }
        return ListedHouseholds(households)
    }

    mutating func readTravel() -> [TravelOverride] {
        let columns = ["from_commune", "to_commune", "minutes"]
        guard let (table, indices) = table("travel.csv", required: false, columns: columns) else { return [] }
        var seen: [[CommuneCode]: SourceLocation] = [:]
        var overrides: [TravelOverride] = []
        for row in rows(of: table, columns: indices) {
            let from = row.text("from_commune", &problems).map(CommuneCode.init)
            let to = row.text("to_commune", &problems).map(CommuneCode.init)
            // A leg longer than a working day could never be travelled; an unbounded one would reach the model.
            let minutes = row.number("minutes", expected: "minutes in [0, 1440]", where: { (0...1440).contains($0) },
                                     &problems)
            let fromIsValid = from.map { checkCommune($0, district: nil, row: row, communeColumn: "from_commune") } ?? false
            let toIsValid = to.map { checkCommune($0, district: nil, row: row, communeColumn: "to_commune") } ?? false
            guard let from, let to, fromIsValid, toIsValid else { continue }
            if let first = seen[[from, to]] {
                row.problem("from_commune", expected: "one travel time per pair of communes",
                            found: "\(from) → \(to) again (first on line \(first.line))", &problems)
                continue
            }
            seen[[from, to]] = row.field("from_commune").location
            guard let minutes else { continue }
            overrides.append(TravelOverride(from: from, to: to, minutes: minutes))
        }
        return overrides.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// `boundaries.csv`: outlines for maps, one row per vertex in drawing order; `area` is a district code of
    /// communes.csv or `province`; the rows of one ring are consecutive, and a ring has at least 3 points.
    mutating func readBoundaries(boundingBox: BoundingBox?) -> [BoundaryRing] {
        let columns = ["area", "ring", "lat", "lon"]
        guard let (table, indices) = table("boundaries.csv", required: false, columns: columns) else { return [] }
        var rings: [BoundaryRing] = []
        var firstLines: [BoundaryRing.Area: [Int: Int]] = [:]
        var current: (area: BoundaryRing.Area, ring: Int, line: Int)?
        func close() {
            guard let open = current, let last = rings.last else { return }
            if last.points.count < 3 {
                problems.add(file: path("boundaries.csv"), at: SourceLocation(line: open.line, column: 1),
                             field: "ring", expected: "at least 3 points in a ring",
                             found: "\(last.points.count) in ring \(open.ring)")
            }
        }
        for row in rows(of: table, columns: indices) {
            let areaText = row.text("area", &problems)
            let ring = row.count("ring", &problems)
            let location = row.coordinates(boundingBox: boundingBox, &problems)
            var area: BoundaryRing.Area?
            if let areaText {
                if areaText == "province" {
                    area = .province
                } else if districtNames[DistrictCode(areaText)] != nil || communeDistricts == nil {
                    area = .district(DistrictCode(areaText))
                } else {
                    row.problem("area", expected: "a district_code of communes.csv or province",
                                found: InputProblem.quoted(areaText), &problems)
                }
            }
            guard let area, let ring, ring >= 1 else {
                if ring == 0 { row.problem("ring", expected: "a ring number from 1", found: "0", &problems) }
                continue
            }
            let line = row.record.location.line
            if current?.area != area || current?.ring != ring {
                close()
                if let first = firstLines[area]?[ring] {
                    row.problem("ring", expected: "the rows of a ring together", found: "ring \(ring) again "
                                    + "(it started on line \(first))", &problems)
                    current = nil
                    continue
                }
                firstLines[area, default: [:]][ring] = line
                current = (area, ring, line)
                rings.append(BoundaryRing(area: area, ring: ring, points: []))
            }
            guard current != nil, case .point(let point) = location else { continue }
            rings[rings.count - 1].points.append(point)
        }
        close()
        return rings.sorted { ($0.area, $0.ring) < ($1.area, $1.ring) }
    }
}
