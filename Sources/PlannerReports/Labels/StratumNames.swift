import PlannerCore
import PlannerSampling

/// A stratum's name for the reader of a document, rebuilt from its ID in the document's language.
///
/// The sampler labels strata in English (`allocation.csv` keeps that label for tools); a Vietnamese page must
/// not show "Households, … (941)" mid-table, so the name is rebuilt from the ID's parts — unit type, zone,
/// district, urban/rural, district group — with the dataset's names. An ID of another shape keeps the given label.
struct StratumNames {
    private let dataset: Dataset
    private let language: Language

    init(dataset: Dataset, language: Language) {
        self.dataset = dataset
        self.language = language
    }

    /// - Parameter given: the sampler's label, used in English and for an ID this cannot read.
    func name(of id: StratumID, given: String) -> String {
        guard language == .vietnamese else { return given }
        let parts = id.rawValue.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "HH" || parts[0] == "EN" else { return given }
        let isHousehold = parts[0] == "HH"
        let key = parts[1]
        if !isHousehold, parts.count == 2, let zone = dataset.zones.first(where: { $0.id.rawValue == key }) {
            return "Doanh nghiệp trong \(zone.name) (\(key))"
        }
        let what = isHousehold ? "Hộ gia đình" : "Doanh nghiệp ngoài khu công nghiệp"
        var area = ""
        if parts.count == 3 {
            switch parts[2] {
            case "U": area = ", thành thị"
            case "R": area = ", nông thôn"
            default: return given
            }
        } else if parts.count > 3 {
            return given
        }
        if let district = districtName(key) {
            return "\(what), \(district) (\(key))\(area)"
        }
        if key.hasPrefix("G"), let number = Int(key.dropFirst()) {
            let groups = isHousehold ? dataset.settings.households.districtGroups
                                     : dataset.settings.enterprises.districtGroups
            guard number >= 1, number <= groups.count else { return given }
            let members = groups[number - 1].sorted()
            let names = members.map { districtName($0.rawValue) ?? $0.rawValue }.joined(separator: ", ")
            return "\(what), nhóm huyện \(number): \(names) (\(members.map(\.rawValue).joined(separator: ", ")))\(area)"
        }
        return given
    }

    private func districtName(_ code: String) -> String? {
        dataset.communes.first { $0.districtCode.rawValue == code }?.districtName
    }
}
