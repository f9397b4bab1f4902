import PlannerCore
import PlannerSampling

/// What a person reads for a unit ID: the register line, the listed address, or the enterprise's name.
struct UnitLabels {
    private let enterpriseNames: [String: String]
    /// In ID order, as `Dataset` keeps them: searched, not copied into a dictionary of a million addresses.
    private let households: ListedHouseholds?
    private let text: FieldworkText

    init(dataset: Dataset, language: Language = .english) {
        enterpriseNames = Dictionary(dataset.enterprises.map { ($0.id.rawValue, $0.name) },
                                     uniquingKeysWith: { first, _ in first })
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

    /// The listed address of a household; nil for register lines and enterprises (the frame has none).
    func address(unitID: String) -> String? {
        guard let households, let position = households.position(of: HouseholdID(unitID)) else { return nil }
        return households.address(at: position)
    }
}
