import PlannerCore

/// One colour per post office, the same on the map, the calendar and in `routes.geojson`: an enumerator's routes
/// take its office's colour.
///
/// A province has about a dozen offices, so a fixed qualitative palette of twelve well-separated colours, dark
/// enough to read on white and on paper, tells them apart where 60 enumerator hues could not. Colours are hex
/// (`#1f77b4`), the form GIS tools read in simplestyle properties. Beyond twelve offices, hues step by the golden
/// angle.
struct PostOfficePalette {
    private let officeIndices: [PostOfficeID: Int]
    private let offices: [EnumeratorID: PostOfficeID]

    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#e6850e", "#17a2b8", "#8c564b", "#d6409f",
                          "#5d6d1e", "#393b79", "#b8860b", "#555555"]

    /// Offices in name order, so that a dataset always paints an office the same way.
    init(_ dataset: Dataset) {
        var indices: [PostOfficeID: Int] = [:]
        for (index, office) in Set(dataset.enumerators.map(\.postOffice)).sorted().enumerated() {
            indices[office] = index
        }
        officeIndices = indices
        offices = Dictionary(dataset.enumerators.map { ($0.id, $0.postOffice) }, uniquingKeysWith: { first, _ in first })
    }

    /// The offices in legend order with their colours.
    var legend: [(office: PostOfficeID, colour: String)] {
        officeIndices.sorted { $0.value < $1.value }.map { ($0.key, Self.colour(index: $0.value)) }
    }

    func colour(of enumerator: EnumeratorID) -> String {
        guard let office = offices[enumerator], let index = officeIndices[office] else { return "#555555" }
        return Self.colour(index: index)
    }

    static func colour(index: Int) -> String {
        if index < colours.count { return colours[index] }
        let hue = (Double(index) * 137.508).truncatingRemainder(dividingBy: 360)
        return hex(hue: hue, saturation: 0.7, lightness: index % 2 == 0 ? 0.38 : 0.46)
    }

    /// HSL to `#rrggbb` (CSS Color 4's conversion).
    static func hex(hue: Double, saturation: Double, lightness: Double) -> String {
        func channel(_ n: Double) -> Int {
            let k = (n + hue / 30).truncatingRemainder(dividingBy: 12)
            let a = saturation * min(lightness, 1 - lightness)
            let value = lightness - a * max(-1, min(k - 3, 9 - k, 1))
            return Int((value * 255).rounded())
        }
        return "#" + [channel(0), channel(8), channel(4)].map { value in
            let text = String(value, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}
