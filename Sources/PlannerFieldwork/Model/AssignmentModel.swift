import PlannerOptimization

/// The aggregated day-trip MIP of an instance, with the handles that turn a solution back into trips.
///
/// Columns: integer `y[e,s,t]` day-trips (one per `TripOption`), integer `unserved[s,t]` and continuous
/// `excess[e]` days above the fair share. Rows: cover each demand, stay within each enumerator's days, count
/// excess days, and a rounded trip-count row per demand that the solver's cuts would otherwise have to find.
/// See docs/model.md for the notation and the measurements behind this form.
public struct AssignmentModel: Sendable {
    public let model: MIPModel
    /// One per `AssignmentInstance.options`.
    public let tripVariables: [MIPModel.VariableID]
    /// One per `AssignmentInstance.demands`.
    public let unservedVariables: [MIPModel.VariableID]
    /// One per worker that has at least one option; nil for the others.
    public let excessVariables: [MIPModel.VariableID?]
    /// Objective minutes per unit left unserved: larger than any one day-trip can cost, so the solver serves
    /// every unit it can before it saves travel.
    public let unservedPenalty: Double
    /// Objective minutes per enumerator-day above the fair share (`workloadBalanceWeight` × minutes per day).
    public let excessDayCost: Double

    private let instance: AssignmentInstance

    public init(instance: AssignmentInstance, balanceMinutesPerExcessDay: Double) {
        self.instance = instance
        let excessDayCost = instance.parameters.workloadBalanceWeight * balanceMinutesPerExcessDay
        let longestDay = instance.workers.map { Double($0.enumerator.dailyMinutes) }.max() ?? 0
        let unservedPenalty = max(1000, 10 * (longestDay + excessDayCost)).rounded(.up)
        var names = ModelNames()
        var model = MIPModel(name: "fieldwork_day_trips")

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

        for (demandIndex, demand) in instance.demands.enumerated() {
            let site = instance.site(of: demand).id
            let optionIndices = instance.optionsOfDemand[demandIndex]
            var cover = optionIndices.map {
                MIPModel.Term(trips[$0], Double(instance.options[$0].visitsPerTrip))
            }
            cover.append(MIPModel.Term(unserved[demandIndex], 1))
            model.addConstraint(names.make("cover", site, demand.kind.code), cover, lowerBound: Double(demand.count))
            // Chvátal–Gomory rounding of the cover row divided by the largest visits per trip.
            if let largest = optionIndices.map({ instance.options[$0].visitsPerTrip }).max(), largest > 1 {
                var count = optionIndices.map { MIPModel.Term(trips[$0], 1) }
                count.append(MIPModel.Term(unserved[demandIndex], 1))
                model.addConstraint(names.make("trips", site, demand.kind.code), count,
                                    lowerBound: Double((demand.count + largest - 1) / largest))
            }
        }
        for (workerIndex, worker) in instance.workers.enumerated() {
            guard let excessVariable = excess[workerIndex] else { continue }
            let id = worker.enumerator.id.rawValue
            let days = instance.optionsOfWorker[workerIndex].map { MIPModel.Term(trips[$0], 1) }
            model.addConstraint(names.make("days", id), days, upperBound: Double(worker.usableDays.count))
            model.addConstraint(names.make("balance", id), days + [MIPModel.Term(excessVariable, -1)],
                                upperBound: Double(worker.fairShareDays))
        }

        self.model = model
        self.tripVariables = trips
        self.unservedVariables = unserved
        self.excessVariables = excess
        self.unservedPenalty = unservedPenalty
        self.excessDayCost = excessDayCost
    }

    /// The full column vector for a choice of trips: unserved units and excess days take their least values.
    public func solutionVector(trips: [Int]) -> [Double] {
        var values = Array(repeating: 0.0, count: model.variables.count)
        for (option, variable) in zip(instance.options.indices, tripVariables) { values[variable.index] = Double(trips[option]) }
        for (demandIndex, demand) in instance.demands.enumerated() {
            let covered = instance.optionsOfDemand[demandIndex].reduce(0) {
                $0 + trips[$1] * instance.options[$1].visitsPerTrip
            }
            values[unservedVariables[demandIndex].index] = Double(max(0, demand.count - covered))
        }
        for (workerIndex, worker) in instance.workers.enumerated() {
            guard let variable = excessVariables[workerIndex] else { continue }
            let days = instance.optionsOfWorker[workerIndex].reduce(0) { $0 + trips[$1] }
            values[variable.index] = Double(max(0, days - worker.fairShareDays))
        }
        return values
    }

    /// Trips per option read from a solver's column values (rounded: integrality holds up to a tolerance).
    public func trips(from values: [Double]) -> [Int] {
        tripVariables.map { Int(values[$0.index].rounded()) }
    }
}

extension AssignmentModel {
    /// Whether trips keep every column bound and every enumerator's day row: all a schedule relies on (cover
    /// rows always hold, because `unserved` absorbs any shortfall).
    public func respectsBoundsAndDays(_ trips: [Int]) -> Bool {
        guard trips.count == instance.options.count else { return false }
        var days = Array(repeating: 0, count: instance.workers.count)
        for (option, count) in trips.enumerated() {
            let chosen = instance.options[option]
            guard (0...chosen.maximumTrips).contains(count) else { return false }
            days[chosen.workerIndex] += count
        }
        return zip(days, instance.workers).allSatisfy { $0.0 <= $0.1.usableDays.count }
    }
}
