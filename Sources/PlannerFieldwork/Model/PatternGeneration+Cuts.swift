import PlannerOptimization

extension PatternGeneration {
    /// What `tightenBound(of:solver:timeLimitSeconds:incumbent:progress:)` proved.
    struct Tightening {
        /// A bound on every plan (from the LP with cuts, priced with their duals); nil without an LP.
        var lowerBound: Double?
        /// Units every plan leaves unserved, by that bound and, converged, by the LP's own unserved units.
        var unservedLowerBound: Int?
        /// Separation rounds that added cuts.
        var cutRounds = 0
        /// The clock stopped it before its own rules did (the bound is still valid, only weaker).
        var stoppedByTimeLimit = false

        /// The better of this bound and the generation's (either may be missing).
        func lowerBound(or generation: Outcome?) -> Double? {
            [generation?.lowerBound, lowerBound].compactMap { $0 }.max()
        }

        /// The larger of the units this phase and the generation prove unserved.
        func unservedLowerBound(or generation: Outcome?) -> Int? {
            [generation?.unservedLowerBound, unservedLowerBound].compactMap { $0 }.max()
        }
    }

    /// Separation rounds. On the default dataset, each round priced to convergence, the LP went 9,149.4 → 9,316.5,
    /// 9,364.7, 9,378.7, 9,381.5, 9,381.9, then 9,382.0 in two more rounds of 4 and 1 cuts.
    static let maximumCutRounds = 5

    /// A bound on every plan, tighter than the generation's: the LP of `assignment` (the trips and every pattern
    /// generated, with no cut) is solved again, cut by the cover rows' rounding cuts (`CoverCut`) its values violate,
    /// and priced with the cuts' duals until no pattern prices out, for at most `cutRoundLimit` rounds. Each cut
    /// holds for every plan, so every round's Lagrangian bound does too.
    ///
    /// First plans add the same cuts during generation, before the dive (`cutRoundsBeforeDive`). Re-plans run this
    /// phase after the plan is chosen, on what time is left, so that it changes none of their plans: with the cuts
    /// before their dive (one of their starts; the previous plan's days are the other) the re-plans as of 5 October
    /// with half and three of five enumerators gone came out dearer and slower (8,257.4 → 8,295.9, 5.8 → 10.3 s;
    /// 10,409.7 → 10,853.2, 11.5 → 28.6 s). The plan's model never carries a cut.
    func tightenBound(of assignment: AssignmentModel, solver: some MIPSolver, timeLimitSeconds: Double,
                      incumbent: Double?, progress: (@Sendable (SolveProgress) -> Void)? = nil) throws -> Tightening {
        var tightening = Tightening()
        guard cutRoundLimit > 0, timeLimitSeconds > 0, !assignment.model.variables.isEmpty else { return tightening }
        let start = ContinuousClock.now
        var assignment = assignment
        var known = Set(assignment.patterns)
        let profiles = Pricing.profiles(of: instance)
        let patternLimits = self.patternLimits
        let pricing = makePricing()
        // LP values since the last cuts were added, for tailing off.
        var values: [Double] = []
        var done = false
        func record(bound: Double) {
            tightening.lowerBound = max(tightening.lowerBound ?? 0, bound)
            tightening.unservedLowerBound = max(tightening.unservedLowerBound ?? 0, Self.unservedUnits(
                provenBy: bound, penalty: assignment.costs.unservedPenalty))
        }
        _ = try solver.iterateRelaxation(assignment.model, options: SolverOptions(timeLimitSeconds: timeLimitSeconds)) { lp in
            guard !done, let value = lp.objective, lp.rowDuals.count == assignment.model.constraints.count,
                  lp.values.count == assignment.model.variables.count else {
                done = true
                return RelaxationChange()
            }
            let duals = Pricing.Duals(model: assignment, rowDuals: lp.rowDuals)
            var lagrangian = value
            var priced: [DayPattern] = []
            var pricedPartly = false
            for (profile, pricedProfile) in zip(profiles, pricing.price(profiles: profiles, duals: duals)) {
                for (worker, best) in zip(profile, pricedProfile) {
                    pricedPartly = pricedPartly || !best.complete
                    lagrangian += lagrangianTerm(of: worker, best)
                    for pattern in best.patterns.prefix(patternLimits[worker]) where known.insert(pattern).inserted {
                        priced.append(pattern)
                    }
                }
            }
            record(bound: lagrangian)
            defer {
                let bound = tightening.lowerBound.flatMap { $0 > 0 ? $0 : nil }
                progress?(SolveProgress(
                    incumbent: incumbent, bestBound: bound,
                    relativeGap: incumbent.flatMap { best in bound.map { max(0, best - $0) / max(abs(best), 1e-9) } },
                    elapsedSeconds: FieldworkPlanner.seconds(since: start), openNodes: 0,
                    activity: "bound with cuts, round \(tightening.cutRounds)"))
            }
            values.append(value)
            if priced.isEmpty && !pricedPartly {
                // Optimal over every pattern with these cuts: its value is the bound, its unserved units a proof.
                record(bound: value)
                let unserved = assignment.unservedVariables.reduce(0.0) { $0 + lp.values[$1.index] }
                tightening.unservedLowerBound = max(tightening.unservedLowerBound ?? 0,
                                                    Int((unserved - 1e-6).rounded(.up)))
            } else if !priced.isEmpty, !Self.tailsOff(values), values.count < Self.maximumRounds {
                return RelaxationChange(columns: priced.map { assignment.append($0) })
            }
            let cuts = tightening.cutRounds < cutRoundLimit ? assignment.violatedCoverCuts(values: lp.values) : []
            guard !cuts.isEmpty else {
                done = true
                return RelaxationChange()
            }
            tightening.cutRounds += 1
            values = []
            // The columns first: the cuts' rows are over them too.
            let columns = priced.map { assignment.append($0) }
            return RelaxationChange(columns: columns, rows: cuts.map { assignment.add($0) })
        }
        tightening.stoppedByTimeLimit = !done
        return tightening
    }
}
