/// The units among which reserves replace refusals — a one-stage stratum, or a selected commune of a
/// two-stage design — and the weights that follow from releasing k of its reserves.
///
/// Policy (docs/sampling.md §5): reserves are released one at a time in rank order; after k releases the
/// released sample is the main sample plus reserves 1…k, whoever responded. Reserves are never substituted ad
/// hoc and never mixed into the main sample.
///
/// Design-based part: the reserve list is a simple random sample of the units the main draw did not select,
/// in random order, so a unit's probability of being in the released sample is exactly
/// π_k(r) = π_k + (1 − π_k)·r/(N − n), r the number released — (n + r)/N for equal-probability designs. For
/// a commune, the second stage is an SRS of the first n + r lines of one random ordering, so
/// π2(r) = (take + r)/L_i and π = π1·π2(r).
///
/// Nonresponse part: within the group (a weighting class), respondents' design weights are multiplied by
/// Σ_released d / Σ_respondents d, the inverse of the weighted response rate. For SRS strata this gives
/// N_h/m (m respondents); for a commune (1/π1)·L_i/m_i. This adjustment is a model — it assumes units respond
/// at random within the group — not a property of the design.
public struct ReleaseGroup: Hashable, Sendable {
    /// The stratum ID for a one-stage stratum, or the commune code for a two-stage commune.
    public let groupID: String
    public let stratumID: StratumID
    /// N_h, or L_i (M_i without a listing) for a commune.
    public let frameSize: Int
    /// n_h, or the take in the commune.
    public let mainCount: Int
    /// π1 of the commune, 1 for a one-stage stratum.
    public let firstStageProbability: Double
    /// Main units in ID order, then reserves in rank order.
    public let members: [Member]

    public struct Member: Hashable, Sendable {
        public let unitID: String
        public let role: SampledUnit.Role
        public let reserveRank: Int?
        /// π_k in the main draw of its stage (π2 = take/L_i for a household of a two-stage design).
        public let mainDrawProbability: Double
    }

    public init(groupID: String, stratumID: StratumID, frameSize: Int, mainCount: Int,
                firstStageProbability: Double, members: [Member]) {
        self.groupID = groupID
        self.stratumID = stratumID
        self.frameSize = frameSize
        self.mainCount = mainCount
        self.firstStageProbability = firstStageProbability
        self.members = members
    }

    public var reserveCount: Int { members.filter { $0.role == .reserve }.count }

    /// Probability that a unit with main-draw probability π is in the sample after `released` releases
    /// (this stage only).
    public func stageProbability(mainDrawProbability pi: Double, released: Int) -> Double {
        let notSelected = frameSize - mainCount
        guard released > 0, notSelected > 0 else { return pi }
        return pi + (1 - pi) * Double(released) / Double(notSelected)
    }

    /// Weights of the released units after `released` reserves were released and `respondents` answered.
    ///
    /// - Returns: one entry per released unit, in member order.
    /// - Throws: `SamplingError.invalidRelease` when more reserves are released than exist, a respondent is
    ///   not a released unit, or no released unit responded (the class must then be merged with another).
    public func releasedWeights(released: Int, respondents: Set<String>) throws -> [ReleasedUnitWeight] {
        guard released >= 0, released <= reserveCount else {
            throw SamplingError.invalidRelease("\(released) reserves released in \(groupID), which has \(reserveCount)")
        }
        return try releasedWeights(releasedRanks: Set(released > 0 ? Array(1...released) : []), respondents: respondents)
    }

    /// Weights of the released units when the released reserves are the given ranks, not necessarily 1…r: a
    /// reserve used in the field out of order.
    ///
    /// π_k(r) with r = the number of ranks released stays exact when which ranks were released does not depend
    /// on the units: any r positions of the reserves' random order are a simple random sample of size r of the
    /// units the main draw left. When the field chose the reserve, that is an assumption (hence the warning a
    /// re-plan gives); the nonresponse adjustment is unchanged.
    public func releasedWeights(releasedRanks: Set<Int>, respondents: Set<String>) throws -> [ReleasedUnitWeight] {
        let released = releasedRanks.count
        let ranks = Set(members.compactMap(\.reserveRank))
        guard releasedRanks.isSubset(of: ranks) else {
            throw SamplingError.invalidRelease("ranks \(releasedRanks.subtracting(ranks).sorted()) released in "
                                               + "\(groupID), which has \(reserveCount) reserves")
        }
        let releasedMembers = members.filter { $0.role == .main || $0.reserveRank.map(releasedRanks.contains) == true }
        let releasedIDs = Set(releasedMembers.map(\.unitID))
        for respondent in respondents.sorted() where !releasedIDs.contains(respondent) {
            throw SamplingError.invalidRelease("respondent \(respondent) is not a released unit of \(groupID)")
        }
        let probabilities = releasedMembers.map {
            firstStageProbability * stageProbability(mainDrawProbability: $0.mainDrawProbability, released: released)
        }
        let releasedWeight = probabilities.reduce(0) { $0 + 1 / $1 }
        let respondingWeight = releasedMembers.indices.reduce(0.0) {
            respondents.contains(releasedMembers[$1].unitID) ? $0 + 1 / probabilities[$1] : $0
        }
        guard respondingWeight > 0 else {
            throw SamplingError.invalidRelease("no released unit of \(groupID) responded; merge it with another class")
        }
        let adjustment = releasedWeight / respondingWeight
        return releasedMembers.indices.map { index in
            let member = releasedMembers[index]
            let responded = respondents.contains(member.unitID)
            let designWeight = 1 / probabilities[index]
            return ReleasedUnitWeight(unitID: member.unitID, role: member.role, reserveRank: member.reserveRank,
                                      inclusionProbability: probabilities[index], designWeight: designWeight,
                                      responded: responded, nonresponseAdjustment: adjustment,
                                      finalWeight: responded ? designWeight * adjustment : 0)
        }
    }
}

/// A released unit's weight after reserve releases: the design part and the nonresponse adjustment apart.
public struct ReleasedUnitWeight: Hashable, Sendable {
    public let unitID: String
    public let role: SampledUnit.Role
    public let reserveRank: Int?
    /// Probability of being in the released sample (both stages for a two-stage design).
    public let inclusionProbability: Double
    /// 1/π: design-based.
    public let designWeight: Double
    public let responded: Bool
    /// Σ_released d / Σ_respondents d within the group: a nonresponse model, not design.
    public let nonresponseAdjustment: Double
    /// designWeight × adjustment for respondents, 0 for nonrespondents.
    public let finalWeight: Double
}
