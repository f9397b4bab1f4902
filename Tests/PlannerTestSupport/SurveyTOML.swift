import Foundation
import PlannerCore
import PlannerFormats

/// `survey.toml` text read as the dataset reader reads it, for the tests of its sections.
public enum SurveyTOML {
    /// The settings `text` gives, read as a file named `survey.toml`.
    public static func read(_ text: String) throws(InvalidInput) -> SurveySettings {
        try SurveySettingsReader().read(Data(text.utf8), file: "survey.toml")
    }

    /// Every problem reading `text` reports, as printed (`survey.toml:line:column: …`); empty when it reads.
    public static func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}
