import Foundation

/// The digests of a dataset's files, computed on another thread while the caller reads and samples.
///
/// Hashing a million-line listing takes about as long as reading it; on a machine with two cores the two can
/// overlap. The files are hashed exactly as `PlanManifest.inputFiles(in:)` hashes them; `value()` waits for
/// the result (or rethrows its error). A class because it owns a running thread's result.
public final class InputDigests: @unchecked Sendable {
    // Written once on the worker before `finished` is signalled, read only after waiting for it.
    private var result: Result<[PlanManifest.InputFile], any Error>?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts hashing every regular file of `folder`.
    public init(folder: URL) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result { try PlanManifest.inputFiles(in: folder) }
            finished.signal()
        }
    }

    /// The digests, in name order, once they are ready.
    public func value() throws -> [PlanManifest.InputFile] {
        finished.wait()
        defer { finished.signal() }
        return try result!.get()
    }
}
