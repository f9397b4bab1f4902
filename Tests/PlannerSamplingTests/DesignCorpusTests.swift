import PlannerCore
import Testing
@testable import PlannerSampling

/// The design corpus (issue 13, docs/sampling.md §10): every allocation × selection × size rule, certainty on and
/// off, bounds on and off, on small synthetic frames. Each design is checked against `CorpusReference` (sizes,
/// allocation, π per unit, weights, reserves, which warnings and which refusal), then drawn over a fixed sequence
/// of seeds: every unit's frequency must match its π, every within-stratum pair's frequency its exact π_kl, and
/// the Horvitz–Thompson count of every stratum its N_h, each within the Bonferroni bound of the design's z-scores
/// (never below 4.5 binomial standard errors).
@Suite struct DesignCorpusTests {
    /// One cell of the corpus: a frame and selection, with certainty and bounds on or off. Each cell runs every
    /// allocation under the given and the whole-sample-target size rules, and the per-stratum target rule (which
    /// has no allocation).
    struct Cell: Sendable, CustomTestStringConvertible {
        let unitType: UnitType
        let selection: SampleDesignParameters.SelectionMethod
        /// Enterprises: `certainty_employees` = 400 (three enterprises reach it). Two-stage households: a frame
        /// with a dominant commune in two districts, so that PPS takes it with certainty.
        let certainty: Bool
        /// `minimum_per_stratum` 3 and a `maximum_per_stratum`, or a minimum of 1 and no maximum.
        let bounds: Bool
        var testDescription: String {
            "\(unitType.rawValue) \(selection.rawValue) certainty \(certainty ? "on" : "off") bounds \(bounds ? "on" : "off")"
        }
    }

    /// The corpus by frame, selection and certainty; each runs its designs with bounds off and on, and shares the
    /// simulation of a stratum at an n_h that several designs give (bounds only change n_h, not the draw).
    struct Family: Sendable, CustomTestStringConvertible {
        let unitType: UnitType
        let selection: SampleDesignParameters.SelectionMethod
        let certainty: Bool
        var testDescription: String {
            "\(unitType.rawValue) \(selection.rawValue) certainty \(certainty ? "on" : "off")"
        }
    }

    static let families: [Family] = {
        var families: [Family] = []
        for (unitType, selection) in [(UnitType.enterprise, SampleDesignParameters.SelectionMethod.simpleRandom),
                                      (.enterprise, .systematic), (.enterprise, .ppsSystematic),
                                      (.household, .twoStage), (.household, .simpleRandom), (.household, .systematic)] {
            // One-stage household designs have no certainty: there is no size measure and no threshold.
            for certainty in unitType == .household && selection != .twoStage ? [false] : [false, true] {
                families.append(Family(unitType: unitType, selection: selection, certainty: certainty))
            }
        }
        return families
    }()

    enum SizeRuleKind: String, CaseIterable {
        /// `size` given, with a `[precision]` target it is checked against (a miss is a warning).
        case given
        /// `size_rule = "total"`: n from the target, raised until the design meets it.
        case totalTarget
        /// `size_rule = "per_stratum"`: each stratum meets the target alone.
        case perStratumTarget
    }

    struct Design {
        let sizeRule: SizeRuleKind
        let method: CorpusReference.Method
        var description: String { "\(sizeRule.rawValue)/\(method.rawValue)" }
    }

    static func designs() -> [Design] {
        [SizeRuleKind.given, .totalTarget].flatMap { rule in CorpusReference.Method.allCases.map { Design(sizeRule: rule, method: $0) } }
            + [Design(sizeRule: .perStratumTarget, method: .proportional)]
    }

    // MARK: - Frames

    static let enterpriseProportions = ["EN-941": 0.2, "EN-942": 0.5, "EN-943": 0.1, "EN-IZ01": 0.35]
    static let enterpriseCosts = ["EN-941": 1.0, "EN-942": 2, "EN-943": 4, "EN-IZ01": 0.5]
    static let householdProportions = ["HH-941": 0.3, "HH-942": 0.5, "HH-943": 0.15]
    static let householdCosts = ["HH-941": 1.0, "HH-942": 3, "HH-943": 0.7]

