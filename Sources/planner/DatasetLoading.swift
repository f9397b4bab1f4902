import ArgumentParser
import Foundation
import PlannerCore
import PlannerFormats

/// The DATASET argument shared by the commands that read a dataset.
struct DatasetArgument: ParsableArguments {
    @Argument(help: "The dataset folder (default: the embedded Sóc Trăng 2023 dataset).")
    var dataset: String = "Inputs/soc-trang-2023"

    init() {}

    init(datasetPath: String) {
        dataset = datasetPath
    }

    var folder: URL {
        // Relative to the working directory, and kept relative so that problems name the path as typed.
        URL(fileURLWithPath: dataset, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath,
                                                      isDirectory: true))
    }

    /// Reads and checks the dataset; `InvalidInput` lists every problem.
    ///
    /// - Parameter progress: shows the read as a step.
    func load(progress: ProgressDisplay? = nil) throws(InvalidInput) -> Dataset {
        guard let progress else { return try DatasetReader().read(folder: folder) }
        return try progress.run("Reading the dataset \(dataset)") { () throws(InvalidInput) -> Dataset in
            try DatasetReader().read(folder: folder)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// The plan folder to write: `--out`, or a new folder under `Plans/` named after the dataset and seed.
func planDestination(out: String?, dataset: URL, seed: UInt64) -> URL {
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    if let out {
        return URL(fileURLWithPath: out, relativeTo: workingDirectory).standardizedFileURL
    }
    let plans = workingDirectory.appendingPathComponent("Plans")
    let base = "\(dataset.lastPathComponent)-seed-\(seed)"
    var candidate = plans.appendingPathComponent(base)
    var version = 2
    while FileManager.default.fileExists(atPath: candidate.path) {
        candidate = plans.appendingPathComponent("\(base)-\(version)")
        version += 1
    }
    return candidate
}

/// An ISO 8601 UTC time stamp for the manifest's `run` section.
func timestampNow() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
}
