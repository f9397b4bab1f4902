import PlannerOptimization
import PlannerTestSupport

/// Small models with known answers, and generators for random and hard ones.
public enum TestModels {
    /// 0/1 knapsack: values (24, 13, 23, 15, 16), weights (12, 7, 11, 8, 9), capacity 26.
    public static func knapsack() -> MIPModel {
        var model = MIPModel(name: "knapsack", sense: .maximize)
        let values: [Double] = [24, 13, 23, 15, 16]
        let weights: [Double] = [12, 7, 11, 8, 9]
        let items = values.indices.map { model.addVariable("take_\($0)", kind: .binary, objective: values[$0]) }
        model.addConstraint("capacity", zip(items, weights).map { MIPModel.Term($0, $1) }, upperBound: 26)
        return model
    }

    /// n×n assignment with cost (i·3 + j·5) mod 7 + 1: every agent does one task, every task gets one agent.
    public static func assignment(size: Int) -> MIPModel {
        var model = MIPModel(name: "assignment")
        var x: [[MIPModel.VariableID]] = []
        for agent in 0..<size {
            x.append((0..<size).map { task in
                model.addVariable("x_\(agent)_\(task)", kind: .binary, objective: Double((agent * 3 + task * 5) % 7 + 1))
            })
        }
        for agent in 0..<size {
            model.addConstraint("agent_\(agent)", x[agent].map { MIPModel.Term($0, 1) }, lowerBound: 1, upperBound: 1)
        }
        for task in 0..<size {
            model.addConstraint("task_\(task)", (0..<size).map { MIPModel.Term(x[$0][task], 1) },
                                lowerBound: 1, upperBound: 1)
        }
        return model
    }

    /// Multi-dimensional 0/1 knapsack (maximise), weights 5…99, each capacity half the row's total weight.
    public static func multiKnapsack(items: Int, dimensions: Int, seed: UInt64, objectiveConstant: Double = 0) -> MIPModel {
        var generator = SplitMix64(seed: seed)
        var model = MIPModel(name: "multi_knapsack", sense: .maximize, objectiveConstant: objectiveConstant)
        let x = (0..<items).map {
            model.addVariable("x\($0)", kind: .binary, objective: Double(Int.random(in: 10...99, using: &generator)))
        }
        for row in 0..<dimensions {
            let weights = x.map { _ in Double(Int.random(in: 5...99, using: &generator)) }
            model.addConstraint("dim\(row)", zip(x, weights).map { MIPModel.Term($0, $1) },
                                upperBound: (weights.reduce(0, +) / 2).rounded(.down))
        }
        return model
    }

    /// A market-split instance (Cornuéjols & Dawande) with a planted solution: equality rows Σ a_ij x_j = a_i·x*,
    /// a_ij in 0…99, plus a cost to minimise. Branch-and-bound cannot find a feasible point quickly, so a short
    /// time limit ends without one unless a warm start supplies it.
    public static func plantedMarketSplit(rows: Int, columns: Int, seed: UInt64) -> (model: MIPModel, planted: [Double]) {
        var generator = SplitMix64(seed: seed)
        var model = MIPModel(name: "market_split")
        let planted = (0..<columns).map { _ in Double(Int.random(in: 0...1, using: &generator)) }
        let x = (0..<columns).map {
            model.addVariable("x\($0)", kind: .binary, objective: Double(Int.random(in: 1...20, using: &generator)))
        }
        for row in 0..<rows {
            let a = x.map { _ in Double(Int.random(in: 0...99, using: &generator)) }
            let target = zip(a, planted).reduce(0) { $0 + $1.0 * $1.1 }
            model.addConstraint("split\(row)", zip(x, a).map { MIPModel.Term($0, $1) },
                                lowerBound: target, upperBound: target)
        }
        return (model, planted)
    }

    /// A random small pure-integer model for brute-force comparison: 2–6 variables with domains of up to
    /// 4 values, 1–4 rows of every kind (≤, ≥, =, ranged), either sense, a constant.
    public static func randomSmall(seed: UInt64) -> MIPModel {
        var generator = SplitMix64(seed: seed)
        let sense: MIPModel.Sense = Bool.random(using: &generator) ? .minimize : .maximize
        var model = MIPModel(name: "random_\(seed)", sense: sense,
                             objectiveConstant: Double(Int.random(in: -10...10, using: &generator)))
        let variableCount = Int.random(in: 2...6, using: &generator)
        let x = (0..<variableCount).map { index -> MIPModel.VariableID in
            let objective = Double(Int.random(in: -5...5, using: &generator))
            if Int.random(in: 0..<3, using: &generator) == 0 {
                return model.addVariable("b\(index)", kind: .binary, objective: objective)
            }
            let lower = Double(Int.random(in: -3...2, using: &generator))
            let span = Double(Int.random(in: 0...3, using: &generator))
            return model.addVariable("n\(index)", kind: .integer, lowerBound: lower, upperBound: lower + span,
                                     objective: objective)
        }
        for row in 0..<Int.random(in: 1...4, using: &generator) {
            let terms = x.filter { _ in Int.random(in: 0..<3, using: &generator) > 0 }
                .map { MIPModel.Term($0, Double(Int.random(in: -4...4, using: &generator))) }
            let side = Double(Int.random(in: -6...6, using: &generator))
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: model.addConstraint("r\(row)", terms, upperBound: side)
            case 1: model.addConstraint("r\(row)", terms, lowerBound: side)
            case 2: model.addConstraint("r\(row)", terms, lowerBound: side, upperBound: side)
            default: model.addConstraint("r\(row)", terms, lowerBound: side, upperBound: side + 3)
            }
        }
        return model
    }
}
