import Foundation
import PlannerCore
import PlannerFormats
import Testing

/// New enumerators and unavailability read in the formats of the dataset's files, against the dataset.
@Suite struct AvailabilityChangesTests {
    static let dataset = try! DatasetReader().read(folder: FixtureDataset.validFolder())

    static func write(_ text: String, as name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("changes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func validChangesAreRead() throws {
        let existing = Self.dataset.enumerators[0]
        let joining = try Self.write("""
            enumerator_id,name,post_office,district_code,lat,lon,skills,daily_minutes
            NEW01,Người mới,\(existing.postOffice.rawValue),\(existing.districtCode.rawValue),\(existing.location.latitude),\(existing.location.longitude),household,480
            """, as: "joining.csv")
        let leaving = try Self.write("""
            enumerator_id,from,to,reason
            \(existing.id.rawValue),\(Self.dataset.settings.calendar.firstDay),,ill
            NEW01,\(Self.dataset.settings.calendar.lastDay),,leave
            """, as: "leaving.csv")
        let changes = try DatasetReader().readAvailabilityChanges(newEnumerators: joining, unavailability: leaving,
                                                                  dataset: Self.dataset)
        #expect(changes.newEnumerators.map(\.id) == ["NEW01"])
        #expect(changes.unavailability.map(\.enumeratorID) == ["NEW01", existing.id].sorted())
        #expect(changes.unavailability.allSatisfy { $0.to == nil })
    }

    @Test func problemsOfBothFilesAreLocated() throws {
        let existing = Self.dataset.enumerators[0]
        let joining = try Self.write("""
            enumerator_id,name,post_office,district_code,lat,lon,skills,daily_minutes
            \(existing.id.rawValue),Trùng,PO,\(existing.districtCode.rawValue),\(existing.location.latitude),\(existing.location.longitude),household,480
            NEW02,Sai huyện,PO,000,\(existing.location.latitude),\(existing.location.longitude),household,480
            """, as: "joining.csv")
        let leaving = try Self.write("""
            enumerator_id,from,to,reason
            NOBODY,\(Self.dataset.settings.calendar.firstDay),,ill
            \(existing.id.rawValue),2024-01-01,,late
            """, as: "leaving.csv")
        let error = try #require(throws: InvalidInput.self) {
            try DatasetReader().readAvailabilityChanges(newEnumerators: joining, unavailability: leaving,
                                                        dataset: Self.dataset)
        }
        let lines = error.problems.map(\.description)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines[0].contains("joining.csv:2:1: enumerator_id: expected an enumerator_id not already in enumerators.csv"))
        #expect(lines[1].contains("joining.csv:3:") && lines[1].contains("district_code"))
        #expect(lines[2].contains("leaving.csv:2:1: enumerator_id: expected an enumerator_id listed in enumerators.csv"))
        #expect(lines[3].contains("leaving.csv:3:") && lines[3].contains("from: expected a date in the survey window"))
    }
}
