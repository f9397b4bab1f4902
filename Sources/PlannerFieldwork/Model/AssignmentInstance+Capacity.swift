import PlannerCore

extension AssignmentInstance {
    /// The shortfall proof every plan reports (`SolverStatistics.unservedLowerBound`): the larger of the pattern
    /// LP's (nil for pooled models, which have none) and the count of working minutes below.
    func unservedLowerBound(provenByLP proven: Int?) -> Int {
        max(proven ?? 0, unservedByCapacity)
    }

    /// The fewest units every plan leaves unserved, by counting working minutes alone: a proof that needs no LP,
    /// so pooled (large) plans and re-plans have one too, and the pattern LP's proof is never weaker than it.
    ///
    /// A day's work — interviews, moves and road legs — fits the enumerator's daily minutes B (`DayTimeline`), and
    /// a day of k visits at no more than S sites (`maxCommunesPerDay`) has at least k − S moves of m minutes; the
    /// road, the break and office hours only take more. So k visits of kinds with interview minutes iₜ need
    /// Σ (iₜ + m) ≤ B + S·m. An enumerator with one skill makes at most ⌊(B + S·m) / (i + m)⌋ visits a day; one
    /// with both shares (B + S·m) minutes a day between the kinds. The most visits all usable days can hold is then
    /// the optimum of a small LP — dedicated capacity first, the shared minutes to the cheaper visits — rounded
    /// down, and every unit beyond it is left unserved by every plan with this staff and calendar. It ignores who can
    /// reach which site, so it proves only gross overloads; the pattern LP proves the rest.
    var unservedByCapacity: Int {
        let move = Double(parameters.withinCommuneMoveMinutes)
        let slack = Double(max(1, parameters.maxCommunesPerDay)) * move
        func perVisit(_ kind: FieldworkUnit.Kind) -> Double { Double(interviewMinutes(kind)) + move }
        var units: [FieldworkUnit.Kind: Double] = [:]
        for demand in demands { units[demand.kind, default: 0] += Double(demand.count) }
        var dedicated: [FieldworkUnit.Kind: Double] = [:]
        var sharedMinutes = 0.0
        for worker in workers {
            let days = Double(worker.usableDays.count)
            let day = Double(worker.enumerator.dailyMinutes) + slack
            let kinds = FieldworkUnit.Kind.allCases.filter { worker.enumerator.skills.contains($0.requiredSkill) }
            if kinds.count == 1, let kind = kinds.first {
                dedicated[kind, default: 0] += days * (day / perVisit(kind)).rounded(.down)
            } else if kinds.count > 1 {
                sharedMinutes += days * day
            }
        }
        var servable = 0.0
        var left: [FieldworkUnit.Kind: Double] = [:]
        for kind in FieldworkUnit.Kind.allCases {
            let served = min(units[kind, default: 0], dedicated[kind, default: 0])
            servable += served
            left[kind] = units[kind, default: 0] - served
        }
        for kind in FieldworkUnit.Kind.allCases.sorted(by: { perVisit($0) < perVisit($1) }) {
            let served = min(left[kind, default: 0], sharedMinutes / perVisit(kind))
            servable += served
            sharedMinutes -= served * perVisit(kind)
        }
        let total = units.values.reduce(0, +)
        // Rounded so that a servable count a rounding error below an integer proves no unit more.
        return max(0, Int(total - (servable + 1e-6).rounded(.down)))
    }
}
