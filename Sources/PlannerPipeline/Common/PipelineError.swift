/// Why a pipeline job stopped before it could write: a message that names the file or option at fault, and
/// the kind of failure, so that a caller (the command line, a batch of datasets) can tell a request that
/// cannot be met from bad input and from an output that cannot be created.
///
/// Readers' own errors (`InvalidInput`, `PlanFolder.WriteError`, …) are not wrapped: they already say where
/// and what; this type covers what the pipeline itself checks.
public struct PipelineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The request contradicts its inputs (a date outside the survey, fewer progress files than recorded).
        case invalidRequest
        /// An input file or folder is missing, unreadable, or not the one a plan was made from.
        case invalidInput
        /// The output cannot be created: it exists (nothing is ever overwritten) or cannot be written.
        case cannotCreate
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static func invalidRequest(_ message: String) -> PipelineError { PipelineError(.invalidRequest, message) }
    public static func invalidInput(_ message: String) -> PipelineError { PipelineError(.invalidInput, message) }
    public static func cannotCreate(_ message: String) -> PipelineError { PipelineError(.cannotCreate, message) }
}
