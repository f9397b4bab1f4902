import Foundation
import PlannerCore
import PlannerFormats
import PlannerSynthetic
import Testing

@Suite("Scaled dataset")
struct ScaledDatasetTests {
    /// Writes the scaled files into a new folder and reads them back with the dataset reader.
    private func writeAndRead(_ files: [PlanFolder.File]) throws -> (Dataset, URL) {
        let folder = try SyntheticFixture.temporaryFolder().appendingPathComponent("scaled")
        try PlanFolder(destination: folder).write(files) { _ in Data("{}\n".utf8) }
        return (try DatasetReader().read(folder: folder), folder)
    }

    @Test(arguments: [1, 3])
    func aScaledDatasetIsValidAndKTimesAsLarge(_ scale: Int) throws {
        let dataset = try SyntheticFixture.defaultDataset()
        let survey = try Data(contentsOf: SyntheticFixture.defaultFolder.appendingPathComponent("survey.toml"))
        let files = ScaledDataset(scale: scale, seed: 5).files(from: dataset, surveyTOML: survey)
        let (scaled, folder) = try writeAndRead(files)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

        #expect(scaled.communes.count == scale * dataset.communes.count)
        #expect(scaled.enterprises.count == scale * dataset.enterprises.count)
        #expect(scaled.enumerators.count == scale * dataset.enumerators.count)
        #expect(scaled.unavailability.count == scale * dataset.unavailability.count)
        #expect(scaled.travelOverrides.count == scale * dataset.travelOverrides.count)
        #expect(scaled.zones == dataset.zones)
        #expect(scaled.communes.reduce(0) { $0 + $1.households } == scale * dataset.communes.reduce(0) { $0 + $1.households })
        // Districts, and so strata, are unchanged; each has K times its households.
        #expect(scaled.districts.map(\.code) == dataset.districts.map(\.code))
        #expect(scaled.districts.map(\.households) == dataset.districts.map { scale * $0.households })
        #expect(scaled.settings == dataset.settings)
    }

    @Test func copiesMoveByAtMostTheirShiftAndKeepTheirCommuneData() throws {
        let dataset = try SyntheticFixture.defaultDataset()
        let survey = try Data(contentsOf: SyntheticFixture.defaultFolder.appendingPathComponent("survey.toml"))
        let (scaled, folder) = try writeAndRead(ScaledDataset(scale: 2, seed: 5).files(from: dataset, surveyTOML: survey))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let byCode = Dictionary(uniqueKeysWithValues: scaled.communes.map { ($0.code, $0) })
        for original in dataset.communes {
            let copy = try #require(byCode[CommuneCode("\(original.code.rawValue)-2")])
            #expect(copy.districtCode == original.districtCode)
            #expect(copy.type == original.type)
            #expect(copy.households == original.households)
            #expect(copy.location.distanceKilometres(to: original.location) <= ScaledDataset.maximumShiftKilometres + 0.01)
        }
    }

    @Test func theSameSeedGivesTheSameFiles() throws {
        let dataset = try SyntheticFixture.defaultDataset()
        let first = ScaledDataset(scale: 2, seed: 9).files(from: dataset, surveyTOML: Data())
        #expect(first == ScaledDataset(scale: 2, seed: 9).files(from: dataset, surveyTOML: Data()))
        #expect(first != ScaledDataset(scale: 2, seed: 10).files(from: dataset, surveyTOML: Data()))
    }
}
