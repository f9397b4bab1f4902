import PlannerCore

/// The ID of a household known only as a line of its commune's household register: `HH-<commune>-<line>`.
///
/// Without a listing, a selected household is a line number the enumerator asks the commune for; the line is
/// zero-padded to five digits so that IDs sort in line order. One place writes and reads the form.
public enum RegisterLine {
    public static func unitID(commune: CommuneCode, line: Int) -> String {
        let digits = String(line)
        return "HH-\(commune.rawValue)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
    }

    /// The register line of such an ID; nil for any other ID (a listed household, an enterprise).
    public static func line(of unitID: String) -> Int? {
        let parts = unitID.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "HH" else { return nil }
        return Int(parts[2])
    }
}
