import Foundation
import PlannerCore
import PlannerFormats
import PlannerTestSupport
import Testing
@testable import PlannerReports

/// `post-offices/<office>.xlsx` is the office's CSV as a workbook: the same rows, typed, with titles in the plan's
/// language and totals that Excel recalculates.
@Suite struct PostOfficeWorkbookTests {
    @Test(arguments: Language.allCases)
    func eachOfficesWorkbookHoldsItsCSV(language: Language) throws {
        let files = FieldworkFolderTests.complete.files(language)
        let workbooks = files.keys.filter { $0.hasPrefix("post-offices/") && $0.hasSuffix(".xlsx") }.sorted()
        let csvs = files.keys.filter { $0.hasPrefix("post-offices/") && $0.hasSuffix(".csv") }.sorted()
        #expect(!workbooks.isEmpty && workbooks.map { $0.dropLast(5) } == csvs.map { $0.dropLast(4) })
        let text = FieldworkText.of(language)
        for path in workbooks {
            let workbook = try Workbook(try #require(files[path]))
            let csvPath = String(path.dropLast(5)) + ".csv"
            let table = try FieldworkFolderTests.table(files[csvPath], csvPath)
            let records = table.records.map { $0.fields.map(\.text) }
            let rows = workbook.rows(columns: 11)
            try #require(rows.count == records.count + 1, "\(path): \(rows.count) rows for \(records.count) CSV records")
            #expect(rows[0] == [text.dateLabel, text.enumeratorIDLabel, text.enumeratorLabel, text.siteCodesLabel,
                                text.sitesLabel, text.visitsLabel, text.householdsLabel, text.enterprisesLabel,
                                text.travelLabel, text.usedLabel, text.budgetLabel])
            for (row, record) in zip(rows.dropFirst().dropLast(), records.dropLast()) {
                let date = try #require(CalendarDate(iso8601: record[0]))
                #expect(row[0] == String(SpreadsheetWriter.serial(date)), "\(path) \(record)")
                #expect(row[1...2] == record[1...2])
                #expect(row[3] == record[3].replacingOccurrences(of: ";", with: "; "))
                #expect(row[4] == record[4])
                #expect(Array(row[5...]) == Array(record[5...]), "\(path) \(record)")
            }
            // The total row: the CSV's totals, as sums over exactly the rows above.
            let total = try #require(records.last)
            #expect(rows.last?[0] == text.totalLabel)
            #expect(Array(rows.last![5...]) == Array(total[5...]))
            let last = records.count
            for (offset, column) in ["F", "G", "H", "I", "J", "K"].enumerated() {
                #expect(workbook.cells["\(column)\(last + 1)"]?.formula == "SUM(\(column)2:\(column)\(last))",
                        "\(path) column \(offset + 5)")
            }
            #expect(workbook.formatOfStyle[workbook.cells["A2"]?.style ?? -1] == "dd/mm/yyyy")
        }
    }
}
