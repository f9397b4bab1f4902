/// A mixed-integer rounding (MIR) inequality of one demand's cover row: valid for every plan, over every day
/// pattern there is, so it tightens the LP relaxation without cutting off any plan, and column generation keeps it
/// (a pattern's coefficient depends only on how many units of the demand it visits, which pricing enumerates).
///
/// The cover row Σ aₖ·xₖ ≥ n (a day-trip or pattern visits aₖ units of the demand; the unserved column counts 1),
/// divided by δ, with f = frac(n/δ) > 0, gives Σ F(aₖ/δ)·xₖ ≥ ⌈n/δ⌉ for non-negative integers xₖ, where
/// F(α) = ⌊α⌋ + min(frac(α), f)/f (Marchand and Wolsey's MIR function). The day-count row is the weaker
/// Chvátal–Gomory rounding ⌈aₖ/M⌉ for δ = M. On the default dataset the pattern LP over every pattern goes from
/// 9,149 to 9,382 with them (`PatternGeneration.tightenBound`); over the generated columns alone (the exported
/// model) they reach 9,716, because patterns priced with the cuts' duals visit just the remainders that dodge them.
public struct CoverCut: Sendable, Hashable {
    /// The demand whose cover row was rounded.
    public let demand: Int
    /// δ.
    public let divisor: Int
    /// n mod δ, over 0: f·δ.
    let remainder: Int
    /// ⌈n / δ⌉.
    public let rightHandSide: Int

    /// The cut of a cover row of `units` divided by `divisor`; nil when n/δ is whole (the row's rounding then
    /// cuts nothing).
    init?(demand: Int, units: Int, divisor: Int) {
        guard divisor >= 2, units > 0, units % divisor != 0 else { return nil }
        self.demand = demand
        self.divisor = divisor
        remainder = units % divisor
        rightHandSide = (units + divisor - 1) / divisor
    }

    /// F(a/δ) for a column visiting `visits` units of the demand, in integers: ⌊a/δ⌋ + min(a mod δ, r)/r.
    public func coefficient(visits: Int) -> Double {
        guard visits > 0 else { return 0 }
        return Double(visits / divisor) + Double(min(visits % divisor, remainder)) / Double(remainder)
    }
}
