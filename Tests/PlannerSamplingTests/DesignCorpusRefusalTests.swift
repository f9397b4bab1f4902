import PlannerCore
import Testing
@testable import PlannerSampling

/// The corpus's impossible designs: each is refused, never drawn, and the refusal names the `survey.toml` key that
/// causes it with its line and column (`DesignCorpusTests.settingsSource` puts every key on its own line).
@Suite struct DesignCorpusRefusalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let unitType: UnitType
        /// The `sample.*` key, without its table.
        let key: String
        let change: @Sendable (inout SampleDesignParameters, inout [Enterprise]) -> Void
    }

    static let base = SampleDesignParameters(
        stratification: .district, selection: .simpleRandom, size: .total(13), allocation: .proportional,
        minimumPerStratum: 1, stratumCosts: DesignCorpusTests.enterpriseCosts,
        stratumProportions: DesignCorpusTests.enterpriseProportions, takePerCluster: 3, reservePerStratum: 4)

    static let cases: [Case] = [
        Case(testDescription: "a size above the frame (34 enterprises)", unitType: .enterprise, key: "size") { p, _ in
            p.size = .total(35)
        },
        Case(testDescription: "a size above the ceilings (4 strata × 2)", unitType: .enterprise,
             key: "maximum_per_stratum") { p, _ in p.maximumPerStratum = 2 },
        Case(testDescription: "floors above the size (4 × 4 > 13)", unitType: .enterprise,
             key: "minimum_per_stratum") { p, _ in p.minimumPerStratum = 4 },
        Case(testDescription: "a ceiling below the floor", unitType: .enterprise, key: "maximum_per_stratum") { p, _ in
            p.minimumPerStratum = 3
            p.maximumPerStratum = 2
        },
        Case(testDescription: "a floor of 0 that leaves a stratum unsampled", unitType: .enterprise,
             key: "minimum_per_stratum") { p, _ in
            p.minimumPerStratum = 0
            p.size = .total(3)
        },
        Case(testDescription: "certainty units filling EN-941 (3 of 7 reach 30 employees, n_h = 3)",
             unitType: .enterprise, key: "certainty_employees") { p, _ in p.certaintyEmployees = 30 },
        Case(testDescription: "certainty units filling a PPS stratum", unitType: .enterprise,
             key: "certainty_employees") { p, _ in
            p.selection = .ppsSystematic
            p.certaintyEmployees = 30
        },
        Case(testDescription: "an enterprise with 0 employees under PPS", unitType: .enterprise, key: "selection") { p, list in
            p.selection = .ppsSystematic
            list[4].employees = 0
        },
        // ±1 % from 34 enterprises needs a census of respondents: 34 at full response (accepted, a census has no
        // sampling error), 38 at a response rate of .9, which the frame does not have.
        Case(testDescription: "a target no sample of the frame reaches", unitType: .enterprise,
             key: "precision.margin") { p, _ in
            p.size = .totalForPrecision(PrecisionTarget(margin: 0.01, responseRate: 0.9))
        },
        Case(testDescription: "negative reserves", unitType: .enterprise, key: "reserve_per_stratum") { p, _ in
            p.reservePerStratum = -1
        },
        Case(testDescription: "a negative cost", unitType: .enterprise, key: "stratum_costs") { p, _ in
            p.allocation = .costOptimal
            p.stratumCosts["EN-942"] = -2
        },
        Case(testDescription: "a proportion of 1.5", unitType: .enterprise, key: "stratum_proportions") { p, _ in
            p.stratumProportions["EN-941"] = 1.5
        },
        Case(testDescription: "a power exponent that is not a number", unitType: .enterprise,
             key: "power_exponent") { p, _ in
            p.allocation = .power
            p.powerExponent = .nan
        },
        Case(testDescription: "a response rate of 0", unitType: .enterprise, key: "precision.response_rate") { p, _ in
            p.size = .totalForPrecision(PrecisionTarget(margin: 0.2, responseRate: 0))
        },
        Case(testDescription: "a confidence of 1", unitType: .enterprise, key: "precision.confidence") { p, _ in
            p.size = .perStratumForPrecision(PrecisionTarget(margin: 0.2, confidence: 1))
        },
        Case(testDescription: "a design effect of 0", unitType: .enterprise, key: "precision.design_effect") { p, _ in
            p.size = .totalForPrecision(PrecisionTarget(margin: 0.2, designEffect: .given(0)))
        },
        Case(testDescription: "two-stage selection of enterprises", unitType: .enterprise, key: "selection") { p, _ in
            p.selection = .twoStage
        },
        Case(testDescription: "PPS selection of households", unitType: .household, key: "selection") { p, _ in
            p.selection = .ppsSystematic
        },
        Case(testDescription: "a take of 0 households per commune", unitType: .household,
             key: "take_per_commune") { p, _ in
            p.selection = .twoStage
            p.takePerCluster = 0
        },
        Case(testDescription: "an ICC that makes the design effect negative", unitType: .household,
             key: "precision.icc") { p, _ in
            p.selection = .twoStage
            p.size = .totalForPrecision(PrecisionTarget(margin: 0.2, designEffect: .fromClusterTake(icc: -0.6)))
        },
    ]

    @Test(arguments: cases)
    func refusedAtTheKey(_ refusalCase: Case) throws {
        var parameters = Self.base
        var enterprises = DesignCorpusTests.enterprises
        if refusalCase.unitType == .household {
            parameters.stratumProportions = DesignCorpusTests.householdProportions
            parameters.stratumCosts = DesignCorpusTests.householdCosts
        }
        refusalCase.change(&parameters, &enterprises)
        let table = refusalCase.unitType == .household ? "sample.households" : "sample.enterprises"
        var dataset = refusalCase.unitType == .household
            ? Fixture.dataset(households: parameters, communes: DesignCorpusTests.communes(dominant: false),
                              enterpriseList: [])
            : Fixture.dataset(enterprises: parameters, enterpriseList: enterprises)
        dataset.settingsSource = DesignCorpusTests.settingsSource(table)
        let line = try #require(dataset.settingsSource?.positions["\(table).\(refusalCase.key)"]?.line)
        do {
            let sample = try SampleDesigner.design(refusalCase.unitType, dataset: dataset, seed: 1)
            Issue.record("accepted with \(sample.mainUnits.count) units")
        } catch SamplingError.refusedSetting(let refusal) {
            #expect(refusal.key == "\(table).\(refusalCase.key)")
            #expect(refusal.description.hasPrefix("corpus/survey.toml:\(line):5: \(table).\(refusalCase.key): expected "))
        }
    }

    /// A whole-sample target the formula's n meets on paper but the design cannot, even with every unit the
    /// ceilings allow: refused at `precision.margin`, saying how far it gets (the formula assumes SRS at one p;
    /// PPS weights and bounded allocation lose precision).
    @Test func aTargetTheCeilingsCannotReachIsRefused() throws {
        var parameters = Self.base
        parameters.selection = .ppsSystematic
        parameters.stratumProportions = [:]
        parameters.maximumPerStratum = 3
        var refusals: [SettingRefusal] = []
        for step in 0..<60 {
            parameters.size = .totalForPrecision(PrecisionTarget(margin: 0.45 - Double(step) * 0.005))
            var dataset = Fixture.dataset(enterprises: parameters, enterpriseList: DesignCorpusTests.enterprises)
            dataset.settingsSource = DesignCorpusTests.settingsSource("sample.enterprises")
            do {
                _ = try SampleDesigner.design(.enterprise, dataset: dataset, seed: 1)
            } catch SamplingError.refusedSetting(let refusal) {
                refusals.append(refusal)
            }
        }
        // As the margin shrinks the design first fails at the ceilings, then the formula alone exceeds them.
        let unreachable = try #require(refusals.first)
        #expect(unreachable.key == "sample.enterprises.precision.margin")
        #expect(unreachable.found.contains("even all 12 units the strata can give reach only"))
        #expect(refusals.last?.key == "sample.enterprises.maximum_per_stratum")
    }
}
