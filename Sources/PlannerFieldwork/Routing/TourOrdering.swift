/// Shortest closed tours over small point sets: exact when small, nearest neighbour plus 2-opt when larger.
///
/// A day has few stops of each kind (sites ≤ `maxCommunesPerDay`, visits ≤ a day's interviews), so the exact
/// searches below stay in the thousands of steps; the 2-opt fallback keeps a huge input from stalling a plan.
/// Every tie is broken by the lower index, so the same input always gives the same order.
enum TourOrdering {
    /// Sites up to this many are ordered by trying every permutation.
    static let exactPermutationLimit = 8
    /// Stops up to this many are ordered exactly by dynamic programming over subsets (Held–Karp).
    static let exactDynamicProgrammingLimit = 11

    /// The order of `count` stops that minimises `cost(start→first) + Σ cost(stop→next) + cost(last→start)`,
    /// with `cost(nil, i)` from the start to stop i and `cost(i, nil)` back. Not assumed symmetric.
    static func bestOrder(count: Int, cost: (Int?, Int?) -> Double) -> [Int] {
        guard count > 1 else { return Array(0..<count) }
        // The searches below ask for the same (count + 1)² legs again and again (every one of up to 8! orders),
        // and a leg is a great-circle distance: each is computed once here (node `count` is the entry).
        let size = count + 1
        var legs = [Double](repeating: 0, count: size * size)
        for from in 0..<size {
            for to in 0..<size { legs[from * size + to] = cost(from < count ? from : nil, to < count ? to : nil) }
        }
        let leg: (Int?, Int?) -> Double = { from, to in legs[(from ?? count) * size + (to ?? count)] }
        if count <= exactPermutationLimit { return permutationSearch(count: count, cost: leg) }
        if count <= exactDynamicProgrammingLimit { return heldKarp(count: count, cost: leg) }
        return twoOpt(count: count, cost: leg)
    }

    /// Every order of `count` stops, in lexicographic order (for the few sites of a day).
    static func allOrders(count: Int) -> [[Int]] {
        var current = Array(0..<count)
        var orders = [current]
        while nextPermutation(&current) { orders.append(current) }
        return orders
    }

    static func tourCost(_ order: [Int], cost: (Int?, Int?) -> Double) -> Double {
        guard let first = order.first, let last = order.last else { return 0 }
        var total = cost(nil, first) + cost(last, nil)
        for (from, to) in zip(order, order.dropFirst()) { total += cost(from, to) }
        return total
    }

    /// Every permutation in lexicographic order; the first strictly shortest wins.
    private static func permutationSearch(count: Int, cost: (Int?, Int?) -> Double) -> [Int] {
        var current = Array(0..<count)
        var best = current
        var bestCost = tourCost(current, cost: cost)
        while nextPermutation(&current) {
            let candidate = tourCost(current, cost: cost)
            if candidate < bestCost - 1e-9 {
                best = current
                bestCost = candidate
            }
        }
        return best
    }

    private static func nextPermutation(_ values: inout [Int]) -> Bool {
        guard var pivot = values.indices.dropLast().last(where: { values[$0] < values[$0 + 1] }) else { return false }
        let successor = values.indices.last { values[$0] > values[pivot] }!
        values.swapAt(pivot, successor)
        pivot += 1
        values[pivot...].reverse()
        return true
    }

    /// Held–Karp: best[S][j] = cheapest path from the start through set S ending at j.
    private static func heldKarp(count: Int, cost: (Int?, Int?) -> Double) -> [Int] {
        let full = 1 << count
        var best = Array(repeating: Double.infinity, count: full * count)
        var parent = Array(repeating: -1, count: full * count)
        for j in 0..<count { best[(1 << j) * count + j] = cost(nil, j) }
        for set in 1..<full {
            for last in 0..<count where set & (1 << last) != 0 {
                let value = best[set * count + last]
                guard value < .infinity else { continue }
                for next in 0..<count where set & (1 << next) == 0 {
                    let extended = set | (1 << next)
                    let candidate = value + cost(last, next)
                    if candidate < best[extended * count + next] - 1e-9 {
                        best[extended * count + next] = candidate
                        parent[extended * count + next] = last
                    }
                }
            }
        }
        var bestLast = 0
        var bestTotal = Double.infinity
        for last in 0..<count {
            let total = best[(full - 1) * count + last] + cost(last, nil)
            if total < bestTotal - 1e-9 {
                bestTotal = total
                bestLast = last
            }
        }
        var order: [Int] = []
        var set = full - 1
        var current = bestLast
        while current >= 0 {
            order.append(current)
            let previous = parent[set * count + current]
            set &= ~(1 << current)
            current = previous
        }
        return order.reversed()
    }

    /// Nearest neighbour from the start, then 2-opt segment reversals until none shortens the tour.
    private static func twoOpt(count: Int, cost: (Int?, Int?) -> Double) -> [Int] {
        var remaining = Array(0..<count)
        var order: [Int] = []
        var position: Int? = nil
        while !remaining.isEmpty {
            let nearest = remaining.indices.min { cost(position, remaining[$0]) < cost(position, remaining[$1]) }!
            position = remaining.remove(at: nearest)
            order.append(position!)
        }
        var bestCost = tourCost(order, cost: cost)
        var improved = true
        var passes = 0
        while improved && passes < 100 {
            improved = false
            passes += 1
            for i in 0..<(count - 1) {
                for j in (i + 1)..<count {
                    var candidate = order
                    candidate[i...j].reverse()
                    let candidateCost = tourCost(candidate, cost: cost)
                    if candidateCost < bestCost - 1e-9 {
                        order = candidate
                        bestCost = candidateCost
                        improved = true
                    }
                }
            }
        }
        return order
    }
}
