import PlannerCore

/// The household listing against the census counts that communes are selected by: communes that the census
/// leaves out while the listing has households there, and communes where the two disagree widely.
///
/// A two-stage design selects communes by their census count, so a commune counted 0 has π1 = 0 and its listed
/// households can never be drawn; a listing far from the census makes the first-stage probabilities (census) and
/// the second-stage frame (listing) describe different communes, and the weights vary accordingly. Neither stops
/// a valid draw, so both are warnings (subject `communes.csv`, where the census figure is), never silent.
enum ListingCensusCheck {
    /// A listed count outside [census/2, 2·census] is a wide disagreement.
    static let ratioBound = 2.0
    /// Communes named in one warning; the rest are counted.
    static let namedCommunes = 8

    static func warnings(dataset: Dataset) -> [DesignWarning] {
        guard let listing = dataset.households else { return [] }
        var listedBySlot = Array(repeating: 0, count: listing.communeCodes.count)
        for position in listing.indices { listedBySlot[listing.communeSlot(at: position)] += 1 }
        var listed: [CommuneCode: Int] = [:]
        for (slot, code) in listing.communeCodes.enumerated() { listed[code, default: 0] += listedBySlot[slot] }

        var uncounted: [String] = []
        var disagreeing: [String] = []
        for commune in dataset.communes {
            let count = listed[commune.code] ?? 0
            if commune.households == 0 {
                if count > 0 { uncounted.append("\(commune.code) (\(count) listed)") }
                continue
            }
            let ratio = Double(count) / Double(commune.households)
            if ratio > ratioBound || ratio < 1 / ratioBound {
                disagreeing.append("\(commune.code) (\(count) listed, census \(commune.households))")
            }
        }
        var warnings: [DesignWarning] = []
        if !uncounted.isEmpty {
            warnings.append(DesignWarning(
                subject: "communes.csv",
                message: "\(uncounted.count) commune\(uncounted.count == 1 ? " has" : "s have") a census count of 0 but "
                    + "listed households: \(named(uncounted)); communes are selected by census count, so a two-stage "
                    + "design never selects them and their listed households can never be drawn"))
        }
        if !disagreeing.isEmpty {
            warnings.append(DesignWarning(
                subject: "communes.csv",
                message: "\(disagreeing.count) commune\(disagreeing.count == 1 ? "'s listing differs" : "s' listings differ") "
                    + "from the census by more than a factor \(Int(ratioBound)): \(named(disagreeing)); two-stage "
                    + "designs select communes by the census and draw households from the listing"))
        }
        return warnings
    }

    private static func named(_ items: [String]) -> String {
        items.prefix(namedCommunes).joined(separator: ", ")
            + (items.count > namedCommunes ? " and \(items.count - namedCommunes) more" : "")
    }
}
