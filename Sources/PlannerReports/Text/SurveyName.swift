/// The survey's name as a line of its own.
///
/// An announcement names the survey mid-sentence ("… tổ chức điều tra xã hội học đo lường …"), so survey.toml may
/// give it in lower case; standing alone under a title, it starts with a capital.
enum SurveyName {
    static func standalone(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
