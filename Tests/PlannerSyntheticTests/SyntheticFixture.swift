import Foundation
import PlannerCore
import PlannerFormats
import PlannerTestSupport
import Testing

/// The embedded default dataset, and scratch folders for generated files.
enum SyntheticFixture {
    static let defaultFolder = TestFolders.defaultDataset

    static func defaultDataset() throws -> Dataset {
        try DatasetReader().read(folder: defaultFolder)
    }

    /// A new empty temporary folder; the caller removes it.
    static func temporaryFolder() throws -> URL {
        try TestFolders.temporaryFolder(prefix: "planner-synthetic-tests")
    }

    /// A copy of the default dataset's files (not its README) in a new temporary folder.
    static func copyOfDefaultDataset() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("dataset")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in DatasetReader.requiredFiles + DatasetReader.optionalFiles {
            let source = defaultFolder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
            }
        }
        return folder
    }

    /// Three communes with small census counts, one of them empty, for exact per-commune checks.
    static func smallDataset(from dataset: Dataset) -> Dataset {
        var communes = Array(dataset.communes.prefix(3))
        communes[0].households = 7
        communes[1].households = 0
        communes[2].households = 12
        communes[2].name = "Xã \"Thử\", mới"
        return Dataset(settings: dataset.settings, communes: communes, zones: [], enterprises: [], enumerators: [])
    }

    /// Households per commune code in a listing read back by the CSV reader.
    static func countsByCommune(in csv: Data) throws -> [String: Int] {
        let table = try CSVReader().read(csv, file: "households.csv")
        let column = try #require(table.columnIndex("commune_code"))
        return Dictionary(table.records.map { ($0.fields[column].text, 1) }, uniquingKeysWith: +)
    }
}
