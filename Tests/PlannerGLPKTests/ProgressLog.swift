import Foundation
import PlannerOptimization

/// Collects progress snapshots from a solve; locked because the sink must be `@Sendable`.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [SolveProgress] = []

    var snapshots: [SolveProgress] { lock.withLock { collected } }

    var sink: @Sendable (SolveProgress) -> Void {
        { [self] snapshot in lock.withLock { collected.append(snapshot) } }
    }
}
