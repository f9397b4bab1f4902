import Dispatch
import Foundation
import PlannerFormats

// Times PlannerFormats' SHA-256 alone on one file: the streamed file digest the plan manifest uses for its inputs
// (`SHA256.hexDigest(contentsOf:)`, reading included), and the digest of bytes already in memory
// (`SHA256.hexDigest(_:)`, as for the files a plan writes). Prints each run and the medians of wall time and of
// the thread's CPU time; the CPU time is the steadier figure on a machine shared with other builds.
//
// Usage: hash-bench FILE [RUNS]

let arguments = CommandLine.arguments
guard arguments.count >= 2, let runs = arguments.count >= 3 ? Int(arguments[2]) : 5, runs > 0 else {
    FileHandle.standardError.write(Data("usage: hash-bench FILE [RUNS]\n".utf8))
    exit(64)
}
let url = URL(fileURLWithPath: arguments[1])

struct Timing {
    var wall: Double
    var cpu: Double
    var digest: String
}

func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

func timed(_ work: () throws -> String) rethrows -> Timing {
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = threadCPUSeconds()
    let digest = try work()
    return Timing(wall: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu: threadCPUSeconds() - startCPU,
                  digest: digest)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

do {
    let data = try Data(contentsOf: url)
    let megabytes = Double(data.count) / 1e6
    print(String(format: "file: %@ (%.1f MB)", url.path, megabytes))
    var streamed: [Timing] = []
    var inMemory: [Timing] = []
    var digests = Set<String>()
    for run in 1...runs {
        let file = try timed { try SHA256.hexDigest(contentsOf: url) }
        let memory = timed { SHA256.hexDigest(data) }
        streamed.append(file)
        inMemory.append(memory)
        digests.formUnion([file.digest, memory.digest])
        print(String(format: "run %d: file %.3f s (CPU %.3f s), in memory %.3f s (CPU %.3f s)", run, file.wall, file.cpu,
                     memory.wall, memory.cpu))
    }
    guard digests.count == 1, let digest = digests.first else {
        print("FAIL: the runs disagree on the digest")
        exit(1)
    }
    print("digest: \(digest)")
    for (name, timings) in [("file (read + hash)", streamed), ("in memory", inMemory)] {
        let wall = median(timings.map(\.wall))
        let cpu = median(timings.map(\.cpu))
        print(String(format: "median, %@: %.3f s wall (%.0f MB/s), %.3f s CPU (%.0f MB/s)", name, wall,
                     megabytes / wall, cpu, megabytes / cpu))
    }
} catch {
    FileHandle.standardError.write(Data("hash-bench: \(error)\n".utf8))
    exit(1)
}
