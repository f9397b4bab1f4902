/// A backend's name and version, e.g. `GLPK` and `5.0`: what a manifest records about the solver.
public struct SolverIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The backend's usual name, e.g. `GLPK`.
    public var name: String
    /// The version of the library actually linked, as that library reports it, e.g. `5.0`.
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// `GLPK 5.0`: name and version for people.
    public var description: String { version.isEmpty ? name : "\(name) \(version)" }
}
