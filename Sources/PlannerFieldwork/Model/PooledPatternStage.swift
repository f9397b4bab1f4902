import PlannerOptimization

/// Day patterns for pooled (large) plans: column generation and the dive run on the pools (`PooledInstance`),
/// from the one-site plan's days merged, and the chosen plan is dealt back to the members.
///
/// Before this stage a pooled plan was the one-site plan merged after the solve, and its manifest could only
/// record the day-capacity bound (a gap of 31 % at ×10). The pooled pattern LP is the model the default-sized
/// plans generate, with a pool's days and balance as one worker's: its bound holds for every plan of at most two
/// sites a day, and its dive chooses multi-site days inside the optimisation.
struct PooledPatternStage {
    let pooled: PooledInstance
    let balanceMinutesPerExcessDay: Double

    /// Pooled trip options above which the stage is not run: measured up to ×20 (90,576 pooled options; below).
    /// Beyond, untried: the rounds' and the dive's LPs grow with the instance.
    static let pooledOptionLimit = 100_000

    /// Pooled trip options above which the generation stops after `shortGenerationRounds` rounds, far from
    /// convergence, and dives with `shortGenerationDiveRoundUps` round-ups a round. Up to it (×10: 32 pools, 1,094
    /// sites, about 53,000 pooled options) the generation ends by its own rules (24 rounds at ×10). At ×20 (about
    /// 2,200 sites, 90,576 pooled options) its rounds take 2.5–3 s and it had not converged after 26 rounds, when
    /// 80 % of the 120 s limit ran out, so there was no dive and the plan stayed the one-site plan merged (237,137.7;
    /// with a 300 s limit it converged and the merged start was still the plan). Cut short, it dives (`--time-limit
    /// 120`, printed objective and planning time): after 5 rounds 224,305.7; 8, 222,120.3; 10, 221,525.2 in 81 s;
    /// 12, 219,980.0 in 80 s on a faster moment of the machine, which a slower one would leave without the time to
    /// finish the dive. With 20 round-ups a dive round instead of 40 the dive took 86 rounds instead of 45 for the
    /// same plan (222,057.4 against 222,000.7 after 8 rounds).
    static let shortGenerationThreshold = 80_000
    static let shortGenerationRounds = 10
    static let shortGenerationDiveRoundUps = 40

    /// Seconds the stage needs per pooled trip option, measured at ×10 (about 53,000 pooled options): 34 s on the
    /// 2-core machine (generation 10 s, dive 11 s, the three schedules and the rest 13 s). With less time the clock
    /// cuts the generation, there is no dive, and the plan is the merged start: at `--time-limit 30` the ×10 plan
    /// came 23 s later and 0.3 % cheaper than without the stage. So the stage runs only when the time left is at
    /// least this estimate; the clock remains the safety net on a slower machine.
    static let secondsPerPooledOption = 6.5e-4

    /// Whether `seconds` are enough for the stage on `pooled` (`pooledOptionLimit`, `secondsPerPooledOption`).
    static func fits(_ pooled: PooledInstance, seconds: Double) -> Bool {
        let options = pooled.instance.options.count
        return options <= pooledOptionLimit && seconds >= Double(options) * secondsPerPooledOption
    }

    /// Most patterns a pool adds per round: `PatternGeneration.patternsPerWorkerPerRound` per member, up to this.
    /// With four per pool, as per enumerator, ×10 (32 pools of 10–50) still priced 96 patterns after 66 rounds;
    /// with these it tails off after 25 (0.4 s a round).
    static let mostPatternsPerPool = 48
    /// Columns rounded up per dive round, and rounds at most. A pooled LP has many more fractional columns than a
    /// per-enumerator one: with the default 4 the ×10 dive did not end in 120 rounds. Measured (printed objective,
    /// `--time-limit 120`): 40 a round, ×5 53,123.4 and ×10 106,851.4; 10 a round (300 rounds), 53,223.4 and
    /// 107,538.9; these, 52,989.6 and 106,297.6 (the one-site plans merged: 58,208.2 and 117,247.4).
    static let diveRoundUps = 20
    static let diveRoundLimit = 200

    /// A plan of the pooled model, dealt to the members (options and worker indices of the original instance).
    struct Candidate {
        var days: PooledInstance.Days
        /// Its objective in the pooled model: what the dealt plan costs before the schedule's own improvements.
        var objective: Double
        var fromDive: Bool
    }

    struct Outcome {
        var candidates: [Candidate]
        /// The pooled model with every pattern generated: the model the candidates are solutions of.
        var model: AssignmentModel
        var lowerBound: Double?
        var unservedLowerBound: Int?
        var rounds: Int
        var stoppedByTimeLimit: Bool
    }

    /// - Parameters:
    ///   - start: the one-site plan's days merged (`FieldworkPlanner.mergedStart`), per enumerator.
    ///   - timeLimitSeconds: a safety net, as in `PatternGeneration.generate`.
    ///   - knownBound: a bound on every plan known before the stage (the day-capacity bound), for progress lines.
    func solve(start: PooledInstance.Days, solver: some MIPSolver, timeLimitSeconds: Double, knownBound: Double? = nil,
               progress: (@Sendable (SolveProgress) -> Void)?) throws -> Outcome? {
        let seed = pooled.pooled(start)
        var generation = PatternGeneration(instance: pooled.instance, balanceMinutesPerExcessDay: balanceMinutesPerExcessDay)
        // On large instances re-pricing at every dive round slows each of its LPs (`pricesDuringDive`): at ×10 the
        // dive then ran out of time.
        generation.pricesDuringDive = false
        generation.patternsPerWorker = pooled.pools.map {
            min(PatternGeneration.patternsPerWorkerPerRound * $0.count, Self.mostPatternsPerPool)
        }
        generation.diveRoundUps = Self.diveRoundUps
        if pooled.instance.options.count > Self.shortGenerationThreshold {
            generation.roundLimit = Self.shortGenerationRounds
            generation.diveRoundUps = Self.shortGenerationDiveRoundUps
        }
        generation.diveRoundLimit = Self.diveRoundLimit
        let seedModel = AssignmentModel(instance: pooled.instance, balanceMinutesPerExcessDay: balanceMinutesPerExcessDay,
                                        patterns: seed.patterns)
        let outcome = try generation.generate(solver: solver, initial: seed.patterns, timeLimitSeconds: timeLimitSeconds,
                                              incumbent: seedModel.objective(trips: seed.trips, patterns: seed.counts),
                                              knownBound: knownBound, progress: progress)
        let model = outcome.assignment
        guard !model.model.variables.isEmpty else { return nil }
        let padded = seed.counts + Array(repeating: 0, count: model.patterns.count - seed.counts.count)
        // The merged start dealt evenly, and the dive's plan: the schedule merges days further, by amounts the model
        // does not see, so the planner schedules both and keeps the cheaper print.
        var candidates: [Candidate] = []
        for (plan, fromDive) in [((trips: seed.trips, patterns: padded), false)] + (outcome.dive.map { [($0, true)] } ?? []) {
            guard let filled = model.filledStart(plan) else { continue }
            candidates.append(Candidate(
                days: pooled.dealt(PooledInstance.Days(trips: filled.trips, patterns: model.patterns, counts: filled.patterns)),
                objective: model.objective(trips: filled.trips, patterns: filled.patterns), fromDive: fromDive))
        }
        return Outcome(candidates: candidates, model: model,
                       lowerBound: outcome.lowerBound, unservedLowerBound: outcome.unservedLowerBound,
                       rounds: outcome.rounds, stoppedByTimeLimit: outcome.stoppedByTimeLimit)
    }
}
