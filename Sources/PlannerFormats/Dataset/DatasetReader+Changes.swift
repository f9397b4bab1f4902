import Foundation
import PlannerCore

extension DatasetReader {
    /// Reads new enumerators and unavailability spans against a dataset, with the checks of the dataset's own
    /// files (districts known, dates in the window, spans naming known or new enumerators), plus: a new
    /// enumerator's ID must not already be in the dataset.
    ///
    /// - Throws: every problem of both files, located.
    public func readAvailabilityChanges(newEnumerators: URL?, unavailability: URL?,
                                        dataset: Dataset) throws(InvalidInput) -> AvailabilityChanges {
        var problems: [InputProblem] = []
        var total = 0
        var added: [Enumerator] = []
        if let newEnumerators {
            var reading = changeReading(for: newEnumerators, dataset: dataset)
            let name = newEnumerators.lastPathComponent
            reading.problems.register(file: reading.path(name))
            let existing = Set(dataset.enumerators.map(\.id))
            let logins = Dictionary(dataset.enumerators.map { ($0.id.serverLogin, $0.id) },
                                    uniquingKeysWith: { first, _ in first })
            for read in reading.readEnumerators(boundingBox: dataset.settings.boundingBox, file: name) {
                if existing.contains(read.enumerator.id) {
                    read.row.problem("enumerator_id", expected: "an enumerator_id not already in enumerators.csv",
                                     found: InputProblem.quoted(read.enumerator.id.rawValue), &reading.problems)
                } else if let other = logins[read.enumerator.id.serverLogin] {
                    read.row.problem("enumerator_id", expected: "an enumerator_id unique ignoring letter case (its "
                                         + "export login is also \(other)'s in enumerators.csv)",
                                     found: InputProblem.quoted(read.enumerator.id.rawValue), &reading.problems)
                } else {
                    added.append(read.enumerator)
                }
            }
            problems += reading.problems.invalidInput.problems
            total += reading.problems.totalCount
        }
        var spans: [Unavailability] = []
        if let unavailability {
            var reading = changeReading(for: unavailability, dataset: dataset)
            let name = unavailability.lastPathComponent
            reading.problems.register(file: reading.path(name))
            reading.enumeratorIDs = Set(dataset.enumerators.map(\.id) + added.map(\.id))
            spans = reading.readUnavailability(calendar: dataset.settings.calendar, file: name, required: true)
            problems += reading.problems.invalidInput.problems
            total += reading.problems.totalCount
        }
        if total > 0 { throw InvalidInput(problems: problems, totalCount: total) }
        return AvailabilityChanges(newEnumerators: added.sorted { $0.id < $1.id }, unavailability: spans)
    }

    /// A reading of one file beside the dataset, knowing the dataset's communes, districts and enumerators.
    private func changeReading(for file: URL, dataset: Dataset) -> Reading {
        var reading = Reading(folder: file.deletingLastPathComponent(), csvReader: csvReader)
        reading.communeDistricts = Dictionary(dataset.communes.map { ($0.code, Optional($0.districtCode)) },
                                              uniquingKeysWith: { first, _ in first })
        for commune in dataset.communes where reading.districtNames[commune.districtCode] == nil {
            reading.districtNames[commune.districtCode] = commune.districtName
        }
        reading.enumeratorIDs = Set(dataset.enumerators.map(\.id))
        return reading
    }
}