    /// 34 enterprises in four strata: three districts outside zones (7, 10, 12) and the operating zone IZ01 (5);
    /// one enterprise in each of 942, 943 and IZ01 has 400 employees or more.
    static let enterprises: [Enterprise] = {
        let spec: [(commune: String, district: String, zone: ZoneID?, employees: [Int])] = [
            ("31498", "941", nil, [12, 30, 45]), ("31501", "941", nil, [8, 60]), ("31504", "941", nil, [22, 15]),
            ("31567", "942", nil, [500, 40, 35]), ("31570", "942", nil, [18, 9, 70]), ("31582", "942", nil, [25, 14]),
            ("31597", "942", nil, [55, 30]),
            ("31531", "943", nil, [900, 20, 16]), ("31540", "943", nil, [45, 33, 11, 80]), ("31543", "943", nil, [27]),
            ("31546", "943", nil, [19, 64, 38, 7]),
            ("31594", "942", "IZ01", [450, 60, 35, 120, 20]),
        ]
        var list: [Enterprise] = []
        for entry in spec {
            for employees in entry.employees {
                list.append(Enterprise(
                    id: EnterpriseID("E\(entry.commune)-\(list.count + 1)"), name: "Enterprise \(list.count + 1)",
                    districtCode: DistrictCode(entry.district), communeCode: CommuneCode(entry.commune),
                    zoneID: entry.zone, employees: employees, location: GeoPoint(latitude: 9.6, longitude: 105.9)))
            }
        }
        return list
    }()

    /// Household communes: three districts of 3, 5 and 3 communes (25, 36 and 30 households); with `dominant`,
    /// one commune of 941 and one of 943 hold most of their district's households.
    static func communes(dominant: Bool) -> [Commune] {
        let sizes: [(String, CommuneType, String, Int)] = [
            ("31498", .ward, "941", 8), ("31501", .ward, "941", 12), ("31504", .ward, "941", dominant ? 30 : 5),
            ("31567", .town, "942", 6), ("31570", .commune, "942", 10), ("31582", .commune, "942", 4),
            ("31594", .commune, "942", 9), ("31597", .commune, "942", 7),
            ("31531", .town, "943", 10), ("31540", .commune, "943", 14), ("31546", .commune, "943", dominant ? 40 : 6),
        ]
        return sizes.map { Fixture.commune($0.0, $0.1, $0.2, $0.3) }
    }

    /// Every key a corpus design can be refused at, on its own line, so a refusal's location names the key.
    static func settingsSource(_ table: String) -> SettingsSource {
        let keys = ["size", "allocation", "selection", "minimum_per_stratum", "maximum_per_stratum", "certainty_employees",
                    "reserve_per_stratum", "take_per_commune", "stratum_proportions", "stratum_costs", "power_exponent",
                    "precision.margin", "precision.icc", "precision.design_effect", "precision.response_rate",
                    "precision.proportion", "precision.confidence"]
        var positions: [String: SettingsSource.Position] = [table: .init(line: 1, column: 1)]
        for (i, key) in keys.enumerated() { positions["\(table).\(key)"] = .init(line: i + 2, column: 5) }
        return SettingsSource(file: "corpus/survey.toml", positions: positions)
    }

    static let enterpriseReserves = 4
    static let householdReserves = 2
    static let take = 3
    static let icc = 0.05

    static func parameters(_ cell: Cell, _ design: Design) -> SampleDesignParameters {
        let household = cell.unitType == .household
        let deff: PrecisionTarget.DesignEffect = household ? .fromClusterTake(icc: icc) : .given(1)
        let target = { (margin: Double) in PrecisionTarget(margin: margin, designEffect: deff, responseRate: 0.9) }
        let size: SampleDesignParameters.SizeRule
        var checked: SampleDesignParameters.SizeRule?
        switch design.sizeRule {
        case .given:
            size = .total(household ? 12 : 13)
            checked = .totalForPrecision(target(0.25))
        case .totalTarget:
            size = .totalForPrecision(target(0.2))
        case .perStratumTarget:
            size = .perStratumForPrecision(target(0.3))
        }
        let method: SampleDesignParameters.AllocationMethod = switch design.method {
        case .equal: .equal
        case .proportional: .proportional
        case .neyman: .neyman
        case .costOptimal: .costOptimal
        case .power: .power
        case .kish: .kish
        }
        return SampleDesignParameters(
            stratification: .district, selection: cell.selection, size: size, allocation: method, powerExponent: 0.5,
            minimumPerStratum: cell.bounds ? 3 : 1, maximumPerStratum: cell.bounds ? (household ? 9 : 5) : nil,
            stratumCosts: household ? householdCosts : enterpriseCosts,
            stratumProportions: household ? householdProportions : enterpriseProportions,
            takePerCluster: take, reservePerStratum: household ? householdReserves : enterpriseReserves,
            certaintyEmployees: !household && cell.certainty ? 400 : nil, targetForGivenSize: checked)
    }

