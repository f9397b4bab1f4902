import Foundation
import PlannerCore
import PlannerFormats
import PlannerSampling

/// A synthetic household listing (`households.csv`) for every commune of a dataset, for tests and benchmarks.
///
/// Each commune gets as many households as its `households` count times `scale` (rounded), or, for a given
/// total, its share of the total by the largest-remainder method (ties to the lower commune code), so that the
/// counts add up exactly. Household `i` of commune `c` is `HH<c>-<i>`, `i` zero-padded to six digits (more if
/// a commune has a million households or more), so IDs sort in line order within a commune. The address,
/// `Hộ số <i>, <commune name>`, is plainly synthetic. The point is uniform within `radiusKilometres` of the
/// commune point and inside the survey's bounding box (see `PointScatter`).
///
/// Deterministic: commune `c` draws from `Xoshiro256StarStar(seed: seed, stream: "households-<c>")`, so the
/// same dataset, size and seed give the same bytes, and changing one commune's count leaves the others alone.
public struct HouseholdListing: Sendable {
    /// How many households each commune gets.
    public enum Size: Hashable, Sendable {
        /// The commune's `households` count times the factor, rounded half up.
        case scale(Double)
        /// Exactly this many in all, shared in proportion to the communes' `households` counts.
        case total(Int)
    }

    public static let header = ["household_id", "commune_code", "address", "lat", "lon"]
    /// How far a household may lie from its commune's point.
    public static let defaultRadiusKilometres = 1.5

    public var size: Size
    public var seed: UInt64
    public var radiusKilometres: Double

    public init(size: Size = .scale(1), seed: UInt64, radiusKilometres: Double = Self.defaultRadiusKilometres) {
        self.size = size
        self.seed = seed
        self.radiusKilometres = radiusKilometres
    }

    /// Households per commune, in the order of `communes`.
    public func counts(for communes: [Commune]) -> [Int] {
        switch size {
        case .scale(let factor):
            return communes.map { Int((Double($0.households) * factor).rounded()) }
        case .total(let total):
            return Self.largestRemainder(total: total, weights: communes.map(\.households),
                                         keys: communes.map(\.code.rawValue))
        }
    }

    /// The listing as CSV bytes (UTF-8, LF), communes in code order, households in line order.
    public func csv(for dataset: Dataset) -> Data {
        let communes = dataset.communes.sorted { $0.code < $1.code }
        let counts = counts(for: communes)
        let scatter = PointScatter(radiusKilometres: radiusKilometres, boundingBox: dataset.settings.boundingBox)
        var csv = CSVBytes(header: Self.header, reservingCapacity: counts.reduce(0, +) * 72)
        for (commune, count) in zip(communes, counts) {
            var generator = Xoshiro256StarStar(seed: seed, stream: "households-\(commune.code.rawValue)")
            let digits = max(6, String(count).count)
            let code = CSVBytes.quotedIfNeeded(commune.code.rawValue)
            // The address always holds a comma, so it is always quoted; quotes in the name are doubled.
            let addressTail = ", " + commune.name.split(separator: "\"", omittingEmptySubsequences: false)
                .joined(separator: "\"\"") + "\""
            guard count > 0 else { continue }
            for line in 1...count {
                csv.appendRaw("HH")
                csv.appendRaw(commune.code.rawValue)
                csv.appendRaw("-")
                csv.appendInteger(line, minimumDigits: digits)
                csv.appendSeparator()
                csv.appendRaw(code)
                csv.appendSeparator()
                csv.appendRaw("\"Hộ số ")
                csv.appendInteger(line)
                csv.appendRaw(addressTail)
                let point = scatter.point(around: commune.location, using: &generator)
                csv.appendSeparator()
                csv.appendSixDecimals(point.latitude)
                csv.appendSeparator()
                csv.appendSixDecimals(point.longitude)
                csv.endRecord()
            }
        }
        return Data(csv.bytes)
    }

    /// Writes the listing to `url` atomically; an existing file is never replaced.
    public func write(for dataset: Dataset, to url: URL) throws(AtomicFile.WriteError) {
        try AtomicFile.write(csv(for: dataset), to: url, overwrite: false)
    }

    /// Hamilton's method: floors of the exact shares, then one more to the largest remainders (ties by key).
    static func largestRemainder(total: Int, weights: [Int], keys: [String]) -> [Int] {
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0, total > 0 else { return weights.map { _ in 0 } }
        // Integer arithmetic: share_i = total·w_i / W exactly, remainder (total·w_i) mod W.
        var counts = weights.map { total * $0 / weightSum }
        let remainders = weights.map { total * $0 % weightSum }
        let left = total - counts.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : keys[a] < keys[b]
        }
        for index in order.prefix(left) { counts[index] += 1 }
        return counts
    }
}
