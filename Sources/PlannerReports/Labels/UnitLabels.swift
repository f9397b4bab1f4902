import PlannerCore
import PlannerSampling

/// What a person reads for a unit ID: the register line, the listed address, or the enterprise's name.
struct UnitLabels {
    private let enterpriseNames: [String: String]
    private let enterpriseAddresses: [String: String]
    /// In ID order, as `Dataset` keeps them: searched, not copied into a dictionary of a million addresses.
    private let households: ListedHouseholds?
    private let text: FieldworkText

    init(dataset: Dataset, language: Language = .english) {
        enterpriseNames = Dictionary(dataset.enterprises.map { ($0.id.rawValue, $0.name) },
                                     uniquingKeysWith: { first, _ in first })
        enterpriseAddresses = Dictionary(dataset.enterprises.compactMap { enterprise in
            enterprise.address.map { (enterprise.id.rawValue, $0) }
        }, uniquingKeysWith: { first, _ in first })
        households = dataset.households
        text = FieldworkText.of(language)
    }

    func label(of unit: SampledUnit) -> String {
        label(unitID: unit.unitID, type: unit.unitType)
    }

    func label(unitID: String, type: UnitType) -> String {
        switch type {
        case .enterprise:
            return enterpriseNames[unitID] ?? ""
        case .household:
            if let address = address(unitID: unitID) { return address }
            return RegisterLine.line(of: unitID).map(text.registerLine) ?? ""
        }
    }

    /// The listed address of a household, or an enterprise's from the optional `address` column; nil for
    /// household list lines and enterprises without one.
    func address(unitID: String) -> String? {
        if let address = enterpriseAddresses[unitID] { return address }
        guard let households, let position = households.position(of: HouseholdID(unitID)) else { return nil }
        return households.address(at: position)
    }
}
