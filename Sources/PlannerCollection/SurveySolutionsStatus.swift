/// Survey Solutions' codes for an interview's status (`interview__status`) and for the actions of
/// `interview__actions`, as its documentation tabulates them (docs/exports.md cites the page).
///
/// The tab export writes the numeric code; a file relabelled by a script may hold the name instead, so both
/// are read.
public enum SurveySolutionsStatus: Int, CaseIterable, Sendable {
    case deleted = -1
    case restored = 0
    case created = 20
    case supervisorAssigned = 40
    case interviewerAssigned = 60
    case rejectedBySupervisor = 65
    case readyForInterview = 80
    case sentToCapi = 85
    case restarted = 95
    case completed = 100
    case approvedBySupervisor = 120
    case rejectedByHeadquarters = 125
    case approvedByHeadquarters = 130

    public var name: String {
        switch self {
        case .deleted: "Deleted"
        case .restored: "Restored"
        case .created: "Created"
        case .supervisorAssigned: "SupervisorAssigned"
        case .interviewerAssigned: "InterviewerAssigned"
        case .rejectedBySupervisor: "RejectedBySupervisor"
        case .readyForInterview: "ReadyForInterview"
        case .sentToCapi: "SentToCapi"
        case .restarted: "Restarted"
        case .completed: "Completed"
        case .approvedBySupervisor: "ApprovedBySupervisor"
        case .rejectedByHeadquarters: "RejectedByHeadquarters"
        case .approvedByHeadquarters: "ApprovedByHeadquarters"
        }
    }

    /// The interviewer has handed the interview in and nobody has sent it back.
    public var isHandedIn: Bool { self == .completed || self == .approvedBySupervisor || self == .approvedByHeadquarters }

    public init?(_ text: String) {
        if let code = Int(text) {
            self.init(rawValue: code)
        } else {
            guard let match = Self.allCases.first(where: { $0.name.lowercased() == text.lowercased() }) else { return nil }
            self = match
        }
    }

    /// Survey Solutions' interview actions that decide what a visit gave; the others (assigned, received by
    /// tablet, paused, …) say nothing about a visit.
    public enum Action: Int, Sendable {
        case completed = 3
        case restarted = 4
        case rejectedBySupervisor = 7
        case rejectedByHeadquarter = 8

        static let names: [(code: Int, name: String)] = [
            (0, "SupervisorAssigned"), (1, "InterviewerAssigned"), (2, "FirstAnswerSet"), (3, "Completed"),
            (4, "Restarted"), (5, "ApprovedBySupervisor"), (6, "ApprovedByHeadquarter"), (7, "RejectedBySupervisor"),
            (8, "RejectedByHeadquarter"), (9, "Deleted"), (10, "Restored"), (11, "UnapprovedByHeadquarter"),
            (12, "Created"), (13, "InterviewReceivedByTablet"), (14, "Resumed"), (15, "Paused"),
            (16, "TranslationSwitched"), (17, "OpenedBySupervisor"), (18, "ClosedBySupervisor"),
        ]

        /// The code of an action given as a code or a name (`RejectedByHeadquarters` too), or nil when it is
        /// neither.
        static func code(_ text: String) -> Int? {
            if let code = Int(text) { return code }
            let name = text.lowercased()
            return names.first { $0.name.lowercased() == name || $0.name.lowercased() + "s" == name }?.code
        }

        /// After a completion, the interview went back to the interviewer.
        var sendsBack: Bool { self != .completed }
    }
}