    static func dataset(_ cell: Cell, _ parameters: SampleDesignParameters) -> Dataset {
        var dataset = cell.unitType == .household
            ? Fixture.dataset(households: parameters, communes: communes(dominant: cell.certainty), enterpriseList: [])
            : Fixture.dataset(enterprises: parameters, enterpriseList: enterprises)
        dataset.settingsSource = settingsSource(cell.unitType == .household ? "sample.households" : "sample.enterprises")
        return dataset
    }

    // MARK: - The reference design

    /// One stratum's frame in its documented order, as the reference sees it.
    struct ReferenceStratum {
        let id: String
        /// Units in frame order (enterprises; register lines commune by commune).
        let unitIDs: [String]
        /// Employees (enterprises), 1 otherwise.
        let sizes: [Double]
        /// For households: each unit's commune index in `communeSizes`.
        let communeOfUnit: [Int]
        /// Census households per commune (households).
        let communeSizes: [Int]
        let communeCodes: [String]
        /// N_h for allocation and precision: enterprises, or households.
        var frameSize: Int { unitIDs.count }
    }

    static func referenceStrata(_ cell: Cell) -> [ReferenceStratum] {
        if cell.unitType == .enterprise {
            let byStratum = Dictionary(grouping: enterprises) { enterprise in
                enterprise.zoneID.map { "EN-\($0.rawValue)" } ?? "EN-\(enterprise.districtCode.rawValue)"
            }
            return byStratum.keys.sorted().map { id in
                let ordered = byStratum[id]!.sorted {
                    ($0.communeCode.rawValue, -$0.employees, $0.id.rawValue) < ($1.communeCode.rawValue, -$1.employees, $1.id.rawValue)
                }
                return ReferenceStratum(id: id, unitIDs: ordered.map(\.id.rawValue), sizes: ordered.map { Double($0.employees) },
                                        communeOfUnit: [], communeSizes: [], communeCodes: [])
            }
        }
        let byDistrict = Dictionary(grouping: communes(dominant: cell.certainty)) { $0.districtCode.rawValue }
        return byDistrict.keys.sorted().map { district in
            let ordered = byDistrict[district]!.sorted { $0.code.rawValue < $1.code.rawValue }
            var ids: [String] = []
            var communeOfUnit: [Int] = []
            for (i, commune) in ordered.enumerated() {
                for line in 1...commune.households {
                    ids.append("HH-\(commune.code.rawValue)-" + String(repeating: "0", count: 5 - String(line).count) + String(line))
                    communeOfUnit.append(i)
                }
            }
            return ReferenceStratum(id: "HH-\(district)", unitIDs: ids, sizes: ids.map { _ in 1 }, communeOfUnit: communeOfUnit,
                                    communeSizes: ordered.map(\.households), communeCodes: ordered.map(\.code.rawValue))
        }
    }

    /// What one stratum's draw at n_h must be.
    struct StratumLaw {
        /// π per unit in frame order.
        var probabilities: [Double]
        /// π_kl per pair of units (symmetric; the diagonal is π_k).
        var joint: (Int, Int) -> Double
        /// Whether Σw = N_h in every draw, not only in expectation: equal-probability selection (certainty units
        /// and the rest each at their own π), a census, or every commune taken.
        var exactWeightSum: Bool
        /// One-stage: the units drawn; two-stage: nil (it depends on the communes drawn).
        var mainCount: Int?
        /// Two-stage: π1 per commune and the take used.
        var firstStage: [Double] = []
        var communeTake = 0
        /// Whether every commune is taken (two-stage): the communes are then strata, deff_c = 1.
        var everyCommune = false
        /// The refusal key when this n_h cannot be drawn.
        var refusalKey: String?
    }

