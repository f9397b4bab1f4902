import Foundation
import PlannerTestSupport
import Testing

extension PlannableFixture {
    /// Runs `planner plan dataset --out <name> --quiet` in the root folder and expects a complete plan (or, with
    /// `allowingIncomplete`, an incomplete one: exit status 3).
    @discardableResult
    func plan(_ name: String = "plan", extra: [String] = [], allowingIncomplete: Bool = false) throws -> URL {
        let result = try PlannerProcess.run(["plan", "dataset", "--out", name, "--quiet"] + extra, in: root)
        #expect(result.status == 0 || (allowingIncomplete && result.status == 3), "\(result.standardError)")
        return root.appendingPathComponent(name)
    }
}
