import PlannerCore
import Testing
@testable import PlannerSampling

@Suite struct DesignerTests {
    static func parameters(_ stratification: SampleDesignParameters.Stratification,
                           _ selection: SampleDesignParameters.SelectionMethod,
                           size: SampleDesignParameters.SizeRule = .total(60),
                           allocation: SampleDesignParameters.AllocationMethod = .proportional,
                           reserve: Int = 3, groups: [[DistrictCode]] = [], certaintyEmployees: Int? = nil,
                           take: Int = 10) -> SampleDesignParameters {
        SampleDesignParameters(stratification: stratification, selection: selection, size: size, allocation: allocation,
                               takePerCluster: take, reservePerStratum: reserve, districtGroups: groups,
                               certaintyEmployees: certaintyEmployees)
    }

    @Test func householdStrataIDsAndLabels() throws {
        let byDistrict = try SampleDesigner.design(.household, dataset: Fixture.dataset(), seed: 1)
        #expect(byDistrict.strata.map(\.id.rawValue) == ["HH-941", "HH-942", "HH-943"])
        #expect(byDistrict.strata[0].label == "Households, Thành phố Sóc Trăng (941)")
        let urbanRural = try SampleDesigner.design(
            .household, dataset: Fixture.dataset(households: Self.parameters(.districtUrbanRural, .simpleRandom)), seed: 1)
        #expect(urbanRural.strata.map(\.id.rawValue) == ["HH-941-U", "HH-942-R", "HH-942-U", "HH-943-R", "HH-943-U"])
        #expect(urbanRural.rows.map(\.frameSize) == [9457, 13100, 2500, 26150, 3000])
        #expect(urbanRural.strata[1].label.hasSuffix("rural"))
    }

