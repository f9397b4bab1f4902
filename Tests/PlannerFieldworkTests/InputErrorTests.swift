import PlannerCore
import PlannerFieldwork
import PlannerGLPK
import PlannerOptimization
import Testing

@Suite struct InputErrorTests {
    @Test("every bad unit and setting is reported at once")
    func allIssues() throws {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let planned = IndustrialZone(id: "IZ02", name: "Trần Đề", status: .planned, districtCode: "941",
                                     communeCode: "31498", location: town.location)
        var parameters = FieldworkParameters()
        parameters.speedKmPerHour = 0
        let dataset = SmallSurvey.dataset(communes: [town],
                                          enumerators: [SmallSurvey.enumerator("EN01", at: town.location, skills: [.household])],
                                          parameters: parameters, zones: [planned])
        var units = SmallSurvey.households(2, in: town, prefix: "H")
        units.append(units[0])
        units.append(FieldworkUnit(id: "X1", kind: .household, communeCode: "99999", districtCode: "941", label: "1",
                                   stratumID: "941"))
        units.append(FieldworkUnit(id: "Z1", kind: .enterprise, communeCode: "31498", districtCode: "941",
                                   zoneID: "IZ02", label: "Z", stratumID: "IZ02"))
        let error = try #require(throws: FieldworkInputError.self) {
            try FieldworkPlanner().plan(FieldworkRequest(dataset: dataset, units: units), solver: GLPKSolver())
        }
        #expect(error.issues.map(\.subject).sorted()
                == ["settings.fieldwork.speedKmPerHour", "unit H0001", "unit X1", "unit Z1"])
    }

    @Test("parameters set in code keep the bounds survey.toml keeps (circuity factor ≥ 1)")
    func parametersOutsideTheReadersBounds() throws {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        var parameters = FieldworkParameters()
        parameters.circuityFactor = 0.5
        parameters.workloadBalanceWeight = .infinity
        let dataset = SmallSurvey.dataset(communes: [town],
                                          enumerators: [SmallSurvey.enumerator("EN01", at: town.location, skills: [.household])],
                                          parameters: parameters)
        let error = try #require(throws: FieldworkInputError.self) {
            try FieldworkPlanner().plan(FieldworkRequest(dataset: dataset, units: SmallSurvey.households(1, in: town, prefix: "H")),
                                        solver: GLPKSolver())
        }
        #expect(error.issues.map(\.subject).sorted()
                == ["settings.fieldwork.circuityFactor", "settings.fieldwork.workloadBalanceWeight"])
    }

    @Test("no units: an empty, complete plan")
    func noUnits() throws {
        let town = SmallSurvey.commune("31498", east: 0, north: 0)
        let dataset = SmallSurvey.dataset(communes: [town],
                                          enumerators: [SmallSurvey.enumerator("EN01", at: town.location, skills: [.household])])
        let plan = try FieldworkPlanner().plan(FieldworkRequest(dataset: dataset, units: []), solver: GLPKSolver())
        #expect(plan.isComplete)
        #expect(plan.routes.isEmpty)
        #expect(plan.solver.source == .empty)
    }
}
