extension SampledUnit {
    /// Whether a unit of the sample is a unit of the plan: every main unit, and a reserve once released to
    /// replace a lost one (docs/replanning.md). The one statement of this rule, for rows read by ID and role
    /// (the verifier) as for sampled units.
    public static func isPlanUnit(role: Role, unitID: String, released: Set<String>) -> Bool {
        role == .main || released.contains(unitID)
    }

    /// The units of `sample` that the plan must account for after `releases`: main units and released reserves,
    /// in sample order.
    public static func planUnits(of sample: [SampledUnit], releases: [ReserveRelease]) -> [SampledUnit] {
        let released = Set(releases.map(\.reserveUnitID))
        return sample.filter { isPlanUnit(role: $0.role, unitID: $0.unitID, released: released) }
    }
}
