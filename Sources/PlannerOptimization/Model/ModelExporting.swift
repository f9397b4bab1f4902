import Foundation

/// A backend that can write a model as a file other solvers read, so that a run can be replayed elsewhere.
///
/// Separate from `MIPSolver` because not every backend writes files, and because callers that only export
/// (`--export-model`) should not have to know which backend does it.
public protocol ModelExporting: Sendable {
    /// Writes `model` to `url` in `format`; the file appears whole or not at all.
    ///
    /// - Throws: `ModelError` for a malformed model; the backend's own error for a refused path or failed write.
    func export(_ model: MIPModel, as format: ModelFileFormat, to url: URL) throws
}
