import Foundation
import PlannerCore
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling
import PlannerTestSupport
import Testing
@testable import PlannerReports

@Suite struct SampleTablesTests {
    static let dataset: Dataset = try! DatasetReader().read(folder: TestFolders.defaultDataset)

    @Test func sampleCSVReadsBackWithOneRowPerUnitAndConsistentWeights() throws {
        let plan = try SampleDesigner.design(dataset: Self.dataset, seed: 11)
        let table = try CSVReader().read(SampleTables.sampleCSV(plan, dataset: Self.dataset), file: "sample.csv")
        #expect(table.records.count == plan.units.count)
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1.text, $0) })
        for record in table.records {
            let pi = try #require(Double(record.fields[column["inclusion_probability"]!].text))
            let weight = try #require(Double(record.fields[column["design_weight"]!].text))
            #expect(pi > 0 && pi <= 1)
            #expect(abs(pi * weight - 1) < 1e-9)
            let role = record.fields[column["role"]!].text
            let rank = record.fields[column["reserve_rank"]!].text
            #expect(role == "main" ? rank.isEmpty : Int(rank).map { $0 >= 1 } == true)
            let label = record.fields[column["label"]!].text
            #expect(!label.isEmpty)
        }
    }

    @Test func allocationCSVHasOneRowPerStratumAndSumsToTheSample() throws {
        let plan = try SampleDesigner.design(dataset: Self.dataset, seed: 11)
        let table = try CSVReader().read(SampleTables.allocationCSV(plan), file: "allocation.csv")
        #expect(table.records.count == plan.rows.count)
        let sampleSize = table.header.firstIndex { $0.text == "sample_size" }!
        let total = table.records.reduce(0) { $0 + Int($1.fields[sampleSize].text)! }
        #expect(total == plan.units.filter { $0.role == .main }.count)
    }
}
