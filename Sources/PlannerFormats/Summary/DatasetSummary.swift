import PlannerCore

/// What a dataset holds, counted the way a survey manager checks it before fieldwork: units per district,
/// enterprises per zone, staff per post office, and the working days.
public struct DatasetSummary: Hashable, Sendable {
    public struct DistrictLine: Hashable, Sendable {
        public var code: DistrictCode
        public var name: String
        public var communes: Int
        /// Households in the frame (`communes.csv`).
        public var households: Int
        /// Households in the listing (`households.csv`), when there is one.
        public var listedHouseholds: Int?
        public var enterprises: Int
    }

    public struct ZoneLine: Hashable, Sendable {
        public var id: ZoneID
        public var name: String
        public var status: ZoneStatus
        public var enterprises: Int
    }

    public struct PostOfficeLine: Hashable, Sendable {
        public var postOffice: PostOfficeID
        public var enumerators: Int
        /// Enumerators who may interview households, and enterprises (one person may count in both).
        public var householdSkilled: Int
        public var enterpriseSkilled: Int
    }

    public var surveyName: String
    public var workingDays: [CalendarDate]
    public var districts: [DistrictLine]
    public var zones: [ZoneLine]
    public var enterprisesOutsideZones: Int
    public var postOffices: [PostOfficeLine]
    public var unavailabilitySpans: Int
    public var travelOverrides: Int

    public init(_ dataset: Dataset) {
        surveyName = dataset.settings.name
        workingDays = dataset.settings.calendar.workingDays
        let enterprisesByDistrict = Dictionary(grouping: dataset.enterprises, by: \.districtCode)
        let listedByCommune = dataset.households.map { Dictionary(grouping: $0, by: \.communeCode) }
        districts = dataset.districts.map { district in
            DistrictLine(code: district.code, name: district.name, communes: district.communeCodes.count,
                         households: district.households,
                         listedHouseholds: listedByCommune.map { listed in
                             district.communeCodes.reduce(0) { $0 + (listed[$1]?.count ?? 0) }
                         },
                         enterprises: enterprisesByDistrict[district.code]?.count ?? 0)
        }
        let enterprisesByZone = Dictionary(grouping: dataset.enterprises.compactMap(\.zoneID), by: { $0 })
        zones = dataset.zones.map { zone in
            ZoneLine(id: zone.id, name: zone.name, status: zone.status, enterprises: enterprisesByZone[zone.id]?.count ?? 0)
        }
        enterprisesOutsideZones = dataset.enterprises.filter { $0.zoneID == nil }.count
        let byOffice = Dictionary(grouping: dataset.enumerators, by: \.postOffice)
        postOffices = byOffice.keys.sorted().map { office in
            let staff = byOffice[office]!
            return PostOfficeLine(postOffice: office, enumerators: staff.count,
                                  householdSkilled: staff.filter { $0.skills.contains(.household) }.count,
                                  enterpriseSkilled: staff.filter { $0.skills.contains(.enterprise) }.count)
        }
        unavailabilitySpans = dataset.unavailability.count
        travelOverrides = dataset.travelOverrides.count
    }

    /// A plain-text report for the terminal: aligned tables, totals, no colour.
    public var plainText: String {
        var lines: [String] = []
        let days = workingDays
        lines.append("Dataset \"\(surveyName)\": valid.")
        lines.append("")
        let hasListing = districts.contains { $0.listedHouseholds != nil }
        var districtRows = districts.map { line in
            [line.code.rawValue, line.name, String(line.communes), String(line.households)]
                + (hasListing ? [String(line.listedHouseholds ?? 0)] : []) + [String(line.enterprises)]
        }
        districtRows.append(["", "Total", String(districts.reduce(0) { $0 + $1.communes }),
                             String(districts.reduce(0) { $0 + $1.households })]
                            + (hasListing ? [String(districts.reduce(0) { $0 + ($1.listedHouseholds ?? 0) })] : [])
                            + [String(districts.reduce(0) { $0 + $1.enterprises })])
        lines.append("Units per district:")
        lines += Self.table(header: ["District", "Name", "Communes", "Households"] + (hasListing ? ["Listed"] : [])
                                + ["Enterprises"],
                            rows: districtRows, rightAligned: Set(2..<(hasListing ? 6 : 5)))
        lines.append("")
        lines.append("Enterprises per industrial zone:")
        var zoneRows = zones.map { [$0.id.rawValue, $0.name, $0.status.rawValue, String($0.enterprises)] }
        zoneRows.append(["", "Outside every zone", "", String(enterprisesOutsideZones)])
        lines += Self.table(header: ["Zone", "Name", "Status", "Enterprises"], rows: zoneRows, rightAligned: [3])
        lines.append("")
        lines.append("Enumerators per post office:")
        var officeRows = postOffices.map {
            [$0.postOffice.rawValue, String($0.enumerators), String($0.householdSkilled), String($0.enterpriseSkilled)]
        }
        officeRows.append(["Total", String(postOffices.reduce(0) { $0 + $1.enumerators }),
                           String(postOffices.reduce(0) { $0 + $1.householdSkilled }),
                           String(postOffices.reduce(0) { $0 + $1.enterpriseSkilled })])
        lines += Self.table(header: ["Post office", "Enumerators", "Households", "Enterprises"], rows: officeRows,
                            rightAligned: [1, 2, 3])
        lines.append("")
        lines.append("Working days (\(days.count)): " + days.map(\.description).joined(separator: " "))
        lines.append("Unavailability spans: \(unavailabilitySpans); travel-time overrides: \(travelOverrides)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell, counted in characters so that Vietnamese names line up.
    private static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }
            .joined(separator: "  ")
            .droppingTrailingSpaces()
        }
        .map { "  " + $0 }
    }
}

extension String {
    fileprivate func droppingTrailingSpaces() -> String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }
}
