import Foundation
import FuzzSupport
import PlannerFormats
import PlannerPlanFormat

/// The fuzz target for the other files of a plan folder that `assign`, `replan`, `progress-template` and
/// `verify` read back: the first byte picks the reader, the rest is the file. Each gives its values or located
/// problems, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPlanFiles(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes, count > 0 else { return 0 }
    let data = Data(bytes: bytes + 1, count: count - 1)
    let reader = PlanFileReader.allCases[Int(bytes[0]) % PlanFileReader.allCases.count]
    do {
        try reader.read(data)
    } catch {
        ProblemCheck.requireLocated(error.problems)
    }
    return 0
}

/// The readers, in the order of the first byte (seeds in corpus/plan-files/ are named by it).
enum PlanFileReader: CaseIterable {
    case sample, allocation, assignments, releases, fieldwork, signingKey, publicKey, signature

    func read(_ data: Data) throws(InvalidInput) {
        switch self {
        case .sample:
            let units = try SampleTables.readSample(data, file: PlanFile.sample)
            if Set(units.map(\.unitID)).count != units.count { fatalError("a unit read twice from sample.csv") }
        case .allocation:
            _ = try SampleDesignSummary.read(allocationCSV: data, file: PlanFile.allocation)
        case .assignments:
            _ = try PlanVisitsTable.readVisits(data, file: PlanFile.assignments)
        case .releases:
            let releases = try ReleaseTable.read(data, file: PlanFile.releases)
            if releases.contains(where: { $0.rank < 1 }) { fatalError("a release of rank below 1") }
        case .fieldwork:
            let record = try FieldworkRecord.read(data, file: PlanFile.fieldwork)
            // What was read is what the planner writes: it must be written and read back.
            _ = try FieldworkRecord.read(record.jsonData(), file: PlanFile.fieldwork)
        case .signingKey:
            _ = try PlanSigningKey.read(data, file: "plan.key")
        case .publicKey:
            _ = try PlanPublicKey.read(data, file: "plan.pub")
        case .signature:
            // The input as manifest.sig for a fixed manifest: only the key's own signature may pass.
            if Signatures.shared.publicKey.problem(signatureFile: data, manifest: Signatures.shared.manifest) == nil,
               data != Signatures.shared.signature {
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                let genuine = String(decoding: Signatures.shared.signature, as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                if text != genuine { fatalError("a signature that is not the key's passes: \(text)") }
            }
        }
    }
}

/// A fixed key (seed bytes 1…32) and the signature of a fixed manifest by it.
final class Signatures: Sendable {
    static let shared = Signatures()

    let publicKey: PlanPublicKey
    let manifest = Data("{\"format\": \"planner-plan/1\"}\n".utf8)
    let signature: Data

    private init() {
        let seed = Data((1...32).map { UInt8($0) })
        let key = try! PlanSigningKey.read(Data("planner-ed25519-private-key \(seed.base64EncodedString())\n".utf8),
                                           file: "fixed.key")
        publicKey = try! key.publicKey
        signature = try! key.signatureFile(for: manifest)
    }
}

@main
enum FuzzPlanFilesMain {
    static func main() {
        FuzzDriver.run { bytes, count in fuzzPlanFiles(bytes, count) }
    }
}