    static func law(_ cell: Cell, stratum: ReferenceStratum, sampleSize n: Int, sizeKey: String) -> StratumLaw {
        let frameSize = stratum.frameSize
        if cell.selection == .twoStage {
            let communesNeeded = (n + take - 1) / take
            let count = stratum.communeSizes.count
            let every = communesNeeded >= count
            let communeTake = communesNeeded > count ? (n + count - 1) / count : take
            let firstStage = CorpusReference.ppsProbabilities(
                sizes: stratum.communeSizes.map(Double.init), sampleSize: min(communesNeeded, count),
                forced: Array(repeating: false, count: count))
            let open = firstStage.indices.filter { firstStage[$0] < 1 }
            let openJoint = CorpusReference.systematicJoint(open.map { firstStage[$0] })
            let communeJoint = { (i: Int, j: Int) -> Double in
                if i == j { return firstStage[i] }
                if firstStage[i] >= 1 { return firstStage[j] }
                if firstStage[j] >= 1 { return firstStage[i] }
                return openJoint[open.firstIndex(of: i)!][open.firstIndex(of: j)!]
            }
            let secondStage = stratum.communeSizes.map { Double(min(communeTake, $0)) / Double($0) }
            let probabilities = stratum.communeOfUnit.map { firstStage[$0] * secondStage[$0] }
            let joint = { (k: Int, l: Int) -> Double in
                let (i, j) = (stratum.communeOfUnit[k], stratum.communeOfUnit[l])
                if k == l { return probabilities[k] }
                if i == j {
                    let size = Double(stratum.communeSizes[i])
                    let t = Double(min(communeTake, stratum.communeSizes[i]))
                    return firstStage[i] * t * (t - 1) / (size * (size - 1))
                }
                return communeJoint(i, j) * secondStage[i] * secondStage[j]
            }
            return StratumLaw(probabilities: probabilities, joint: joint, exactWeightSum: every, mainCount: nil,
                              firstStage: firstStage, communeTake: communeTake, everyCommune: every)
        }
        let forced = stratum.sizes.map { cell.certainty && cell.unitType == .enterprise && $0 >= 400 }
        let forcedCount = forced.filter { $0 }.count
        if forcedCount >= n {
            guard forcedCount == frameSize else {
                return StratumLaw(probabilities: [], joint: { _, _ in 0 }, exactWeightSum: true, mainCount: nil,
                                  refusalKey: "certainty_employees")
            }
            return StratumLaw(probabilities: forced.map { _ in 1 }, joint: { _, _ in 1 }, exactWeightSum: true,
                              mainCount: frameSize)
        }
        if cell.selection == .ppsSystematic {
            let probabilities = CorpusReference.ppsProbabilities(sizes: stratum.sizes, sampleSize: n, forced: forced)
            if probabilities.contains(where: { $0 <= 0 }) {
                return StratumLaw(probabilities: probabilities, joint: { _, _ in 0 }, exactWeightSum: false, mainCount: nil,
                                  refusalKey: forcedCount > 0 ? "certainty_employees" : sizeKey)
            }
            let open = probabilities.indices.filter { probabilities[$0] < 1 }
            let openJoint = CorpusReference.systematicJoint(open.map { probabilities[$0] })
            let position = Dictionary(uniqueKeysWithValues: open.enumerated().map { ($1, $0) })
            return StratumLaw(probabilities: probabilities, joint: { k, l in
                if k == l { return probabilities[k] }
                if probabilities[k] >= 1 { return probabilities[l] }
                if probabilities[l] >= 1 { return probabilities[k] }
                return openJoint[position[k]!][position[l]!]
            }, exactWeightSum: probabilities.allSatisfy { $0 >= 1 }, mainCount: n)
        }
        // SRS or systematic among the units below the threshold, with every forced unit taken.
        let open = forced.indices.filter { !forced[$0] }
        let draws = n - forcedCount
        let openProbability = Double(draws) / Double(open.count)
        let probabilities = forced.map { $0 ? 1 : openProbability }
        let position = Dictionary(uniqueKeysWithValues: open.enumerated().map { ($1, $0) })
        let systematicJoint = cell.selection == .systematic
            ? CorpusReference.systematicJoint(open.map { _ in openProbability }) : []
        let srsJoint = Double(draws * (draws - 1)) / Double(open.count * (open.count - 1))
        return StratumLaw(probabilities: probabilities, joint: { k, l in
            if k == l { return probabilities[k] }
            if forced[k] { return probabilities[l] }
            if forced[l] { return probabilities[k] }
            return cell.selection == .systematic ? systematicJoint[position[k]!][position[l]!] : srsJoint
        }, exactWeightSum: true, mainCount: n)
    }

