import Foundation

/// The folders run.sh passes to the targets in environment variables.
public enum FuzzEnvironment {
    /// The folder named by `variable`; stops the process when it is not set, since every input would be
    /// judged against nothing.
    public static func folder(_ variable: String) -> URL {
        guard let path = ProcessInfo.processInfo.environment[variable] else {
            fatalError("set \(variable) (benchmarks/fuzz/run.sh does)")
        }
        return URL(fileURLWithPath: path)
    }
}
