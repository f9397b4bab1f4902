import PlannerCore

/// One colour per enumerator, the same on the map, the calendar and the workload chart.
///
/// Hues step by the golden angle (≈137.5°), so that neighbours in ID order get far-apart hues for any number of
/// enumerators; saturation and lightness stay dark enough to read on white and when printed.
struct EnumeratorPalette {
    private let indices: [EnumeratorID: Int]

    /// Colours assigned in ID order, so that a plan always paints an enumerator the same way.
    init(_ enumerators: [EnumeratorID]) {
        var indices: [EnumeratorID: Int] = [:]
        for (index, id) in Set(enumerators).sorted().enumerated() { indices[id] = index }
        self.indices = indices
    }

    func colour(of enumerator: EnumeratorID) -> String {
        guard let index = indices[enumerator] else { return "#555555" }
        return Self.colour(index: index)
    }

    static func colour(index: Int) -> String {
        let hue = Int((Double(index) * 137.508).truncatingRemainder(dividingBy: 360).rounded(.down))
        let lightness = index % 2 == 0 ? 38 : 46
        return "hsl(\(hue), 70%, \(lightness)%)"
    }
}
