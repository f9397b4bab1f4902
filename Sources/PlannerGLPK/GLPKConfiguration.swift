/// GLPK's own search knobs, which no other backend shares; time limit and gap are in `SolverOptions`.
///
/// `glp_init_iocp` leaves presolve, every cut family, the feasibility pump and proximity search off. The defaults
/// here are what the fieldwork assignment model was measured to need (docs/model.md): the MIP presolver and all
/// four cut families on, the two primal heuristics off.
public struct GLPKConfiguration: Sendable, Hashable {
    /// GLPK's MIP presolver. GLPK builds the presolved problem without column names, so a feasible warm start
    /// turns it off for that solve (the warm start could not be matched to GLPK's columns otherwise).
    public var presolve: Bool
    public var gomoryCuts: Bool
    public var mixedIntegerRoundingCuts: Bool
    public var coverCuts: Bool
    public var cliqueCuts: Bool
    public var feasibilityPump: Bool
    public var proximitySearch: Bool
    /// Limit of each proximity search run; negative or NaN values are refused when solving.
    public var proximitySearchSeconds: Double

    public init(presolve: Bool = true, gomoryCuts: Bool = true, mixedIntegerRoundingCuts: Bool = true,
                coverCuts: Bool = true, cliqueCuts: Bool = true, feasibilityPump: Bool = false,
                proximitySearch: Bool = false, proximitySearchSeconds: Double = 10) {
        self.presolve = presolve
        self.gomoryCuts = gomoryCuts
        self.mixedIntegerRoundingCuts = mixedIntegerRoundingCuts
        self.coverCuts = coverCuts
        self.cliqueCuts = cliqueCuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.proximitySearchSeconds = proximitySearchSeconds
    }
}
