import Foundation
import PlannerFieldwork

/// The questionnaire variable that holds the outcome of a visit, and its codes.
///
/// Neither platform knows why a visit ended: Survey Solutions' `interview__status` says where the interview is
/// in its review (completed, approved, rejected), SurveyCTO only that a form was submitted. So the questionnaire
/// carries a single-select question `visit_outcome` that the enumerator answers at every visit, with the codes
/// below (docs/exports.md). Its value may be the code (`3`, as Survey Solutions' tab export writes a
/// categorical answer) or the status name (`not_at_home`, as a SurveyCTO choice list may name it).
public enum VisitOutcomeCode {
    public static let variable = "visit_outcome"

    /// Code, status: the order of `VisitStatus`, codes 1…6.
    public static let codes: [(code: Int, status: VisitStatus)] =
        VisitStatus.allCases.enumerated().map { ($0.offset + 1, $0.element) }

    /// The status a value names, or nil.
    public static func status(_ text: String) -> VisitStatus? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(value) { return codes.first { $0.code == number }?.status }
        return VisitStatus(rawValue: value)
    }

    /// `1 completed, 2 refused, …` for messages and docs.
    public static var legend: String {
        codes.map { "\($0.code) \($0.status.rawValue)" }.joined(separator: ", ")
    }
}
