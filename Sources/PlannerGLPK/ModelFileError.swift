/// Why a model file could not be written or read.
public struct ModelFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// The path is under /dev: GLPK run as root once replaced /dev/null with a regular file.
        case devicePath
        /// Something other than a regular file (a directory, device, pipe) is at the path.
        case notARegularFile
        /// The directory to write into does not exist.
        case missingDirectory
        /// GLPK's writers need at least one variable and one constraint to write a readable file.
        case emptyModel
        /// GLPK's writer or reader failed; its own message went to standard error only if solver output was on.
        case glpkFailed(code: Int32)
        /// Moving the finished temporary file into place failed with this `errno`.
        case renameFailed(errno: Int32)
        /// The path is not a file URL.
        case notAFileURL
        /// A variable has the name GLPK's LP writer gives the helper column of a ranged row.
        case clashesWithRangeColumn(variable: String)
    }

    public let path: String
    public let problem: Problem

    public init(path: String, _ problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        let reason: String
        switch problem {
        case .devicePath: reason = "refusing to let GLPK write or read under /dev"
        case .notARegularFile: reason = "not a regular file"
        case .missingDirectory: reason = "directory does not exist"
        case .emptyModel: reason = "a model needs at least one variable and one constraint to be exported"
        case .glpkFailed(let code): reason = "GLPK failed (code \(code))"
        case .renameFailed(let errno): reason = "could not move the written file into place (errno \(errno))"
        case .notAFileURL: reason = "not a file URL"
        case .clashesWithRangeColumn(let variable):
            reason = "variable '\(variable)' has the name GLPK's LP writer gives a ranged row's helper column"
        }
        return "\(path): \(reason)"
    }
}
