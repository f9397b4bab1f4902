import PlannerOptimization

/// The enumerator-day MIP of an instance, with the handles that turn a solution back into days.
///
/// Columns: integer `y[e,s,t]` one-site day-trips (one per `TripOption`), integer `d[e,k]` multi-site or
/// mixed-work day patterns (one per `DayPattern`, generated from the LP duals by `PatternGeneration`), integer
/// `unserved[s,t]` and continuous `excess[e]` days above the fair share. Rows: cover each demand, stay within
/// each enumerator's days, count excess days, and a rounded day-count row per demand that the solver's cuts would
/// otherwise have to find. See docs/model.md for the notation and why the penalty makes coverage come first.
public struct AssignmentModel: Sendable {
    public private(set) var model: MIPModel
    /// One per `AssignmentInstance.options`.
    public let tripVariables: [MIPModel.VariableID]
    /// One per `AssignmentInstance.demands`.
    public let unservedVariables: [MIPModel.VariableID]
    /// One per worker that has at least one option; nil for the others.
    public let excessVariables: [MIPModel.VariableID?]
    /// The day patterns offered to the solver, and their columns (one each).
    public private(set) var patterns: [DayPattern] = []
    public private(set) var patternVariables: [MIPModel.VariableID] = []
    /// Rows, for reading an LP's duals: cover and day-count rows per demand, days and balance rows per worker.
    public let coverRows: [Int]
    public let tripRows: [Int?]
    public let dayRows: [Int?]
    public let balanceRows: [Int?]
    /// Rounding cuts of the cover rows (`CoverCut`), each with its row; added by the pattern generation's bound
    /// phase only, so the models the plan is searched on carry none.
    public private(set) var coverCuts: [(cut: CoverCut, row: Int)] = []
    /// Positions in `coverCuts`, by demand.
    private var cutsOfDemand: [Int: [Int]] = [:]
    /// Objective minutes per unit left unserved: more than every other term of any plan can add up to
    /// (Σₑ dₑ·(Bₑ + c_bal): no day travels more than its daily minutes), so a plan that serves more units
    /// always has the lower objective — coverage first, lexicographically, then travel and balance.
    public let unservedPenalty: Double
    /// Objective minutes per enumerator-day above the fair share (`workloadBalanceWeight` × minutes per day).
    public let excessDayCost: Double

    /// The weights alone, for what needs no model.
    public let costs: AssignmentCosts

    let instance: AssignmentInstance

    public init(instance: AssignmentInstance, balanceMinutesPerExcessDay: Double, patterns: [DayPattern] = []) {
        self.instance = instance
        let costs = AssignmentCosts(instance: instance, balanceMinutesPerExcessDay: balanceMinutesPerExcessDay)
        self.costs = costs
        let excessDayCost = costs.excessDayCost
        let unservedPenalty = costs.unservedPenalty
        var names = ModelNames()
        var model = MIPModel(name: "fieldwork_days")

        var trips: [MIPModel.VariableID] = []
        for option in instance.options {
            let worker = instance.workers[option.workerIndex]
            let demand = instance.demands[option.demandIndex]
            trips.append(model.addVariable(
                names.make("y", worker.enumerator.id.rawValue, instance.site(of: demand).id, demand.kind.code),
                kind: .integer, lowerBound: 0, upperBound: Double(option.maximumTrips),
                objective: option.roundTripMinutes))
        }
        var unserved: [MIPModel.VariableID] = []
        for demand in instance.demands {
            unserved.append(model.addVariable(
                names.make("unserved", instance.site(of: demand).id, demand.kind.code),
                kind: .integer, lowerBound: 0, upperBound: Double(demand.count), objective: unservedPenalty))
        }
        var excess: [MIPModel.VariableID?] = []
        for (index, worker) in instance.workers.enumerated() {
            guard !instance.optionsOfWorker[index].isEmpty else {
                excess.append(nil)
                continue
            }
            excess.append(model.addVariable(names.make("excess", worker.enumerator.id.rawValue), kind: .continuous,
                                            lowerBound: 0, upperBound: nil, objective: excessDayCost))
        }

        var coverRows: [Int] = [], tripRows: [Int?] = []
        for (demandIndex, demand) in instance.demands.enumerated() {
            let site = instance.site(of: demand).id
            let optionIndices = instance.optionsOfDemand[demandIndex]
            var cover = optionIndices.map {
                MIPModel.Term(trips[$0], Double(instance.options[$0].visitsPerTrip))
            }
            cover.append(MIPModel.Term(unserved[demandIndex], 1))
            coverRows.append(model.constraints.count)
            model.addConstraint(names.make("cover", site, demand.kind.code), cover, lowerBound: Double(demand.count))
            // Chvátal–Gomory rounding of the cover row divided by the largest visits per day (patterns never
            // make more visits of a demand than the largest one-site day: `PatternGeneration` caps them).
            if let largest = Self.largestVisitsPerDay(instance: instance, demand: demandIndex), largest > 1 {
                var count = optionIndices.map { MIPModel.Term(trips[$0], 1) }
                count.append(MIPModel.Term(unserved[demandIndex], 1))
                tripRows.append(model.constraints.count)
                model.addConstraint(names.make("trips", site, demand.kind.code), count,
                                    lowerBound: Double((demand.count + largest - 1) / largest))
            } else {
                tripRows.append(nil)
            }
        }
        var dayRows: [Int?] = [], balanceRows: [Int?] = []
        for (workerIndex, worker) in instance.workers.enumerated() {
            guard let excessVariable = excess[workerIndex] else {
                dayRows.append(nil)
                balanceRows.append(nil)
                continue
            }
            let id = worker.enumerator.id.rawValue
            let days = instance.optionsOfWorker[workerIndex].map { MIPModel.Term(trips[$0], 1) }
            dayRows.append(model.constraints.count)
            model.addConstraint(names.make("days", id), days, upperBound: Double(worker.usableDays.count))
            balanceRows.append(model.constraints.count)
            model.addConstraint(names.make("balance", id), days + [MIPModel.Term(excessVariable, -1)],
                                upperBound: Double(worker.fairShareDays))
        }

        self.model = model
        self.tripVariables = trips
        self.unservedVariables = unserved
        self.excessVariables = excess
        self.unservedPenalty = unservedPenalty
        self.excessDayCost = excessDayCost
        self.coverRows = coverRows
        self.tripRows = tripRows
        self.dayRows = dayRows
        self.balanceRows = balanceRows
        for pattern in patterns { append(pattern) }
    }

