import Foundation
import FuzzSupport
import PlannerCore
import PlannerFormats

/// The fuzz target for `planner validate`: the first byte picks a file of a valid dataset, the rest
/// replaces it; the dataset reader must then give a dataset or located problems, never crash.
///
/// The dataset lives in a scratch folder (`FUZZ_DATASET`, copied from it at start); each input rewrites one
/// file and the original is put back after the read, so every input is judged against the valid dataset.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDataset(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    guard count > 0 else { return 0 }
    let files = DatasetReader.requiredFiles + DatasetReader.optionalFiles
    let name = files[Int(bytes[0]) % files.count]
    let data = Data(bytes: bytes + 1, count: count - 1)
    let scratch = Scratch.shared
    let url = scratch.folder.appendingPathComponent(name)
    try! data.write(to: url)
    defer { try! scratch.original(name).write(to: url) }
    do {
        _ = try DatasetReader(csvReader: CSVReader(maximumFieldLength: 200)).read(folder: scratch.folder)
    } catch {
        // A missing required file is the only problem without a line; the scratch folder has them all.
        ProblemCheck.requireLocated(error.problems)
    }
    return 0
}

/// The scratch copy of the valid dataset, made once per process.
final class Scratch: Sendable {
    static let shared = Scratch()

    let folder: URL
    private let originals: [String: Data]

    private init() {
        guard let source = ProcessInfo.processInfo.environment["FUZZ_DATASET"] else {
            fatalError("set FUZZ_DATASET to a valid dataset folder")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("planner-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try! FileManager.default.copyItem(at: URL(fileURLWithPath: source), to: folder)
        var originals: [String: Data] = [:]
        for name in DatasetReader.requiredFiles + DatasetReader.optionalFiles {
            originals[name] = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
        }
        self.originals = originals
        atexit { try? FileManager.default.removeItem(at: Scratch.shared.folder) }
    }

    func original(_ name: String) -> Data { originals[name]! }
}

@main
enum FuzzDatasetMain {
    static func main() {
        FuzzDriver.run { bytes, count in fuzzDataset(bytes, count) }
    }
}
