import ArgumentParser
import Foundation
import PlannerCore
import PlannerFormats
import PlannerPipeline

/// The DATASET argument shared by the commands that read a dataset.
struct DatasetArgument: ParsableArguments {
    @Argument(help: "The dataset folder (default: the embedded Sóc Trăng 2023 dataset).")
    var dataset: String = "Inputs/soc-trang-2023"

    /// Relative to the working directory, and kept relative so that problems name the path as typed.
    var location: TypedPath { WorkingDirectory.path(dataset) }

    var folder: URL { location.url }

    /// Reads and checks the dataset (for `validate` and `generate`); `InvalidInput` lists every problem.
    func load() throws(InvalidInput) -> Dataset {
        try DatasetReader().read(folder: folder)
    }
}

/// Paths typed on the command line, resolved against the working directory.
enum WorkingDirectory {
    static var url: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    /// `Plans/` in the working directory: where plans go when no `--out` is given.
    static var plansFolder: URL { url.appendingPathComponent("Plans") }

    static func path(_ path: String) -> TypedPath { TypedPath(path, relativeTo: url) }

    static func url(_ path: String) -> URL { URL(fileURLWithPath: path, relativeTo: url).standardizedFileURL }
}