    @Test func enterpriseStrata() throws {
        let groups = Self.parameters(.districtGroups, .simpleRandom, size: .total(20), groups: [["943", "942"]])
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: groups), seed: 1)
        #expect(sample.strata.map(\.id.rawValue) == ["EN-941", "EN-G1", "EN-IZ01"])
        #expect(sample.strata[1].label == "Enterprises outside operating zones, district group 1 (942, 943)")
        // IZ02 is under construction: its three enterprises are in the district-group stratum.
        #expect(sample.rows.map(\.frameSize).reduce(0, +) == 300)
        #expect(sample.rows.last?.frameSize == 24)
        let zoneUnits = sample.units.filter { $0.stratumID == "EN-IZ01" }
        #expect(zoneUnits.allSatisfy { $0.zoneID == "IZ01" })
        let byDistrict = try SampleDesigner.design(
            .enterprise, dataset: Fixture.dataset(enterprises: Self.parameters(.district, .simpleRandom, size: .total(20))),
            seed: 1)
        #expect(byDistrict.strata.map(\.id.rawValue) == ["EN-941", "EN-942", "EN-943", "EN-IZ01"])
    }

    @Test func sameSeedSamePlanOtherSeedOtherSample() throws {
        let dataset = Fixture.dataset()
        let first = try SampleDesigner.design(dataset: dataset, seed: 20231003)
        let second = try SampleDesigner.design(dataset: dataset, seed: 20231003)
        #expect(first == second)
        let other = try SampleDesigner.design(dataset: dataset, seed: 20231004)
        #expect(other.households.units.map(\.unitID) != first.households.units.map(\.unitID))
        #expect(other.enterprises.units.map(\.unitID) != first.enterprises.units.map(\.unitID))
        #expect(first.generatorName == "xoshiro256**")
    }

    /// Per-stratum streams: adding a district leaves the other strata's samples untouched.
    @Test func strataDrawFromIndependentStreams() throws {
        let base = try SampleDesigner.design(.household, dataset: Fixture.dataset(), seed: 9)
        let extended = try SampleDesigner.design(
            .household, dataset: Fixture.dataset(communes: Fixture.communes + [Fixture.commune("31600", .commune, "944", 900)]),
            seed: 9)
        #expect(extended.strata.count == 4)
        #expect(extended.units.filter { $0.stratumID != "HH-944" } == base.units)
    }

    @Test(arguments: [
        (SampleDesignParameters.SelectionMethod.simpleRandom, UnitType.enterprise),
        (.systematic, .enterprise), (.ppsSystematic, .enterprise), (.simpleRandom, .household),
        (.systematic, .household), (.twoStage, .household),
    ])
    func invariantsOfEveryDesign(selection: SampleDesignParameters.SelectionMethod, unitType: UnitType) throws {
        let parameters = Self.parameters(.district, selection, size: .total(unitType == .household ? 95 : 25), take: 7)
        let dataset = unitType == .household ? Fixture.dataset(households: parameters)
            : Fixture.dataset(enterprises: parameters)
        let sample = try SampleDesigner.design(unitType, dataset: dataset, seed: 77)
        #expect(sample.units == sample.units.sorted(by: SampledUnit.outputOrder))
        for unit in sample.units {
            #expect(unit.inclusionProbability > 0 && unit.inclusionProbability <= 1)
            #expect(abs(unit.designWeight * unit.inclusionProbability - 1) < 1e-12)
            #expect(unit.unitType == unitType)
            if let first = unit.firstStageProbability, let second = unit.secondStageProbability {
                #expect(abs(first * second - unit.inclusionProbability) < 1e-15)
            }
        }
        #expect(Set(sample.units.map(\.unitID)).count == sample.units.count)
        #expect(sample.mainUnits.count == sample.sampleSize)
        for row in sample.rows {
            let main = sample.mainUnits.filter { $0.stratumID == row.stratumID }
            #expect(main.count == row.sampleSize)
            if selection != .twoStage { #expect(row.sampleSize == row.allocatedSize) }
            if selection == .simpleRandom || selection == .systematic {
                // Σπ over the frame = N_h · n_h/N_h = n_h.
                #expect(main.allSatisfy { abs($0.inclusionProbability * Double(row.frameSize) - Double(row.sampleSize)) < 1e-9 })
            }
        }
        #expect(sample.rows.map(\.allocatedSize).reduce(0, +) == (unitType == .household ? 95 : 25))
        // Reserves: disjoint from main, ranked 1…r within their group, π growing with rank.
        for group in sample.releaseGroups {
            let reserves = group.members.filter { $0.role == .reserve }
            #expect(reserves.map(\.reserveRank) == Array(1...max(1, reserves.count)).prefix(reserves.count).map { $0 })
            let mainIDs = Set(group.members.filter { $0.role == .main }.map(\.unitID))
            #expect(reserves.allSatisfy { !mainIDs.contains($0.unitID) })
            #expect(reserves.count == min(3, group.frameSize - group.mainCount))
        }
        #expect(sample.reserveUnits.count == sample.releaseGroups.reduce(0) { $0 + $1.reserveCount })
    }

    @Test func twoStageUnitsAndProbabilities() throws {
        let parameters = Self.parameters(.district, .twoStage, size: .total(95), reserve: 2, take: 10)
        let sample = try SampleDesigner.design(.household, dataset: Fixture.dataset(households: parameters), seed: 3)
        let main = sample.mainUnits
        #expect(main.allSatisfy { $0.unitID.wholeMatch(of: /HH-\d{5}-\d{5}/) != nil })
        // 31546 holds 20000 of the 29150 households of 943: a certainty commune.
        #expect(sample.certaintyUnits.contains { $0.unitID == "31546" && $0.level == .commune })
        for row in sample.rows {
            let communes = Set(main.filter { $0.stratumID == row.stratumID }.map(\.communeCode))
            #expect(communes.count == row.selectedCommunes)
            let needed = (row.allocatedSize + 9) / 10
            #expect(row.selectedCommunes == min(needed, row.communeCount!))
            // Too few communes for the take: every commune, with the take raised to ⌈n_h/C_h⌉.
            let take = needed > row.communeCount! ? (row.allocatedSize + row.communeCount! - 1) / row.communeCount! : 10
            #expect(row.takePerCommune == take)
            #expect(row.sampleSize == take * communes.count)
        }
        for unit in main {
            let commune = Fixture.communes.first { $0.code == unit.communeCode }!
            let take = sample.rows.first { $0.stratumID == unit.stratumID }!.takePerCommune!
            #expect(unit.secondStageProbability == Double(take) / Double(commune.households))
        }
        // Reserve households of a commune: π2 = (take + rank)/M_i.
        for unit in sample.reserveUnits {
            let commune = Fixture.communes.first { $0.code == unit.communeCode }!
            let take = sample.rows.first { $0.stratumID == unit.stratumID }!.takePerCommune!
            let expected = Double(take + unit.reserveRank!) / Double(commune.households)
            #expect(abs(unit.secondStageProbability! - expected) < 1e-15)
        }
    }

    @Test func twoStageDrawsFromTheListingWhenThereIsOne() throws {
        let listing = Fixture.listing { $0.code == "31543" ? 4 : 25 }
        let parameters = Self.parameters(.district, .twoStage, size: .total(95), reserve: 2, take: 10)
        let sample = try SampleDesigner.design(
            .household, dataset: Fixture.dataset(households: parameters, listing: listing), seed: 3)
        let listedIDs = Set(listing.map(\.id.rawValue))
        #expect(sample.units.allSatisfy { listedIDs.contains($0.unitID) })
        for unit in sample.mainUnits {
            let listed = unit.communeCode == "31543" ? 4.0 : 25.0
            let take = Double(sample.rows.first { $0.stratumID == unit.stratumID }!.takePerCommune!)
            #expect(unit.secondStageProbability == min(take, listed) / listed)
        }
        // Allocation still uses census households.
        #expect(sample.rows.map(\.frameSize) == [9457, 15600, 29150])
    }

    @Test func perStratumPrecisionSizesEachStratum() throws {
        let target = PrecisionTarget(margin: 0.1, designEffect: .fromClusterTake(icc: 0.05), responseRate: 0.9)
        let parameters = Self.parameters(.district, .twoStage, size: .perStratumForPrecision(target), take: 10)
        let sample = try SampleDesigner.design(.household, dataset: Fixture.dataset(households: parameters), seed: 3)
        for row in sample.rows {
            let calculation = try #require(row.sizeCalculation)
            #expect(calculation.populationSize == row.frameSize)
            #expect(abs(calculation.designEffect - 1.45) < 1e-12)
            // The formula's n is a start: where every commune is taken with one take, the weights follow the
            // communes' sizes and n_h is raised until the design (deff_w included) meets the target.
            #expect(row.allocatedSize >= calculation.sampleSize)
            #expect(row.cappedAtCeiling || row.expectedMargin.absolute <= 0.1 + 1e-9)
            #expect(row.precision.targetMargin == 0.1)
            #expect(row.sampleSize >= min(row.allocatedSize, row.frameSize))
        }
        #expect(sample.allocation == nil)
    }

    @Test func totalForPrecisionKeepsTheOverallComputation() throws {
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(), seed: 3)
        let calculation = try #require(sample.overallSizeCalculation)
        #expect(calculation.populationSize == 300)
        // Kish's compromise is less efficient than proportional allocation: the formula's 211 gives ±5.07 %, so
        // n is raised to the smallest total whose allocation meets ±5 %.
        #expect(sample.raisedTotal == [calculation.sampleSize, 216])
        #expect(sample.allocation?.total == 216)
        #expect(sample.overallPrecision.absolute <= 0.05)
        #expect(sample.allocation?.method == .kish)
        #expect(sample.rows.allSatisfy { $0.allocatedSize >= 5 })
    }

    @Test func certaintyEnterprisesByThresholdAndByPPS() throws {
        let threshold = Self.parameters(.district, .simpleRandom, size: .total(20), certaintyEmployees: 1000)
        let sample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: threshold), seed: 5)
        let certain = sample.certaintyUnits.filter { $0.reason == .sizeThreshold }.map(\.unitID)
        #expect(certain == ["EN003"])
        #expect(sample.units.first { $0.unitID == "EN003" }?.inclusionProbability == 1)
        let pps = Self.parameters(.district, .ppsSystematic, size: .total(20))
        let ppsSample = try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: pps), seed: 5)
        #expect(ppsSample.certaintyUnits.contains { $0.unitID == "EN003" && $0.reason == .proportionalToSize })
    }

    @Test func impossibleDesignsAreTypedErrors() {
        #expect(Self.refusal {
            try SampleDesigner.design(.household, dataset: Fixture.dataset(households: Self.parameters(.district, .ppsSystematic)), seed: 1)
        } == Self.refused("sample.households.selection", SamplingError.unsupportedSelection(unitType: .household, method: .ppsSystematic)))
        #expect(Self.refusal {
            try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: Self.parameters(.district, .twoStage)), seed: 1)
        } == Self.refused("sample.enterprises.selection", SamplingError.unsupportedSelection(unitType: .enterprise, method: .twoStage)))
        #expect(throws: SamplingError.emptyFrame(.enterprise)) {
            try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterpriseList: []), seed: 1)
        }
        #expect(Self.refusal {
            try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterprises: Self.parameters(.district, .simpleRandom, size: .total(301))), seed: 1)
        } == Self.refused("sample.enterprises.size", SamplingError.totalExceedsCapacity(total: 301, capacity: 300)))
        let tooFew = Array(Fixture.enterprises.prefix(30))
        #expect(Self.refusal {
            // e = .05 and 80 % response need 27.9/.8 → 35 of 30 enterprises: even a census falls short.
            try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterpriseList: tooFew), seed: 1)
        } == Self.refused("sample.enterprises.precision.margin", SamplingError.totalExceedsCapacity(total: 35, capacity: 30)))
        #expect(throws: SamplingError.districtInSeveralGroups("942")) {
            try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(
                enterprises: Self.parameters(.districtGroups, .simpleRandom, groups: [["941", "942"], ["942"]])), seed: 1)
        }
        var neyman = Self.parameters(.district, .simpleRandom, allocation: .neyman)
        neyman.stratumProportions = ["HH-942": 1.2]
        #expect(Self.refusal {
            try SampleDesigner.design(.household, dataset: Fixture.dataset(households: neyman), seed: 1)
        } == Self.refused("sample.households.stratum_proportions",
                          SamplingError.proportionOutOfRange(1.2, context: "expected proportion of stratum HH-942")))
        let strayZone = [Enterprise(id: "X1", name: "X", districtCode: "941", communeCode: "31498", zoneID: "IZ99",
                                    employees: 10, location: GeoPoint(latitude: 9, longitude: 105))]
        #expect(throws: SamplingError.unknownZone(enterprise: "X1", zone: "IZ99")) {
            try SampleDesigner.design(.enterprise, dataset: Fixture.dataset(enterpriseList: strayZone), seed: 1)
        }
        let emptyListing = Fixture.listing { $0.code == "31546" ? 0 : 20 }
        #expect(throws: SamplingError.emptyListing("31546")) {
            try SampleDesigner.design(.household, dataset: Fixture.dataset(
                households: Self.parameters(.district, .twoStage, size: .total(95)), listing: emptyListing), seed: 1)
        }
        #expect(Self.refusal {
            try SampleDesigner.design(.household, dataset: Fixture.dataset(
                households: Self.parameters(.district, .twoStage, take: 0)), seed: 1)
        } == Self.refused("sample.households.take_per_commune", SamplingError.invalidClusterTake(0)))
    }

    /// The refusal `body` throws, or nil when it throws nothing or another error.
    static func refusal(_ body: () throws -> Any) -> SettingRefusal? {
        do {
            _ = try body()
        } catch SamplingError.refusedSetting(let refusal) {
            return refusal
        } catch {}
        return nil
    }

    /// A refusal at `key` of a dataset built in code (no file), whose reason is `error`.
    static func refused(_ key: String, _ error: SamplingError) -> SettingRefusal {
        SettingRefusal(key: key, expected: "a design the frame can support", found: error.description, source: nil)
    }
}
