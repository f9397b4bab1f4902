extension MIPModel {
    /// The most rows or columns GLPK 5.0 accepts (`M_MAX`, `N_MAX` in its source).
    static let glpkIndexLimit = 100_000_000

    /// Checks everything a solver or an exporter could choke on, before any solver sees the model.
    ///
    /// GLPK aborts the process on an out-of-range index, a repeated column in a row, a name with control characters
    /// or over 255 bytes; its writers silently rename what their formats cannot hold. So names must be 1–255 ASCII
    /// characters from the set both writers keep unchanged (letters, digits, `_ . ( ) , ; ! # % & / ? @ { } | ~`),
    /// not starting with a digit or a period, and unique among variables and among constraints. An integer
    /// variable may have fractional bounds (the solver rounds them inward); a binary variable's bounds are [0, 1].
    /// The model's own name may hold spaces (MPS shows them as `_`) but no control characters.
    ///
    /// - Throws: the first `ModelError` found, naming the variable or constraint.
    /// - Complexity: O(variables + nonzeros).
    public func validate() throws(ModelError) {
        if variables.count > Self.glpkIndexLimit {
            throw ModelError(.model, .tooLarge(count: variables.count, limit: Self.glpkIndexLimit))
        }
        if constraints.count > Self.glpkIndexLimit {
            throw ModelError(.model, .tooLarge(count: constraints.count, limit: Self.glpkIndexLimit))
        }
        let nameBytes = name.utf8.count
        if nameBytes > 255 { throw ModelError(.model, .nameTooLong(bytes: nameBytes)) }
        if let control = name.first(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw ModelError(.model, .nameHasInvalidCharacter(control))
        }
        if !objectiveConstant.isFinite {
            throw ModelError(.objective, .nonFiniteCoefficient(objectiveConstant))
        }
        try validateVariables()
        try validateConstraints()
    }

    private func validateVariables() throws(ModelError) {
        var names = Set<String>(minimumCapacity: variables.count)
        for index in variables.indices { try checkVariable(at: index, names: &names) }
    }

    /// Checks one variable: its name (well formed, and not in `names`, to which it is added), objective and bounds.
    func checkVariable(at index: Int, names: inout Set<String>) throws(ModelError) {
        let variable = variables[index]
        let subject = ModelError.Subject.variable(index: index, name: variable.name)
        if let problem = Self.nameProblem(variable.name) { throw ModelError(subject, problem) }
        if !names.insert(variable.name).inserted {
            let firstIndex = variables.firstIndex { $0.name == variable.name } ?? index
            throw ModelError(subject, .duplicateName(firstIndex: firstIndex))
        }
        if !variable.objectiveCoefficient.isFinite {
            throw ModelError(subject, .nonFiniteCoefficient(variable.objectiveCoefficient))
        }
        try checkBounds(ofVariableAt: index)
    }

    /// Checks one variable's bounds: finite, in order, [0, 1] for a binary one.
    func checkBounds(ofVariableAt index: Int) throws(ModelError) {
        let variable = variables[index]
        let subject = ModelError.Subject.variable(index: index, name: variable.name)
        try Self.checkBounds(variable.lowerBound, variable.upperBound, subject)
        if variable.kind == .binary, variable.lowerBound != 0 || variable.upperBound != 1 {
            throw ModelError(subject, .binaryBoundsNotZeroOne(lower: variable.lowerBound,
                                                               upper: variable.upperBound))
        }
    }

    private func validateConstraints() throws(ModelError) {
        var firstIndexByName: [String: Int] = [:]
        // One flag per variable, reset after each row, finds repeats in O(terms) without hashing.
        var seenInRow = [Bool](repeating: false, count: variables.count)
        for (index, constraint) in constraints.enumerated() {
            if let firstIndex = firstIndexByName.updateValue(index, forKey: constraint.name) {
                let subject = ModelError.Subject.constraint(index: index, name: constraint.name)
                if let problem = Self.nameProblem(constraint.name) { throw ModelError(subject, problem) }
                if constraint.name == Self.mpsObjectiveRowName { throw ModelError(subject, .reservedName) }
                throw ModelError(subject, .duplicateName(firstIndex: firstIndex))
            }
            try checkConstraint(at: index, seenInRow: &seenInRow)
        }
    }

    /// Everything `validate()` checks of one row but the uniqueness of its name. `seenInRow` has one false flag
    /// per variable and is left so.
    func checkConstraint(at index: Int, seenInRow: inout [Bool]) throws(ModelError) {
        let constraint = constraints[index]
        let subject = ModelError.Subject.constraint(index: index, name: constraint.name)
        if let problem = Self.nameProblem(constraint.name) { throw ModelError(subject, problem) }
        if constraint.name == Self.mpsObjectiveRowName { throw ModelError(subject, .reservedName) }
        try Self.checkBounds(constraint.lowerBound, constraint.upperBound, subject)
        if constraint.lowerBound == nil, constraint.upperBound == nil {
            throw ModelError(subject, .constraintWithoutBounds)
        }
        defer { for term in constraint.terms where seenInRow.indices.contains(term.variable.index) {
            seenInRow[term.variable.index] = false
        } }
        for term in constraint.terms {
            guard seenInRow.indices.contains(term.variable.index) else {
                throw ModelError(subject, .unknownVariable(term.variable))
            }
            if seenInRow[term.variable.index] { throw ModelError(subject, .repeatedVariable(term.variable)) }
            seenInRow[term.variable.index] = true
            if !term.coefficient.isFinite { throw ModelError(subject, .nonFiniteCoefficient(term.coefficient)) }
        }
    }

    /// GLPK's free-MPS writer names the objective row this; a constraint of that name would clash with it.
    static let mpsObjectiveRowName = "R0000000"

    /// Punctuation that GLPK's CPLEX LP writer keeps as is and that means nothing special in free MPS.
    ///
    /// GLPK's LP writer also accepts `$ ' " \``, but `$` starts an MPS comment and quotes mark MPS integer markers.
    private static let namePunctuation: Set<Character> = ["_", ".", "(", ")", ",", ";", "!", "#", "%", "&", "/",
                                                          "?", "@", "{", "}", "|", "~"]

    /// Checked byte by byte: every model is validated before each solve and after each change to a live LP
    /// (dozens of times per plan, over thousands of names), and Character properties cost far more than a
    /// byte table. Only a name that fails is walked by Character, to name the offending one.
    static func nameProblem(_ name: String) -> ModelError.Problem? {
        guard let first = name.first else { return .emptyName }
        let bytes = name.utf8.count
        if bytes > 255 { return .nameTooLong(bytes: bytes) }
        if !name.utf8.allSatisfy(isAllowedNameByte) {
            for character in name {
                let isLetterOrDigit = character.isASCII && (character.isLetter || character.isNumber)
                if !isLetterOrDigit && !namePunctuation.contains(character) {
                    return .nameHasInvalidCharacter(character)
                }
            }
        }
        if first == "." || first.isNumber { return .nameHasInvalidFirstCharacter(first) }
        return nil
    }

    /// An ASCII letter or digit, or one of `namePunctuation` (all of which are ASCII).
    private static func isAllowedNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return byte < 0x80 && namePunctuationBytes.contains(byte)
        }
    }

    private static let namePunctuationBytes: Set<UInt8> = Set(namePunctuation.compactMap(\.asciiValue))

    private static func checkBounds(_ lower: Double?, _ upper: Double?,
                                    _ subject: ModelError.Subject) throws(ModelError) {
        if let lower, !lower.isFinite { throw ModelError(subject, .nonFiniteBound(lower)) }
        if let upper, !upper.isFinite { throw ModelError(subject, .nonFiniteBound(upper)) }
        if let lower, let upper, lower > upper {
            throw ModelError(subject, .lowerBoundAboveUpperBound(lower: lower, upper: upper))
        }
    }
}
