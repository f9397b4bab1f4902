import Foundation
import FuzzSupport
import PlannerFormats

/// The fuzz target: any bytes, read as a CSV file, give a table or located problems, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes else { return 0 }
    let data = Data(bytes: bytes, count: count)
    var problems = ProblemLog()
    let table = CSVReader(maximumFieldLength: 200).read(data, file: "fuzz.csv", problems: &problems)
    ProblemCheck.requireLocated(problems.invalidInput.problems)
    if let table {
        for record in table.records where record.fields.count != table.header.count {
            fatalError("a record with \(record.fields.count) fields under a header of \(table.header.count)")
        }
    } else if problems.isEmpty {
        fatalError("no table and no problem")
    }
    return 0
}

@main
enum FuzzCSVMain {
    static func main() {
        FuzzDriver.run { bytes, count in fuzzCSV(bytes, count) }
    }
}
