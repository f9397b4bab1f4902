extension Sequence {
    /// The elements in groups of equal key: each group in sequence order, the groups in the order of their first
    /// element. (`Dictionary(grouping:by:)` loses that order, and plans must not depend on hashing.)
    func groupedInOrder<Key: Hashable>(by key: (Element) -> Key) -> [[Element]] {
        var groupOfKey: [Key: Int] = [:]
        var groups: [[Element]] = []
        for element in self {
            let elementKey = key(element)
            if let group = groupOfKey[elementKey] {
                groups[group].append(element)
            } else {
                groupOfKey[elementKey] = groups.count
                groups.append([element])
            }
        }
        return groups
    }
}