    /// The clustering and expected weighting effects the reference assumes at n_h (docs/sampling.md §2).
    static func expectedDesignEffect(_ cell: Cell, _ stratum: ReferenceStratum, _ law: StratumLaw) -> Double {
        let clustering = cell.selection == .twoStage && !law.everyCommune ? 1 + Double(take - 1) * icc : 1
        return clustering * CorpusReference.expectedKishEffect(law.probabilities)
    }

    /// The reference design: n_h per stratum (and the formula n when a whole-sample target raised it), the laws of
    /// the draws, or the key a refusal must name.
    struct Expected {
        var sizes: [Int] = []
        var raised: [Int]?
        var capped: [Bool] = []
        var laws: [StratumLaw] = []
        var refusalKey: String?
    }

    static func expected(_ cell: Cell, _ design: Design, strata: [ReferenceStratum]) -> Expected {
        let household = cell.unitType == .household
        let ids = strata.map(\.id)
        let frameSizes = strata.map(\.frameSize)
        let proportions = ids.map { (household ? householdProportions : enterpriseProportions)[$0]! }
        let costs = ids.map { (household ? householdCosts : enterpriseCosts)[$0]! }
        let minimum = cell.bounds ? 3 : 1
        let maximum = cell.bounds ? (household ? 9 : 5) : Int.max
        let lower = frameSizes.map { min(minimum, $0) }
        let upper = frameSizes.map { min(maximum, $0) }
        let weights = CorpusReference.allocationWeights(design.method, frameSizes: frameSizes, proportions: proportions,
                                                        costs: costs, powerExponent: 0.5)
        let sizeKey = design.sizeRule == .given ? "size" : "precision.margin"
        let capacityKey = cell.bounds ? "maximum_per_stratum" : sizeKey
        let capacity = upper.reduce(0, +)
        func laws(_ sizes: [Int]) -> [StratumLaw] {
            strata.indices.map { law(cell, stratum: strata[$0], sampleSize: sizes[$0], sizeKey: sizeKey) }
        }
        func stratumMargin(_ h: Int, _ size: Int, _ law: StratumLaw) -> Double {
            CorpusReference.margin(sampleSize: size, frameSize: frameSizes[h], proportion: proportions[h],
                                   designEffect: law.probabilities.isEmpty || size == 0
                                       ? 1 : expectedDesignEffect(cell, strata[h], law),
                                   responseRate: 0.9)
        }
        var result = Expected()
        switch design.sizeRule {
        case .given, .totalTarget:
            var total = household ? 12 : 13
            if design.sizeRule == .totalTarget {
                let deff = cell.selection == .twoStage ? 1 + Double(take - 1) * icc : 1
                let formula = CorpusReference.formulaSize(proportion: 0.5, margin: 0.2, designEffect: deff,
                                                          frameSize: frameSizes.reduce(0, +), responseRate: 0.9)
                guard formula >= lower.reduce(0, +) else { return Expected(refusalKey: "minimum_per_stratum") }
                guard formula <= capacity else { return Expected(refusalKey: capacityKey) }
                let overallTotal = Double(frameSizes.reduce(0, +))
                func meets(_ n: Int) -> Bool {
                    let sizes = CorpusReference.allocate(total: n, weights: weights, lower: lower, upper: upper, ids: ids)!
                    let stratumLaws = laws(sizes)
                    var variance = 0.0
                    for h in strata.indices {
                        let share = Double(frameSizes[h]) / overallTotal
                        let e = stratumMargin(h, sizes[h], stratumLaws[h]) / CorpusReference.z95
                        variance += share * share * e * e
                    }
                    return CorpusReference.z95 * variance.squareRoot() <= 0.2 + 1e-12
                }
                // The smallest n from the formula's up that meets the target: the search is a plain scan here.
                guard let needed = (formula...capacity).first(where: meets) else {
                    return Expected(refusalKey: "precision.margin")
                }
                total = needed
                result.raised = needed > formula ? [formula, needed] : nil
            } else {
                guard total >= lower.reduce(0, +) else { return Expected(refusalKey: "minimum_per_stratum") }
                guard total <= capacity else { return Expected(refusalKey: capacityKey) }
            }
            result.sizes = CorpusReference.allocate(total: total, weights: weights, lower: lower, upper: upper, ids: ids)!
            result.capped = strata.map { _ in false }
        case .perStratumTarget:
            for h in strata.indices {
                let deff = cell.selection == .twoStage ? 1 + Double(take - 1) * icc : 1
                let formula = CorpusReference.formulaSize(proportion: proportions[h], margin: 0.3, designEffect: deff,
                                                          frameSize: frameSizes[h], responseRate: 0.9)
                let start = min(max(formula, lower[h]), upper[h])
                let needed = (start...upper[h]).first { size in
                    stratumMargin(h, size, law(cell, stratum: strata[h], sampleSize: size, sizeKey: sizeKey)) <= 0.3 + 1e-12
                }
                result.sizes.append(needed ?? upper[h])
                result.capped.append(needed == nil)
            }
        }
        result.laws = laws(result.sizes)
        result.refusalKey = result.laws.first { $0.refusalKey != nil }?.refusalKey
        return result
    }

