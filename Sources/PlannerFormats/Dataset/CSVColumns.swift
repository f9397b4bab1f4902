/// Where the columns a reader needs are in a file's header.
///
/// Looked up by comparing names, not by hashing them: a reader asks for a column a dozen times per record, a
/// file has a handful of columns, and comparing short names is much cheaper than hashing them.
struct CSVColumns {
    private let names: [String]
    private let positions: [Int]
    /// Whether a number may have a decimal comma: in a file separated by `;` or tabs, as Excel saves it in a
    /// locale whose decimal mark is a comma (Vietnamese), where a comma cannot be a separator.
    let acceptsDecimalComma: Bool

    /// `names[i]` is at `positions[i]`.
    init(names: [String], positions: [Int], acceptsDecimalComma: Bool = false) {
        precondition(names.count == positions.count, "one position per column name")
        self.names = names
        self.positions = positions
        self.acceptsDecimalComma = acceptsDecimalComma
    }

    /// The position of a column the reader required; asking for another is a programming error.
    @inline(__always)
    func position(of name: String) -> Int {
        for index in names.indices where names[index] == name {
            return positions[index]
        }
        preconditionFailure("column \(name) was not among the required columns")
    }
}
