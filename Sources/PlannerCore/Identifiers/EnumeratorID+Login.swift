extension EnumeratorID {
    /// The enumerator's account on a data-collection server (Survey Solutions interviewer, SurveyCTO user): the
    /// ID in lower case (`EN07` → `en07`).
    ///
    /// The roster has no login column, so the exports assume the accounts were created by this rule
    /// (docs/exports.md). The dataset reader refuses two IDs with one login, so that two people's work can never
    /// go to one account.
    public var serverLogin: String { rawValue.lowercased() }
}
