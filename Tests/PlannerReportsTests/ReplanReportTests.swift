import PlannerCore
import PlannerFieldwork
import Testing
@testable import PlannerReports

/// replan-report.md's line on the survey's buffer days: a manager learns from it whether call-backs and reserve
/// units still have days at the end.
@Suite struct ReplanReportTests {
    static func bufferLine(_ content: ReplanContent, _ language: Language) throws -> String {
        let prefix = "- \(ReplanText.of(language).bufferDays): "
        let line = try #require(ReplanReport.markdown(content, language: language).split(separator: "\n")
            .first { $0.hasPrefix(prefix) })
        return String(line.dropFirst(prefix.count))
    }

    @Test func theBufferLineSaysWhetherTheBufferDaysAheadWereKeptFree() throws {
        // The fixture's window is 3–6 October 2023 with one buffer day, 6 October.
        var content = ReplanDashboardTests.content(extra: 1)
        let lastDay = try #require(content.dataset.settings.calendar.workingDays.last)
        content.result.plan.visits = content.plan.visits.map { visit in
            var visit = visit
            if visit.date == lastDay { visit.date = content.asOf }
            return visit
        }
        #expect(content.bufferDaysAhead == [lastDay])
        #expect(try Self.bufferLine(content, .english) == "kept free for call-backs and reserve units (2023-10-06)")
        #expect(try Self.bufferLine(content, .vietnamese).hasPrefix("để trống"))
        #expect(try Self.bufferLine(content, .vietnamese).hasSuffix("(06/10/2023)"))

        let moved = 3
        for index in content.plan.visits.indices.prefix(moved) { content.result.plan.visits[index].date = lastDay }
        #expect(content.visitsOnBufferDays == moved)
        #expect(try Self.bufferLine(content, .english).hasPrefix("used, planned visits on them: \(moved) ("))

        // Two buffer days, the as-of date on the last: only the days ahead count.
        content.dataset.settings.fieldwork.bufferDays = 2
        content.asOf = lastDay
        #expect(content.bufferDaysAhead == [lastDay])
        // No buffer at all.
        content.dataset.settings.fieldwork.bufferDays = 0
        #expect(try Self.bufferLine(content, .english) == "none left in the window")
    }
}
