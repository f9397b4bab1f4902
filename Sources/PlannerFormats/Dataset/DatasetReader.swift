import Foundation
import PlannerCore

/// Reads a dataset folder into a `Dataset`, or reports every problem across all its files at once.
///
/// Files are read in a fixed order (`survey.toml`, `communes.csv`, `zones.csv`, `enterprises.csv`,
/// `enumerators.csv`, then the optional `unavailability.csv`, `households.csv`, `travel.csv`, `boundaries.csv`),
/// and later files
/// are checked against earlier ones: codes must exist and agree, dates must fall in the survey window. A code
/// counts as known as soon as its row names it, even if other fields of that row are wrong, so that one bad
/// row does not cascade into a problem for every row that refers to it.
public struct DatasetReader: Sendable {
    public var csvReader: CSVReader

    /// The files of a dataset in the order they are read and reported.
    public static let requiredFiles = ["survey.toml", "communes.csv", "zones.csv", "enterprises.csv", "enumerators.csv"]
    public static let optionalFiles = ["unavailability.csv", "households.csv", "travel.csv", "boundaries.csv"]

    public init(csvReader: CSVReader = CSVReader()) {
        self.csvReader = csvReader
    }

    /// Reads and checks the dataset in `folder`; problems name files by `folder`'s relative path as given.
    public func read(folder: URL) throws(InvalidInput) -> Dataset {
        if let failure = InputFile.folderProblem(at: folder) {
            let found = failure == .missing ? "no folder at this path" : failure.description
            throw InvalidInput(problems: [InputProblem(file: folder.relativePath, location: nil, field: "dataset",
                                                       expected: "a dataset folder", found: found)])
        }
        var reading = Reading(folder: folder, csvReader: csvReader)
        for name in Self.requiredFiles + Self.optionalFiles {
            reading.problems.register(file: reading.path(name))
        }
        let survey = reading.readSurvey()
        let communes = reading.readCommunes(boundingBox: survey?.settings.boundingBox)
        if let survey { reading.checkDistrictReferences(survey) }
        let zones = reading.readZones(boundingBox: survey?.settings.boundingBox)
        let enterprises = reading.readEnterprises(boundingBox: survey?.settings.boundingBox)
        let enumerators = reading.readEnumerators(boundingBox: survey?.settings.boundingBox)
        let unavailability = reading.readUnavailability(calendar: survey?.settings.calendar)
        if let calendar = survey?.settings.calendar {
            reading.checkEveryoneCanWork(enumerators, unavailability: unavailability, calendar: calendar)
        }
        let households = reading.readHouseholds(boundingBox: survey?.settings.boundingBox)
        let travel = reading.readTravel()
        let boundaries = reading.readBoundaries(boundingBox: survey?.settings.boundingBox)

        try reading.problems.throwIfAny()
        guard let settings = survey?.settings else {
            preconditionFailure("survey.toml gave no settings yet reported no problem")
        }
        var dataset = Dataset(settings: settings, communes: communes, zones: zones, enterprises: enterprises,
                              enumerators: enumerators.map(\.enumerator), unavailability: unavailability,
                              listing: households, travelOverrides: travel)
        dataset.settingsSource = survey?.source
        dataset.boundaries = boundaries
        return dataset
    }
}

extension DatasetReader {
    /// The state of one read: problems so far and the codes each file makes known to the later ones.
    struct Reading {
        let folder: URL
        let csvReader: CSVReader
        var problems = ProblemLog()
        /// nil when `communes.csv` could not be read at all: references to communes are then not checked.
        var communeDistricts: [CommuneCode: DistrictCode?]?
        var districtNames: [DistrictCode: String] = [:]
        var zoneIDs: Set<ZoneID>?
        var enumeratorIDs: Set<EnumeratorID>?

        init(folder: URL, csvReader: CSVReader) {
            self.folder = folder
            self.csvReader = csvReader
        }

        /// A file's name as problems show it: relative when the folder was given relative.
        func path(_ name: String) -> String {
            folder.appendingPathComponent(name).relativePath
        }

        /// The file's bytes as an array, read straight into it; nil as for `load`, which also reports any
        /// failure (a large listing is then never held twice, as `Data` and as an array).
        mutating func loadBytes(_ name: String, required: Bool) -> [UInt8]? {
            if let bytes = FileBytes.contents(of: folder.appendingPathComponent(name)) { return bytes }
            return load(name, required: required).map { [UInt8]($0) }
        }

