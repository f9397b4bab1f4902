import PlannerCore
@testable import PlannerFieldwork
import PlannerOptimization
import Testing

/// The exported model: its names, its size and its coefficients.
@Suite struct AssignmentModelTests {
    static func request() -> FieldworkRequest {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let village = SmallSurvey.commune("31501", east: 6, north: 8)     // 10 km away
        let zone = IndustrialZone(id: "IZ01", name: "An Nghiệp", status: .operating, districtCode: "941",
                                  communeCode: "31501", location: SmallSurvey.point(east: 6, north: 8))
        let enumerators = [SmallSurvey.enumerator("EN01", at: town.location, skills: [.household, .enterprise]),
                           SmallSurvey.enumerator("EN02", at: village.location, skills: [.household])]
        var inZone = SmallSurvey.enterprises(3, in: village, prefix: "Z")
        for index in inZone.indices { inZone[index].zoneID = "IZ01" }
        let units = SmallSurvey.households(20, in: town, prefix: "H") + SmallSurvey.households(4, in: village, prefix: "V")
            + SmallSurvey.enterprises(2, in: town, prefix: "E") + inZone
        return FieldworkRequest(dataset: SmallSurvey.dataset(communes: [town, village], enumerators: enumerators,
                                                             zones: [zone]),
                                units: units)
    }

    @Test("variables and rows carry readable names")
    func names() throws {
        let instance = try AssignmentInstance(request: Self.request())
        let model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60).model
        let variables = Set(model.variables.map(\.name))
        for name in ["y_EN01_31498_h", "y_EN01_31498_e", "y_EN01_IZ01_e", "y_EN02_31501_h", "unserved_IZ01_e",
                     "excess_EN01"] {
            #expect(variables.contains(name), "\(name) missing")
        }
        #expect(!variables.contains("y_EN02_IZ01_e"))   // EN02 has no enterprise skill
        let rows = Set(model.constraints.map(\.name))
        for name in ["cover_31498_h", "days_EN02", "balance_EN01"] { #expect(rows.contains(name), "\(name) missing") }
        #expect(Set(model.variables.map(\.name)).count == model.variables.count)
        #expect(Set(model.constraints.map(\.name)).count == model.constraints.count)
        #expect(throws: Never.self) { try model.validate() }
    }

    @Test("size: one column per eligible trip kind, unserved per demand, excess per enumerator")
    func size() throws {
        let instance = try AssignmentInstance(request: Self.request())
        let model = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60).model
        // Demands: 31498 h, 31498 e, 31501 h, IZ01 e. EN01: all 4; EN02: the two household ones.
        #expect(instance.demands.count == 4)
        #expect(instance.options.count == 6)
        #expect(model.variables.count == 6 + 4 + 2)
        #expect(model.integerVariableCount == 10)
        // Rows: 4 cover + trips rows where a trip holds more than one visit + 2 days + 2 balance.
        let tripRows = model.constraints.filter { $0.name.hasPrefix("trips_") }.count
        #expect(model.constraints.count == 4 + tripRows + 4)
    }

    @Test("coefficients: round trip in the objective, visits per trip in the cover row")
    func coefficients() throws {
        let request = Self.request()
        let instance = try AssignmentInstance(request: request)
        let assignment = AssignmentModel(instance: instance, balanceMinutesPerExcessDay: 60)
        let model = assignment.model
        let column = try #require(model.variables.firstIndex { $0.name == "y_EN02_31498_h" })
        // 10 km × 1.4 / 30 km/h = 28 min each way.
        let kilometres = SmallSurvey.point(east: 6, north: 8).distanceKilometres(to: SmallSurvey.centre)
        let roundTrip = 2 * kilometres * 1.4 / 30 * 60
        #expect(abs(model.variables[column].objectiveCoefficient - roundTrip) < 1e-9)
        let cover = try #require(model.constraints.first { $0.name == "cover_31498_h" })
        let term = try #require(cover.terms.first { $0.variable.index == column })
        #expect(term.coefficient == Double(Int((480 - roundTrip + 10) / 40)))
        #expect(cover.lowerBound == 20)
        #expect(assignment.excessDayCost == 60)
        // Every usable day of the enumerators with an option at (daily minutes + one excess day), plus one.
        let days = instance.workers.reduce(0.0) { $0 + Double($1.usableDays.count) * Double($1.enumerator.dailyMinutes + 60) }
        #expect(assignment.unservedPenalty == max(1000, days + 1))
    }
}