    // MARK: - The corpus

    @Test(arguments: families)
    func corpus(_ family: Family) throws {
        var simulated: Set<[Int]> = []
        for bounds in [false, true] {
            let cell = Cell(unitType: family.unitType, selection: family.selection, certainty: family.certainty,
                            bounds: bounds)
            try Self.run(cell, simulated: &simulated)
        }
    }

    /// Every design of one cell, each against the reference; then each (stratum, n_h) not yet in `simulated` is
    /// drawn over the seeds.
    static func run(_ cell: Cell, simulated: inout Set<[Int]>) throws {
        let strata = Self.referenceStrata(cell)
        for design in Self.designs() {
            let parameters = Self.parameters(cell, design)
            let dataset = Self.dataset(cell, parameters)
            let expected = Self.expected(cell, design, strata: strata)
            let table = cell.unitType == .household ? "sample.households" : "sample.enterprises"
            let context = Comment(rawValue: "\(cell.testDescription), \(design.description)")
            if let key = expected.refusalKey {
                do {
                    _ = try SampleDesigner.design(cell.unitType, dataset: dataset, seed: 1)
                    Issue.record("\(context.rawValue): accepted; the reference refuses it at \(key)")
                } catch SamplingError.refusedSetting(let refusal) {
                    #expect(refusal.key == "\(table).\(key)", context)
                    #expect(refusal.line != nil && refusal.description.hasPrefix("corpus/survey.toml:"), context)
                } catch {
                    Issue.record("\(context.rawValue): refused without a location: \(error)")
                }
                continue
            }
            let sample: StratifiedSample
            do {
                sample = try SampleDesigner.design(cell.unitType, dataset: dataset, seed: 1)
            } catch {
                Issue.record("\(context.rawValue): refused (\(error)); the reference accepts it with n_h = \(expected.sizes)")
                continue
            }
            try Self.checkStructure(sample, expected: expected, strata: strata, cell: cell, design: design, context: context)
            let frames = try StratumFrame.build(cell.unitType, dataset: dataset, parameters: parameters,
                                                twoStage: cell.selection == .twoStage)
            #expect(frames.map(\.stratum.id.rawValue) == strata.map(\.id), context)
            for (h, frame) in frames.enumerated() {
                // The stratum's draw is the designer's: same units, same π.
                let direct = try Self.draw(frame, sampleSize: expected.sizes[h], parameters: parameters, seed: 1)
                let designed = sample.units.filter { $0.stratumID == frame.stratum.id }
                #expect(direct.units.sorted(by: SampledUnit.outputOrder) == designed, context)
                // A stratum's draw depends on its n_h alone: each (stratum, n_h) of the cell is simulated once.
                guard simulated.insert([h, expected.sizes[h]]).inserted else { continue }
                try Self.simulate(frame, stratum: strata[h], law: expected.laws[h], sampleSize: expected.sizes[h],
                                  parameters: parameters, context: context)
            }
        }
    }

