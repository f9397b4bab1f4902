import Foundation
import FuzzSupport
import PlannerFormats
import PlannerPlanFormat

/// The fuzz target for `manifest.json` as `planner verify`, `assign` and `replan` read it: any bytes give a
/// manifest or one problem located by its JSON path and line and column. A manifest that is read must also
/// survive being written again: the planner re-writes parents' manifests' content into derived plans, so what
/// it accepts it must be able to write, and reading that back must give the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzManifest(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    let manifest: PlanManifest
    do {
        manifest = try PlanManifest.read(from: data)
    } catch {
        ProblemCheck.requireLocated(error.problems)
        if error.problems.count != 1 { fatalError("expected one problem, found \(error.problems)") }
        return 0
    }
    let written: Data
    do {
        written = try manifest.jsonData()
    } catch {
        fatalError("a manifest that was read cannot be written: \(error)")
    }
    do {
        let again = try PlanManifest.read(from: written).jsonData()
        if again != written { fatalError("written, read and written again gives other bytes") }
    } catch {
        fatalError("a manifest the planner wrote cannot be read back: \(error)")
    }
    return 0
}

@main
enum FuzzManifestMain {
    static func main() {
        FuzzDriver.run { bytes, count in fuzzManifest(bytes, count) }
    }
}