    /// The column of the pattern that would be the model's next: its days cover `visits` units of each demand it
    /// visits, count once in that demand's day-count row, and once in its enumerator's days and balance rows.
    /// Column generation hands it to the LP as is; `append` adds it to the model.
    public func column(for pattern: DayPattern) -> MIPModel.Column {
        let worker = instance.workers[pattern.workerIndex]
        var entries: [MIPModel.Column.Entry] = []
        for visits in pattern.visits {
            entries.append(.init(MIPModel.ConstraintID(index: coverRows[visits.demand]), Double(visits.visits)))
            if let row = tripRows[visits.demand] { entries.append(.init(MIPModel.ConstraintID(index: row), 1)) }
            for position in cutsOfDemand[visits.demand] ?? [] {
                let (cut, row) = coverCuts[position]
                let coefficient = cut.coefficient(visits: visits.visits)
                if coefficient > 0 { entries.append(.init(MIPModel.ConstraintID(index: row), coefficient)) }
            }
        }
        for row in [dayRows[pattern.workerIndex], balanceRows[pattern.workerIndex]].compactMap({ $0 }) {
            entries.append(.init(MIPModel.ConstraintID(index: row), 1))
        }
        // Unique without `ModelNames`: no other column's name starts with `d_`, and the index is unique.
        let name = "d_" + ModelNames.sanitized(worker.enumerator.id.rawValue) + "_" + String(patterns.count)
        return MIPModel.Column(name: name, kind: .integer, lowerBound: 0, upperBound: Double(worker.usableDays.count),
                               objective: pattern.travelMinutes, entries: entries)
    }

    /// Adds a pattern's column (`column(for:)`) to the model, and returns it.
    @discardableResult
    public mutating func append(_ pattern: DayPattern) -> MIPModel.Column {
        let column = column(for: pattern)
        // The column names rows of this model only, so adding it cannot fail.
        guard let variable = try? model.addColumn(column) else { return column }
        patterns.append(pattern)
        patternVariables.append(variable)
        return column
    }

    /// Adds the cut's row over the columns of its demand's cover row (and over every pattern appended later), and
    /// returns it, for the live LP.
    @discardableResult
    public mutating func add(_ cut: CoverCut) -> MIPModel.Constraint {
        let cover = model.constraints[coverRows[cut.demand]]
        let terms = cover.terms.compactMap { term -> MIPModel.Term? in
            let coefficient = cut.coefficient(visits: Int(term.coefficient.rounded()))
            return coefficient > 0 ? MIPModel.Term(term.variable, coefficient) : nil
        }
        let row = MIPModel.Constraint(name: cover.name + "_mir" + String(cut.divisor), terms: terms,
                                      lowerBound: Double(cut.rightHandSide))
        cutsOfDemand[cut.demand, default: []].append(coverCuts.count)
        coverCuts.append((cut, model.constraints.count))
        model.addConstraint(row.name, row.terms, lowerBound: row.lowerBound)
        return row
    }

