import PlannerCore

/// One stratum's units in their documented sort order, which is the implicit stratification of systematic
/// selection: households by commune code then register line (or listed household ID); enterprises by commune
/// code, then employees descending, then enterprise ID; communes (two-stage) by commune code.
struct StratumFrame: Sendable {
    /// A commune's households: register lines 1…M_i, or the listed households of the commune.
    struct HouseholdBlock: Sendable {
        let commune: Commune
        /// The listing's households of this commune in ID order; nil when households are register lines.
        let listed: ListingIndex.Households?
        /// L_i (listing) or M_i (census count).
        var count: Int { listed?.count ?? commune.households }

        func unitID(at index: Int) -> String {
            if let listed { return listed.id(at: index).rawValue }
            return RegisterLine.unitID(commune: commune.code, line: index + 1)
        }
    }

    let stratum: Stratum
    /// Household strata: communes with at least one household, in code order.
    let blocks: [HouseholdBlock]
    /// Enterprise strata: enterprises in frame order.
    let enterprises: [Enterprise]
    /// Whether household units are the listing's households.
    let usesListing: Bool

    /// Frame size for one-stage selection and allocation: households or enterprises. For a two-stage design
    /// allocation uses the census count `censusHouseholds` instead.
    var unitCount: Int {
        stratum.unitType == .enterprise ? enterprises.count : blocks.reduce(0) { $0 + $1.count }
    }

    var censusHouseholds: Int { blocks.reduce(0) { $0 + $1.commune.households } }

    /// The strata of one unit type with their units, in stratum ID order; strata without units do not exist.
    static func build(_ unitType: UnitType, dataset: Dataset, parameters: SampleDesignParameters,
                      twoStage: Bool) throws -> [StratumFrame] {
        let stratifier = try Stratifier(dataset: dataset, unitType: unitType, parameters: parameters)
        switch unitType {
        case .household:
            let listing = dataset.households.map(ListingIndex.init)
            // One-stage designs on a listing draw from the listed households; two-stage designs select communes
            // by census count whatever the listing says.
            var blocksByStratum: [StratumID: (Stratum, [HouseholdBlock])] = [:]
            for commune in dataset.communes.sorted(by: { $0.code < $1.code }) {
                let listed = listing?.households(of: commune.code)
                let block = HouseholdBlock(commune: commune, listed: listed)
                let size = twoStage ? commune.households : block.count
                guard size > 0 else { continue }
                let stratum = stratifier.stratum(of: commune)
                blocksByStratum[stratum.id, default: (stratum, [])].1.append(block)
            }
            return blocksByStratum.keys.sorted().map { id in
                let (stratum, blocks) = blocksByStratum[id]!
                return StratumFrame(stratum: stratum, blocks: blocks, enterprises: [],
                                    usesListing: dataset.households != nil)
            }
        case .enterprise:
            var byStratum: [StratumID: (Stratum, [Enterprise])] = [:]
            for enterprise in dataset.enterprises {
                let stratum = try stratifier.stratum(of: enterprise)
                byStratum[stratum.id, default: (stratum, [])].1.append(enterprise)
            }
            return byStratum.keys.sorted().map { id in
                let (stratum, members) = byStratum[id]!
                let ordered = members.sorted { a, b in
                    if a.communeCode != b.communeCode { return a.communeCode < b.communeCode }
                    if a.employees != b.employees { return a.employees > b.employees }
                    return a.id < b.id
                }
                return StratumFrame(stratum: stratum, blocks: [], enterprises: ordered, usesListing: false)
            }
        }
    }
}