    /// The seed-1 design against the reference: sizes, π and weights, reserves, warnings.
    static func checkStructure(_ sample: StratifiedSample, expected: Expected, strata: [ReferenceStratum], cell: Cell,
                               design: Design, context: Comment) throws {
        let table = cell.unitType == .household ? "sample.households" : "sample.enterprises"
        #expect(sample.rows.map(\.stratumID.rawValue) == strata.map(\.id), context)
        #expect(sample.rows.map(\.allocatedSize) == expected.sizes, context)
        #expect(sample.rows.map(\.cappedAtCeiling) == expected.capped, context)
        #expect(sample.raisedTotal == expected.raised, context)
        if design.sizeRule != .perStratumTarget {
            #expect(sample.allocation?.sizes == expected.sizes, context)
        }
        var expectedWarnings: [String] = []
        var margins: [Double] = []
        for (h, stratum) in strata.enumerated() {
            let law = expected.laws[h]
            let position = Dictionary(uniqueKeysWithValues: stratum.unitIDs.enumerated().map { ($1, $0) })
            let main = sample.mainUnits.filter { $0.stratumID.rawValue == stratum.id }
            let reserves = sample.reserveUnits.filter { $0.stratumID.rawValue == stratum.id }
            for unit in main {
                let k = try #require(position[unit.unitID], context)
                #expect(abs(unit.inclusionProbability - law.probabilities[k]) < 1e-12, context)
                #expect(abs(unit.designWeight * law.probabilities[k] - 1) < 1e-12, context)
            }
            let weightSum = main.reduce(0.0) { $0 + $1.designWeight }
            if law.exactWeightSum {
                #expect(abs(weightSum - Double(stratum.frameSize)) < 1e-9 * Double(stratum.frameSize), context)
            }
            var shortOfReserves = false
            if cell.selection == .twoStage {
                let communes = Set(main.map(\.communeCode.rawValue))
                for (i, code) in stratum.communeCodes.enumerated() where communes.contains(code) {
                    let size = stratum.communeSizes[i]
                    let takeHere = min(law.communeTake, size)
                    #expect(main.filter { $0.communeCode.rawValue == code }.count == takeHere, context)
                    let reserveHere = min(householdReserves, size - takeHere)
                    #expect(reserves.filter { $0.communeCode.rawValue == code }.count == reserveHere, context)
                    shortOfReserves = shortOfReserves || reserveHere < householdReserves
                }
            } else {
                #expect(main.count == law.mainCount, context)
                let reserveCount = min(cell.unitType == .household ? householdReserves : enterpriseReserves,
                                       stratum.frameSize - main.count)
                #expect(reserves.count == reserveCount, context)
                shortOfReserves = reserveCount < (cell.unitType == .household ? householdReserves : enterpriseReserves)
                // A reserve of rank r is in the released sample with π + (1 − π)·r/(N − n).
                for unit in reserves {
                    let pi = law.probabilities[position[unit.unitID]!]
                    let released = pi + (1 - pi) * Double(unit.reserveRank!) / Double(stratum.frameSize - main.count)
                    #expect(abs(unit.inclusionProbability - released) < 1e-12, context)
                }
            }
            if shortOfReserves { expectedWarnings.append("\(table).reserve_per_stratum \(stratum.id)") }
            if expected.capped[h] { expectedWarnings.append("\(table).precision.margin \(stratum.id)") }
            // The margin the drawn sample gives, with the Kish effect of its own weights.
            let clustering = cell.selection == .twoStage
                && Set(main.map(\.communeCode)).count < stratum.communeSizes.count ? 1 + Double(take - 1) * icc : 1
            let kish = CorpusReference.kishEffect(main.map(\.designWeight))
            let proportion = (cell.unitType == .household ? householdProportions : enterpriseProportions)[stratum.id]!
            let margin = CorpusReference.margin(sampleSize: main.count, frameSize: stratum.frameSize,
                                                proportion: proportion, designEffect: clustering * kish, responseRate: 0.9)
            margins.append(margin)
            #expect(abs(sample.rows[h].precision.margin.absolute - margin) < 1e-9, context)
        }
        if design.sizeRule == .given {
            let total = Double(strata.reduce(0) { $0 + $1.frameSize })
            let overall = CorpusReference.z95 * strata.indices.reduce(0.0) { sum, h in
                let share = Double(strata[h].frameSize) / total
                return sum + share * share * (margins[h] / CorpusReference.z95) * (margins[h] / CorpusReference.z95)
            }.squareRoot()
            #expect(abs(sample.overallPrecision.absolute - overall) < 1e-9, context)
            if overall > 0.25 + 1e-12 { expectedWarnings.append("\(table).size whole sample") }
        }
        // Each warning by its key and what it names: the stratum ("stratum EN-942 has …") or the whole sample.
        let warnings = sample.warnings.map { warning -> String in
            if warning.message.contains("whole sample") { return "\(warning.subject) whole sample" }
            let words = warning.message.split(separator: " ")
            return "\(warning.subject) \(words.first == "stratum" && words.count > 1 ? String(words[1]) : warning.message)"
        }
        #expect(warnings.sorted() == expectedWarnings.sorted(), context)
    }