        /// The file's bytes; nil when absent (a problem if it is required) or unreadable (always a problem: a
        /// FIFO, device or socket is refused without being opened for reading, never waited on).
        mutating func load(_ name: String, required: Bool) -> Data? {
            do {
                return try InputFile.read(folder.appendingPathComponent(name))
            } catch .missing {
                if required {
                    problems.add(file: path(name), at: nil, field: "file", expected: "a required file of the dataset",
                                 found: "no such file")
                }
            } catch {
                problems.add(file: path(name), at: nil, field: "file", expected: "a readable regular file",
                             found: error.description)
            }
            return nil
        }

        /// Reads a CSV file and checks its header; nil when it has no usable header.
        mutating func table(_ name: String, required: Bool, columns: [String]) -> (CSVTable, CSVColumns)? {
            guard let opened = records(name, required: required, columns: columns) else { return nil }
            var stream = opened.stream
            var records: [CSVTable.Record] = []
            while let record = stream.next(problems: &problems) {
                records.append(record)
            }
            return (CSVTable(file: stream.file, header: stream.header, records: records), opened.columns)
        }

        /// Opens a CSV file as a stream of records and checks its header; nil when the file is absent, has no
        /// usable header or lacks a column (its records are then still read, for their problems).
        mutating func records(_ name: String, required: Bool, columns: [String]) -> (stream: CSVRecordStream, columns: CSVColumns)? {
            guard let bytes = loadBytes(name, required: required) else { return nil }
            // Excel saves `;` (and decimal commas) in a locale whose decimal mark is a comma, as Vietnam's is, and
            // tabs as "Unicode text": a file edited there reads as it was meant, whatever its separator.
            var reader = csvReader
            reader.separator = CSVReader.separator(detectedIn: bytes)
            guard var stream = reader.records(bytes, file: path(name), problems: &problems) else { return nil }
            var positions: [Int] = []
            for column in columns {
                if let index = stream.header.firstIndex(where: { $0.text == column }) {
                    positions.append(index)
                } else {
                    let headerEnd = stream.header.last.map {
                        SourceLocation(line: $0.location.line, column: $0.location.column + $0.text.unicodeScalars.count)
                    }
                    problems.add(file: path(name), at: headerEnd ?? SourceLocation(line: 1, column: 1), field: column,
                                 expected: "a column named \(column) (required: \(columns.joined(separator: ",")))",
                                 found: "header \(stream.header.map(\.text).joined(separator: ","))")
                }
            }
            guard positions.count == columns.count else {
                while stream.next(problems: &problems) != nil {}
                return nil
            }
            return (stream, CSVColumns(names: columns, positions: positions,
                                       acceptsDecimalComma: reader.separator != CSVReader.comma))
        }

        func rows(of table: CSVTable, columns: CSVColumns) -> LazyMapSequence<[CSVTable.Record], CSVRowReader> {
            table.records.lazy.map { CSVRowReader(file: table.file, record: $0, columns: columns) }
        }

        /// Reports a repeated ID; returns whether the ID is new.
        mutating func checkUnique<ID: Hashable & Comparable>(_ id: ID, column: String, in row: CSVRowReader,
                                                             seen: inout IDRegister<ID>) -> Bool {
            let field = row.field(column)
            if let first = seen.register(id, at: field.location) {
                row.problem(column, expected: "a unique \(column)",
                            found: "\(InputProblem.quoted(field.trimmed)) again (first on line \(first.line))",
                            &problems)
                return false
            }
            return true
        }

        /// Checks that a commune exists and that the row's district is the commune's.
        mutating func checkCommune(_ code: CommuneCode, district: DistrictCode?, row: CSVRowReader,
                                   communeColumn: String = "commune_code", districtColumn: String = "district_code") -> Bool {
            guard let known = communeDistricts else { return true }
            guard let communeDistrict = known[code] else {
                row.problem(communeColumn, expected: "a commune_code listed in communes.csv",
                            found: InputProblem.quoted(code.rawValue), &problems)
                return false
            }
            if let district, let communeDistrict, district != communeDistrict {
                row.problem(districtColumn, expected: "\(communeDistrict), the district of commune \(code) in communes.csv",
                            found: InputProblem.quoted(district.rawValue), &problems)
                return false
            }
            return true
        }
    }
}
