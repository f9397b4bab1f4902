import PlannerCore

/// The login an enumerator has on a data-collection server (Survey Solutions interviewer, SurveyCTO user).
///
/// The roster (`enumerators.csv`) has no login column, so the exports assume the accounts were created as the
/// enumerator ID in lower case (`EN07` → `en07`, `EnumeratorID.serverLogin`): a rule a server administrator can
/// follow when creating the accounts, and one a script can undo; the dataset reader refuses two IDs with one
/// login. docs/exports.md states the assumption.
public enum InterviewerLogin {
    public static func login(for enumerator: EnumeratorID) -> String {
        enumerator.serverLogin
    }
}