    /// One stratum's draw at n_h exactly as `SampleDesigner` makes it: the frame it builds and the stratum's own
    /// stream of the seed. A draw depends on nothing else, so the corpus simulates each (stratum, n_h) once.
    static func draw(_ frame: StratumFrame, sampleSize: Int, parameters: SampleDesignParameters,
                     seed: UInt64) throws -> StratumDraw {
        var generator = Xoshiro256StarStar(seed: seed, stream: frame.stratum.id.rawValue)
        return parameters.selection == .twoStage
            ? try StratumDraw.twoStage(frame: frame, sampleSize: sampleSize, parameters: parameters, using: &generator)
            : try StratumDraw.oneStage(frame: frame, sampleSize: sampleSize, parameters: parameters, using: &generator)
    }

    static let replicates = 2_000

    /// The stratum drawn with seeds 1…R: unit frequencies against π, pair frequencies against π_kl, the HT
    /// count Σw against N_h.
    static func simulate(_ frame: StratumFrame, stratum: ReferenceStratum, law: StratumLaw, sampleSize: Int,
                         parameters: SampleDesignParameters, context: Comment) throws {
        let size = stratum.frameSize
        let position = Dictionary(uniqueKeysWithValues: stratum.unitIDs.enumerated().map { ($1, $0) })
        var counts = Array(repeating: 0, count: size)
        var pairCounts = Array(repeating: 0, count: size * size)
        var weightSums: [Double] = []
        var mismatches = 0
        for seed in 1...UInt64(replicates) {
            let draw = try Self.draw(frame, sampleSize: sampleSize, parameters: parameters, seed: seed)
            var drawn: [Int] = []
            var sum = 0.0
            for unit in draw.units where unit.role == .main {
                let k = try #require(position[unit.unitID], context)
                drawn.append(k)
                sum += unit.designWeight
                if abs(unit.inclusionProbability - law.probabilities[k]) >= 1e-12 { mismatches += 1 }
            }
            for k in drawn {
                counts[k] += 1
                for l in drawn where l > k { pairCounts[k * size + l] += 1 }
            }
            weightSums.append(sum)
        }
        #expect(mismatches == 0, "\(context.rawValue): \(stratum.id) π differs from the reference in \(mismatches) draws")
        // z-scores of units and pairs with enough expected draws for the normal approximation (R·π and
        // R·(1 − π) ≥ 20); π = 1 must be drawn every time and π = 0 never.
        var scores: [(what: String, z: Double)] = []
        let r = Double(replicates)
        func score(_ what: String, count: Int, probability: Double) {
            if probability >= 1 - 1e-12 {
                if count != replicates { Issue.record("\(context.rawValue): \(what): π = 1 but drawn \(count) of \(replicates)") }
            } else if probability <= 1e-12 {
                if count != 0 { Issue.record("\(context.rawValue): \(what): π = 0 but drawn \(count) times") }
            } else if r * probability >= 20, r * (1 - probability) >= 20 {
                let se = (probability * (1 - probability) / r).squareRoot()
                scores.append((what, (Double(count) / r - probability) / se))
            }
        }
        for k in 0..<size {
            score(stratum.unitIDs[k], count: counts[k], probability: law.probabilities[k])
            for l in (k + 1)..<max(k + 1, size) {
                score("\(stratum.unitIDs[k])+\(stratum.unitIDs[l])", count: pairCounts[k * size + l],
                      probability: law.joint(k, l))
            }
        }
        // The HT count Σw is N_h in expectation, and in every draw where the law says so.
        let mean = weightSums.reduce(0, +) / r
        let variance = weightSums.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / (r - 1)
        // A law can give the same Σw in every draw without the reference saying so (a self-weighting two-stage
        // stratum: Σ M_i/(a·M_i/ΣM) = ΣM): then it must be N_h in every draw.
        if law.exactWeightSum || variance < 1e-20 * Double(size * size) {
            #expect(weightSums.allSatisfy { abs($0 - Double(size)) < 1e-9 * Double(size) }, context)
        } else {
            scores.append(("Σw", (mean - Double(size)) / (variance / r).squareRoot()))
        }
        let bound = CorpusReference.zBound(count: scores.count)
        let worst = scores.max { abs($0.z) < abs($1.z) }
        #expect(worst.map { abs($0.z) < bound } ?? true,
                "\(context.rawValue): \(stratum.id) n = \(sampleSize): \(worst?.what ?? "") z = \(worst?.z ?? 0), bound \(bound) over \(scores.count)")
    }
}
