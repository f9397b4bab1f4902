import Foundation
import FuzzSupport
import PlannerFormats

/// The fuzz target: any bytes, read as TOML and as survey.toml, give values or located problems.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTOML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    do {
        _ = try TOMLReader().read(data, file: "fuzz.toml")
    } catch {
        ProblemCheck.requireLocated(error.problems)
    }
    do {
        _ = try SurveySettingsReader().read(data, file: "survey.toml")
    } catch {
        ProblemCheck.requireLocated(error.problems)
    }
    return 0
}

@main
enum FuzzTOMLMain {
    static func main() {
        FuzzDriver.run { bytes, count in fuzzTOML(bytes, count) }
    }
}
