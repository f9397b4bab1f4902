import PlannerCore

/// A released unit's weight after a re-plan: `ReleaseGroup.releasedWeights` with the units not lost counted
/// as respondents (docs/replanning.md, "Weights").
public struct ReplanWeight: Hashable, Sendable {
    public var groupID: String
    public var unitID: String
    public var role: SampledUnit.Role
    public var reserveRank: Int?
    /// `completed`, `pending` or `nonresponse`.
    public var state: String
    public var inclusionProbability: Double
    public var designWeight: Double
    /// nil when no released unit of the group is left to respond.
    public var nonresponseAdjustment: Double?
    public var finalWeight: Double?

    /// The weights of every group with a released unit, in group and member order.
    ///
    /// Respondents are the released units that are not nonrespondents: those interviewed and those still to be
    /// visited, who are assumed to respond — provisional weights that become final when fieldwork ends. A
    /// group with no respondent left gets its design weights and no final weight: it must be merged with
    /// another class, which the planner does not guess.
    /// - Parameter states: `completed`, `pending` or `nonresponse` by unit ID; a unit absent is pending.
    public static func weights(groups: [ReleaseGroup], releases: [ReserveRelease],
                               states: [String: String]) -> [ReplanWeight] {
        var rows: [ReplanWeight] = []
        for group in groups.sorted(by: { $0.groupID < $1.groupID }) {
            // The ranks released, in order or not (a reserve used in the field out of order).
            let ranks = Set(releases.filter { $0.groupID == group.groupID }.map(\.rank))
            let released = ranks.count
            let members = group.members.filter { $0.role == .main || $0.reserveRank.map(ranks.contains) == true }
            func state(_ unitID: String) -> String { states[unitID] ?? "pending" }
            let respondents = Set(members.map(\.unitID).filter { state($0) != "nonresponse" })
            if let computed = try? group.releasedWeights(releasedRanks: ranks, respondents: respondents) {
                rows += computed.map { weight in
                    ReplanWeight(groupID: group.groupID, unitID: weight.unitID, role: weight.role,
                                 reserveRank: weight.reserveRank, state: state(weight.unitID),
                                 inclusionProbability: weight.inclusionProbability,
                                 designWeight: weight.designWeight, nonresponseAdjustment: weight.nonresponseAdjustment,
                                 finalWeight: weight.finalWeight)
                }
            } else {
                // No respondent left (the only failure possible here: releases never exceed the reserves).
                rows += members.map { member in
                    let pi = group.firstStageProbability
                        * group.stageProbability(mainDrawProbability: member.mainDrawProbability, released: released)
                    return ReplanWeight(groupID: group.groupID, unitID: member.unitID, role: member.role,
                                        reserveRank: member.reserveRank, state: state(member.unitID),
                                        inclusionProbability: pi, designWeight: 1 / pi, nonresponseAdjustment: nil,
                                        finalWeight: nil)
                }
            }
        }
        return rows
    }
}
