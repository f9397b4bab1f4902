import Foundation
import PlannerFormats

/// A CSV file of a plan folder read into rows addressed by column name, each with its line.
///
/// Plan files are written by the planner, so a column that is missing is a finding, not a crash: `row["x"]`
/// gives an empty string for a column the file lacks.
struct PlanTable {
    struct Row {
        let line: Int
        let values: [String: String]

        subscript(_ column: String) -> String { values[column] ?? "" }
    }

    let path: String
    let columns: [String]
    let rows: [Row]

    /// Reads `data` as CSV; problems become `format` findings and give nil.
    static func read(_ data: Data, path: String, requiring required: [String],
                     findings: inout [PlanFinding]) -> PlanTable? {
        let table: CSVTable
        do {
            table = try CSVReader().read(data, file: path)
        } catch {
            findings += error.problems.map { PlanFinding(.format, path, line: $0.line, $0.description) }
            return nil
        }
        let columns = table.columnNames
        let missing = required.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            findings.append(PlanFinding(.format, path, line: 1,
                                        "expected the columns \(missing.joined(separator: ", ")) in the header"))
            return nil
        }
        let rows = table.records.map { record in
            var values: [String: String] = [:]
            for (name, field) in zip(columns, record.fields) where values[name] == nil { values[name] = field.text }
            return Row(line: record.location.line, values: values)
        }
        return PlanTable(path: path, columns: columns, rows: rows)
    }
}