    /// For each demand, the cover-row cut its LP values violate most (by more than `tolerance`), among the divisors
    /// 2…max(n, the largest coefficient) + 1 not yet cut with (above that every divisor gives the same cut). Only
    /// the columns with a positive value count towards a violation.
    public func violatedCoverCuts(values: [Double], tolerance: Double = 1e-3) -> [CoverCut] {
        var found: [CoverCut] = []
        for (demand, row) in coverRows.enumerated() {
            let units = instance.demands[demand].count
            let used = model.constraints[row].terms.compactMap { term -> (visits: Int, value: Double)? in
                let value = values[term.variable.index]
                return value > 1e-9 ? (Int(term.coefficient.rounded()), value) : nil
            }
            guard units > 1, !used.isEmpty else { continue }
            let cutAlready = Set((cutsOfDemand[demand] ?? []).map { coverCuts[$0].cut.divisor })
            let largest = model.constraints[row].terms.map { Int($0.coefficient.rounded()) }.max() ?? 1
            var best: (violation: Double, cut: CoverCut)?
            for divisor in 2...(max(units, largest) + 1) where !cutAlready.contains(divisor) {
                guard let cut = CoverCut(demand: demand, units: units, divisor: divisor) else { continue }
                let left = used.reduce(0.0) { $0 + cut.coefficient(visits: $1.visits) * $1.value }
                let violation = Double(cut.rightHandSide) - left
                if violation > tolerance, violation > best?.violation ?? 0 { best = (violation, cut) }
            }
            if let best { found.append(best.cut) }
        }
        return found
    }

    /// Σₑ dₑ·(Bₑ + c_bal) + 1 over the enumerators with an option, at least 1,000: above the travel and
    /// balance terms of any plan together (see `unservedPenalty`).
    static func unservedPenalty(instance: AssignmentInstance, excessDayCost: Double) -> Double {
        var total = 0.0
        for (index, worker) in instance.workers.enumerated() where !instance.optionsOfWorker[index].isEmpty {
            total += Double(worker.usableDays.count) * (Double(worker.enumerator.dailyMinutes) + excessDayCost)
        }
        return max(1000, (total + 1).rounded(.up))
    }

    /// The most visits of a demand any one-site day makes (M in docs/model.md).
    static func largestVisitsPerDay(instance: AssignmentInstance, demand: Int) -> Int? {
        instance.optionsOfDemand[demand].map { instance.options[$0].visitsPerTrip }.max()
    }

    /// The full column vector for a choice of trips and patterns (none by default): unserved units and excess
    /// days take their least values.
    public func solutionVector(trips: [Int], patterns patternCounts: [Int] = []) -> [Double] {
        var values = Array(repeating: 0.0, count: model.variables.count)
        for (option, variable) in zip(instance.options.indices, tripVariables) { values[variable.index] = Double(trips[option]) }
        var covered = Array(repeating: 0, count: instance.demands.count)
        var days = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in trips.enumerated() where count > 0 {
            covered[instance.options[option].demandIndex] += count * instance.options[option].visitsPerTrip
            days[instance.options[option].workerIndex] += count
        }
        for (index, count) in patternCounts.enumerated() where count > 0 && index < patterns.count {
            values[patternVariables[index].index] = Double(count)
            for visits in patterns[index].visits { covered[visits.demand] += count * visits.visits }
            days[patterns[index].workerIndex] += count
        }
        for (demandIndex, demand) in instance.demands.enumerated() {
            values[unservedVariables[demandIndex].index] = Double(max(0, demand.count - covered[demandIndex]))
        }
        for (workerIndex, worker) in instance.workers.enumerated() {
            guard let variable = excessVariables[workerIndex] else { continue }
            values[variable.index] = Double(max(0, days[workerIndex] - worker.fairShareDays))
        }
        return values
    }

    /// The model's objective for a choice of trips and patterns.
    public func objective(trips: [Int], patterns patternCounts: [Int] = []) -> Double {
        model.objectiveValue(of: solutionVector(trips: trips, patterns: patternCounts))
    }

    /// Units the choice leaves unserved.
    public func unservedUnits(trips: [Int], patterns patternCounts: [Int] = []) -> Int {
        let values = solutionVector(trips: trips, patterns: patternCounts)
        return unservedVariables.reduce(0) { $0 + Int(values[$1.index].rounded()) }
    }

    /// Days per pattern read from a solver's column values.
    public func patternCounts(from values: [Double]) -> [Int] {
        patternVariables.map { Int(values[$0.index].rounded()) }
    }

    /// Trips per option read from a solver's column values (rounded: integrality holds up to a tolerance).
    public func trips(from values: [Double]) -> [Int] {
        tripVariables.map { Int(values[$0.index].rounded()) }
    }
}

extension AssignmentModel {
    /// Whether trips keep every column bound and every enumerator's day row: all a schedule relies on (cover
    /// rows always hold, because `unserved` absorbs any shortfall).
    public func respectsBoundsAndDays(_ trips: [Int], patterns patternCounts: [Int] = []) -> Bool {
        guard instance.respectsBoundsAndDays(trips), patternCounts.count <= patterns.count else { return false }
        guard !patternCounts.isEmpty else { return true }
        var days = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in trips.enumerated() { days[instance.options[option].workerIndex] += count }
        for (index, count) in patternCounts.enumerated() {
            guard count >= 0 else { return false }
            days[patterns[index].workerIndex] += count
        }
        return zip(days, instance.workers).allSatisfy { $0.0 <= $0.1.usableDays.count }
    }
}
