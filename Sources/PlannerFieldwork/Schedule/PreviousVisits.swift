import PlannerCore

/// A re-plan's previous visits as `TripScheduler` dates the solution's days around them: which units each
/// enumerator held on each date, by demand.
struct PreviousVisits {
    private struct Key: Hashable {
        var worker: Int
        var date: CalendarDate
        var demand: Int
    }

    /// Units of a demand held by a worker on a date, by ID.
    private let unitsByKey: [Key: [FieldworkUnit]]

    init(_ visits: [VisitAssignment], instance: AssignmentInstance) {
        let index = InstanceIndex(instance)
        var units: [Key: [FieldworkUnit]] = [:]
        for visit in visits {
            guard let worker = index.workerOfEnumerator[visit.enumeratorID],
                  let demand = index.demandOfUnit[visit.unitID], let unit = index.unitsByID[visit.unitID] else { continue }
            units[Key(worker: worker, date: visit.date, demand: demand), default: []].append(unit)
        }
        unitsByKey = units.mapValues { $0.sorted { $0.id < $1.id } }
    }

    func units(of demand: Int, worker: Int, date: CalendarDate) -> [FieldworkUnit] {
        unitsByKey[Key(worker: worker, date: date, demand: demand)] ?? []
    }

    /// The visits a day would repeat on `date`: for each of its trips, as many as the worker held of that demand
    /// that day (at most the trip's visits).
    func repeated(by day: TripScheduler.Day, on date: CalendarDate) -> Int {
        day.trips.reduce(0) { total, trip in
            total + min(trip.visits, units(of: trip.demand, worker: day.worker, date: date).count)
        }
    }

    /// Dates for a worker's days (one each, among `usable`, which has at least as many): the assignment that
    /// repeats the most previous visits (`DateAssignment`, exact); days that repeat none take the earliest dates
    /// left, in their order, as a first plan dates them, so that buffer days stay last.
    func dates(for days: [TripScheduler.Day], worker: Int, usable: [CalendarDate]) -> [CalendarDate] {
        let weights = days.map { day in usable.map { date in repeated(by: day, on: date) } }
        guard weights.contains(where: { $0.contains { $0 > 0 } }) else { return Array(usable.prefix(days.count)) }
        let best = DateAssignment.maximising(weights)
        var dates = [CalendarDate?](repeating: nil, count: days.count)
        var taken = Set<Int>()
        for (day, column) in best.enumerated() where weights[day][column] > 0 {
            dates[day] = usable[column]
            taken.insert(column)
        }
        var free = usable.indices.filter { !taken.contains($0) }[...]
        for day in days.indices where dates[day] == nil {
            dates[day] = usable[free.removeFirst()]
        }
        return dates.map { $0! }
    }
}

/// The assignment of rows to distinct columns (rows ≤ columns) with the largest total weight: the Hungarian
/// method with potentials, O(rows² · columns). Deterministic: ties go the way the method meets them.
enum DateAssignment {
    /// For each row, its column.
    static func maximising(_ weights: [[Int]]) -> [Int] {
        let rows = weights.count
        guard rows > 0 else { return [] }
        let columns = weights[0].count
        precondition(rows <= columns && weights.allSatisfy { $0.count == columns })
        let largest = weights.flatMap { $0 }.max() ?? 0
        // Minimise cost = largest − weight, 1-based as the method is usually written; column 0 is the dummy.
        func cost(_ row: Int, _ column: Int) -> Int { largest - weights[row - 1][column - 1] }
        var u = [Int](repeating: 0, count: rows + 1), v = [Int](repeating: 0, count: columns + 1)
        var rowOfColumn = [Int](repeating: 0, count: columns + 1), way = [Int](repeating: 0, count: columns + 1)
        for row in 1...rows {
            rowOfColumn[0] = row
            var column0 = 0
            var minima = [Int](repeating: Int.max, count: columns + 1)
            var used = [Bool](repeating: false, count: columns + 1)
            repeat {
                used[column0] = true
                let row0 = rowOfColumn[column0]
                var delta = Int.max, column1 = 0
                for column in 1...columns where !used[column] {
                    let reduced = cost(row0, column) - u[row0] - v[column]
                    if reduced < minima[column] { minima[column] = reduced; way[column] = column0 }
                    if minima[column] < delta { delta = minima[column]; column1 = column }
                }
                for column in 0...columns {
                    if used[column] { u[rowOfColumn[column]] += delta; v[column] -= delta } else { minima[column] -= delta }
                }
                column0 = column1
            } while rowOfColumn[column0] != 0
            repeat {
                let column1 = way[column0]
                rowOfColumn[column0] = rowOfColumn[column1]
                column0 = column1
            } while column0 != 0
        }
        var columnOfRow = [Int](repeating: 0, count: rows)
        for column in 1...columns where rowOfColumn[column] != 0 { columnOfRow[rowOfColumn[column] - 1] = column - 1 }
        return columnOfRow
    }
}
