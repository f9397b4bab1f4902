/// The language of the files people read (route sheets, summaries, notices, the fieldwork report).
///
/// Vietnamese is the default: the sheets go to post-office staff and commune People's Committees.
/// Identifiers, codes and CSV column names stay the same in both languages so that tools read either.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case vietnamese = "vi"
    case english = "en"
}
