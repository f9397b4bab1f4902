import Foundation
import PlannerCore
import PlannerFormats
import Testing
@testable import PlannerReports

@Suite struct ExportsTests {
    typealias Case = FieldworkFolderTests.Case

    static func tabRows(_ data: Data?) throws -> [[String]] {
        let text = String(decoding: try #require(data, "no Survey Solutions file"), as: UTF8.self)
        #expect(text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test(arguments: [FieldworkFolderTests.complete, FieldworkFolderTests.incomplete])
    func surveySolutionsHasTheDocumentedColumnsAndOneRowPerScheduledUnit(item: Case) throws {
        let data = item.files()[SurveySolutionsAssignments.path]
        #expect(data?.starts(with: [0xEF, 0xBB, 0xBF]) == false, "a BOM would rename the first column")
        let rows = try Self.tabRows(data)
        #expect(rows.first == ["unit_id", "unit_type", "district_code", "commune_code", "zone_id", "label",
                               "visit_date", "visit_order", "planned_start", "enumerator_id", "_responsible",
                               "_quantity"])
        let body = rows.dropFirst()
        #expect(body.allSatisfy { $0.count == 12 })
        #expect(body.map { $0[0] }.sorted() == item.plan.visits.map(\.unitID).sorted())
        #expect(body.allSatisfy { $0[10] == $0[9].lowercased() && !$0[10].isEmpty && $0[11] == "1" })
        if item.plan.isComplete {
            let main = item.sample.filter { $0.role == .main }.map(\.unitID).sorted()
            #expect(body.map { $0[0] }.sorted() == main, "one row per main unit")
        }
    }

    @Test func surveySolutionsQuotesAValueHoldingAQuoteAndFlattensTabs() {
        #expect(SurveySolutionsAssignments.field("Cơ sở \"Mỹ Xuyên\"") == "\"Cơ sở \"\"Mỹ Xuyên\"\"\"")
        #expect(SurveySolutionsAssignments.field("a\tb\r\nc") == "a b c")
    }

    @Test(arguments: [FieldworkFolderTests.complete, FieldworkFolderTests.incomplete])
    func surveyCTOHasTheCaseColumnsFirstAndOneRowPerScheduledUnit(item: Case) throws {
        let data = try #require(item.files()[SurveyCTOCases.path])
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "managers open it in a spreadsheet")
        let table = try CSVReader().read(data, file: SurveyCTOCases.path)
        #expect(Array(table.columnNames.prefix(5)) == ["id", "label", "formids", "users", "roles"])
        let ids = table.records.map { $0.fields[0].text }
        #expect(ids.sorted() == item.plan.visits.map(\.unitID).sorted())
        #expect(Set(ids).count == ids.count, "case IDs must be unique")
        for record in table.records {
            let fields = record.fields.map(\.text)
            #expect(["household", "enterprise"].contains(fields[2]))
            let visit = try #require(item.plan.visits.first { $0.unitID == fields[0] })
            #expect(fields[3] == visit.enumeratorID.rawValue.lowercased())
            #expect(fields[4].isEmpty)
        }
        if item.plan.isComplete {
            #expect(ids.count == item.sample.filter { $0.role == .main }.count, "one row per main unit")
        }
    }

    @Test func surveyCTOLabelsNameTheUnitItsPlaceAndItsDay() throws {
        let item = FieldworkFolderTests.complete
        let data = try #require(item.files()[SurveyCTOCases.path])
        let table = try CSVReader().read(data, file: SurveyCTOCases.path)
        let hostile = try #require(table.records.first { $0.fields[0].text == "DN0001" }).fields[1].text
        let visit = try #require(item.plan.visits.first { $0.unitID == "DN0001" })
        #expect(hostile == "DN0001 · \(FieldworkFixture.scriptName), Phường 5 · \(FieldworkText.vietnamese.shortDate(visit.date))")
    }

    /// Every CSV of a plan folder that a manager may open carries a BOM.
    @Test func everyCSVOfTheFolderStartsWithAByteOrderMark() {
        for (path, data) in FieldworkFolderTests.complete.files() where path.hasSuffix(".csv") {
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) has no BOM")
        }
    }
}
