import PlannerCore
import Testing
@testable import PlannerSampling

/// Designs that would give a frame unit no chance of being drawn, or that cannot hold their own constraints,
/// are refused at the `survey.toml` key that causes them; what still leaves a valid sample is warned about.
@Suite struct DesignRefusalTests {
    static func enterprises(_ selection: SampleDesignParameters.SelectionMethod, size: Int,
                            minimum: Int = 5, reserve: Int = 5, certaintyEmployees: Int? = nil)
        -> SampleDesignParameters {
        SampleDesignParameters(stratification: .district, selection: selection, size: .total(size),
                               allocation: .proportional, minimumPerStratum: minimum, reservePerStratum: reserve,
                               certaintyEmployees: certaintyEmployees)
    }

    static let source = SettingsSource(file: "data/survey.toml", positions: [
        "sample.enterprises": .init(line: 30, column: 1),
        "sample.enterprises.certainty_employees": .init(line: 34, column: 23),
    ])

    static func refusal(_ dataset: Dataset) -> SettingRefusal? {
        do {
            _ = try SampleDesigner.design(.enterprise, dataset: dataset, seed: 7)
        } catch SamplingError.refusedSetting(let refusal) {
            return refusal
        } catch {}
        return nil
    }

    /// The threshold below which certainty enterprises outnumber a stratum's sample leaves the others at π = 0.
    @Test(arguments: [SampleDesignParameters.SelectionMethod.simpleRandom, .systematic, .ppsSystematic])
    func certaintyFillingAStratumIsRefusedAtTheKey(_ selection: SampleDesignParameters.SelectionMethod) throws {
        // 60 enterprises, proportional: IZ01 (24 enterprises) gets 5; 20 of them have 100 or more employees.
        var dataset = Fixture.dataset(enterprises: Self.enterprises(selection, size: 60, certaintyEmployees: 100))
        dataset.settingsSource = Self.source
        let refusal = try #require(Self.refusal(dataset))
        #expect(refusal.key == "sample.enterprises.certainty_employees")
        #expect(refusal.description.hasPrefix("data/survey.toml:34:23: sample.enterprises.certainty_employees: expected "))
        #expect(refusal.found.contains("could never be drawn"))
        // A threshold only the largest enterprise reaches leaves every stratum a probability sample.
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(
            enterprises: Self.enterprises(selection, size: 60, certaintyEmployees: 1000)), seed: 7)
        #expect(sample.mainUnits.allSatisfy { $0.inclusionProbability > 0 })
    }

    /// A stratum whose every unit is certain is a census, not a refusal.
    @Test func certaintyCensusIsAccepted() throws {
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(
            enterprises: Self.enterprises(.simpleRandom, size: 60, certaintyEmployees: 1)), seed: 7)
        #expect(sample.mainUnits.count == 300)
        #expect(sample.mainUnits.allSatisfy { $0.inclusionProbability == 1 })
    }

    /// A key the file does not set is located at its table, where it would be written.
    @Test func aDefaultKeyIsLocatedAtItsTable() {
        #expect(Self.source.position(of: "sample.enterprises.minimum_per_stratum")?.position == .init(line: 30, column: 1))
        #expect(Self.source.position(of: "sample.households.size") == nil)
    }

    @Test func enterprisesWithoutEmployeesUnderPPSAreRefused() throws {
        var list = Fixture.enterprises
        list[40] = Enterprise(id: list[40].id, name: "Empty", districtCode: list[40].districtCode,
                              communeCode: list[40].communeCode, zoneID: nil, employees: 0, location: list[40].location)
        let refusal = try #require(Self.refusal(Fixture.dataset(enterprises: Self.enterprises(.ppsSystematic, size: 60),
                                                                enterpriseList: list)))
        #expect(refusal.key == "sample.enterprises.selection")
        #expect(refusal.found.contains("1 enterprises with 0 employees (first EN041) have π = 0"))
        // SRS draws the same frame with every π > 0.
        #expect(Self.refusal(Fixture.dataset(enterprises: Self.enterprises(.simpleRandom, size: 60),
                                             enterpriseList: list)) == nil)
    }

    @Test func aStratumAllocatedNothingIsRefused() throws {
        let refusal = try #require(Self.refusal(Fixture.dataset(
            enterprises: Self.enterprises(.simpleRandom, size: 3, minimum: 0))))
        #expect(refusal.key == "sample.enterprises.minimum_per_stratum")
        #expect(refusal.found.contains("could never be drawn"))
    }

    /// The crash values of issue 13, given in code (the reader refuses them earlier): a typed error, no trap.
    @Test(arguments: [
        PrecisionTarget(margin: 1e-10),
        PrecisionTarget(margin: 0.05, designEffect: .given(1e308)),
        PrecisionTarget(margin: 0.05, responseRate: 1e-320),
        PrecisionTarget(margin: 0.05, confidence: 0.99999999999999989),
    ])
    func extremeTargetsAreRefusedNotTrapped(_ target: PrecisionTarget) {
        var parameters = SampleDesignParameters.enterpriseDefault
        parameters.size = .totalForPrecision(target)
        #expect(Self.refusal(Fixture.dataset(enterprises: parameters)) != nil)
    }

    /// A small stratum gets fewer reserves than asked: a warning, also in the report, not silence.
    @Test func reserveShortfallIsWarned() throws {
        // IZ01 has 24 enterprises, 5 of them sampled: 19 are left for 30 reserves; the other strata have enough.
        let parameters = Self.enterprises(.simpleRandom, size: 60, reserve: 30)
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: parameters), seed: 7)
        let row = try #require(sample.rows.first { $0.stratumID == "EN-IZ01" })
        #expect(row.reserveSize == 19)
        #expect(row.reservesAsked == 30)
        #expect(sample.warnings.map(\.subject) == ["sample.enterprises.reserve_per_stratum"])
        #expect(sample.warnings[0].message.hasPrefix("stratum EN-IZ01 has 19 reserves where 30 were asked"))
        #expect(sample.rows.filter { $0.reserveSize < $0.reservesAsked }.count == 1)
    }

    /// Two-stage: a commune with fewer households than take + reserves is named in the warning.
    @Test func twoStageReserveShortfallNamesTheCommune() throws {
        let parameters = SampleDesignParameters(stratification: .district, selection: .twoStage, size: .total(95),
                                                allocation: .proportional, takePerCluster: 10, reservePerStratum: 3)
        let listing = Fixture.listing { $0.code == "31543" ? 11 : 40 }
        let sample = try SampleDesigner.design(.household, dataset: Fixture.dataset(households: parameters,
                                                                                    listing: listing), seed: 3)
        let selected = sample.releaseGroups.contains { $0.groupID == "31543" }
        #expect(sample.warnings.contains { $0.message.contains("31543: ") } == selected)
        #expect(sample.warnings.filter { $0.subject != "communes.csv" }.allSatisfy {
            $0.subject == "sample.households.reserve_per_stratum"
        })
    }

    /// A listing against the census: a commune the census counts 0 but the listing does not, and communes whose
    /// listing is far from the census, are warned about — they were dropped or weighted silently before.
    @Test func listingAgainstCensusIsWarned() throws {
        var communes = Fixture.communes
        communes[10] = Fixture.commune("31543", .commune, "943", 0)
        let listing = Fixture.listing { commune in
            switch commune.code.rawValue {
            case "31543": 12
            case "31498": 3000
            case "31501": 5000  // census 2444: more than twice
            default: 40  // far below every census count
            }
        }
        let parameters = SampleDesignParameters(stratification: .district, selection: .twoStage, size: .total(95),
                                                allocation: .proportional, takePerCluster: 10, reservePerStratum: 3)
        let sample = try SampleDesigner.design(.household, dataset: Fixture.dataset(households: parameters,
                                                                                    communes: communes,
                                                                                    listing: listing), seed: 3)
        let messages = sample.warnings.filter { $0.subject == "communes.csv" }.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.first?.hasPrefix("1 commune has a census count of 0 but listed households: 31543 (12 listed)") == true)
        #expect(messages.last?.contains("31501 (5000 listed, census 2444)") == true)
        #expect(messages.last?.contains("31498") == false)
        // Commune 31543 is never selected: its households have no chance, as the warning says.
        #expect(!sample.units.contains { $0.communeCode == "31543" })
        // Without a listing there is nothing to compare.
        let census = try SampleDesigner.design(.household, dataset: Fixture.dataset(households: parameters), seed: 3)
        #expect(census.warnings.allSatisfy { $0.subject != "communes.csv" })
    }
}
