import Foundation
import PlannerFormats

extension PlanManifest {
    /// Reads a plan's `manifest.json`, a problem located by the JSON path of the field and its line and column.
    ///
    /// - Parameter file: the manifest as the user would name it, for the problem's location.
    public static func read(from data: Data, file: String = PlanFile.manifest) throws(InvalidInput) -> PlanManifest {
        try PlanJSON.decode(PlanManifest.self, from: data, file: file, expected: "a planner manifest (JSON)")
    }
}
