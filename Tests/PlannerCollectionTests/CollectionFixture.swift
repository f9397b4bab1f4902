import Foundation
import PlannerCollection
import PlannerCore
import PlannerFieldwork
import PlannerTestSupport

/// The exports under Fixtures/, written from the platforms' published formats (docs/exports.md cites them),
/// and the plan they are checked against: six households, one enterprise, two enumerators, 3–18 October 2023.
enum CollectionFixture {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let surveySolutions = folder.appendingPathComponent("survey-solutions")
    static let surveyCTO = folder.appendingPathComponent("surveycto/household.csv")
    static let vietnam = UTCOffset("+07:00")!

    static let calendar = SurveyCalendar(
        firstDay: CalendarDate(year: 2023, month: 10, day: 3)!, lastDay: CalendarDate(year: 2023, month: 10, day: 18)!,
        workingWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday], holidays: [])

    static let context = CollectedProgress.Context(
        unitIDs: ["HH-1", "HH-2", "HH-3", "HH-4", "HH-5", "HH-6", "DN0001"],
        enumeratorsByLogin: ["en01": EnumeratorID("EN01"), "en02": EnumeratorID("EN02")], calendar: calendar)

    static func date(_ day: Int) -> CalendarDate { CalendarDate(year: 2023, month: 10, day: day)! }

    static func visit(_ unit: String, _ day: Int, _ enumerator: String, _ status: VisitStatus) -> RecordedVisit {
        RecordedVisit(unitID: unit, date: date(day), enumeratorID: EnumeratorID(enumerator), status: status)
    }

    /// The Survey Solutions fixture zipped, with files replaced or left out.
    static func surveySolutionsZip(replacing replaced: [String: String] = [:], leavingOut left: Set<String> = []) throws -> Data {
        try ZipFixture.archive(folder: surveySolutions, replacing: replaced.mapValues { Data($0.utf8) }, leavingOut: left)
    }

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: surveySolutions.appendingPathComponent(name), encoding: .utf8)
    }
}
