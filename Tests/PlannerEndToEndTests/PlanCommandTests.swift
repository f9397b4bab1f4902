import Foundation
import PlannerCore
import PlannerFormats
import Testing

/// `planner plan` and `planner assign` on the default dataset, checked from the files they write.
@Suite("planner plan and assign", .serialized)
struct PlanCommandTests {
    static let dataset = try! DatasetReader().read(folder: PlannerProcess.defaultDataset)

    @Test func planSchedulesEveryMainUnitOnceWithinTheRules() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try PlannerProcess.run(
            ["plan", PlannerProcess.defaultDataset.path, "--out", "p", "--quiet", "--export-model", "model.lp"],
            in: scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let plan = PlanFolderReader(folder: scratch.appendingPathComponent("p"))

        let sample = try plan.rows("sample.csv")
        let mainUnits = Set(sample.filter { $0["role"] == "main" }.map { $0["unit_id"]! })
        let assignments = try plan.rows("assignments.csv")
        let assigned = assignments.map { $0["unit_id"]! }
        #expect(Set(assigned) == mainUnits)
        #expect(assigned.count == mainUnits.count, "a unit is visited twice")

        let dataset = Self.dataset
        let enumerators = Dictionary(uniqueKeysWithValues: dataset.enumerators.map { ($0.id.rawValue, $0) })
        let workingDays = dataset.settings.calendar.workingDays
        let plannedDays = Set(workingDays.dropLast(dataset.settings.fieldwork.bufferDays).map(\.description))
        let unitTypes = Dictionary(uniqueKeysWithValues: sample.map { ($0["unit_id"]!, $0["unit_type"]!) })
        var ordersByDay: [String: [Int]] = [:]
        var minutesByDay: [String: Double] = [:]
        for visit in assignments {
            let enumerator = try #require(enumerators[visit["enumerator_id"]!])
            let date = try #require(CalendarDate(iso8601: visit["date"]!))
            #expect(plannedDays.contains(date.description), "visit on \(date), not a planned working day")
            #expect(!dataset.unavailability.contains { $0.enumeratorID == enumerator.id && $0.covers(date) },
                    "\(enumerator.id) is on leave on \(date)")
            let needed: Skill = unitTypes[visit["unit_id"]!] == "enterprise" ? .enterprise : .household
            #expect(enumerator.skills.contains(needed), "\(enumerator.id) lacks the \(needed) skill")
            let day = "\(enumerator.id.rawValue) \(date)"
            ordersByDay[day, default: []].append(try #require(Int(visit["visit_order"]!)))
            minutesByDay[day, default: 0] += try #require(Double(visit["travel_minutes"]!))
                + (try #require(Double(visit["interview_minutes"]!)))
            #expect(minutesByDay[day]! <= Double(enumerator.dailyMinutes) + 1e-6, "\(day) over budget")
        }
        for (day, orders) in ordersByDay {
            #expect(orders.sorted() == Array(1...orders.count), "\(day): visit orders \(orders.sorted())")
        }

        let manifest = try plan.manifest()
        #expect(manifest["complete"] as? Bool == true)
        let solver = try #require(manifest["solver"] as? [String: Any])
        for key in ["status", "objective", "best_bound", "gap", "seconds", "backend", "backend_version"] {
            #expect(solver[key] != nil, "manifest.solver lacks \(key)")
        }
        #expect(solver["backend"] as? String == "GLPK" && solver["backend_version"] as? String == "5.0")
        #expect(solver["glpk_version"] == nil, "the backend is recorded generically")
        // The day patterns' LP serves every unit of the default dataset: no shortfall is proven.
        #expect(solver["unserved_lower_bound"] as? Int == 0)
        // fieldwork-report.md gives the printed plan's objective, bound and gap, as the manifest does (it once gave
        // the one-site stage's, with a gap of 0 %, under a plan whose real gap was 15 %).
        let report = String(decoding: try #require(plan.files()["fieldwork-report.md"]), as: UTF8.self)
        let objective = try #require(solver["objective"] as? Double), bound = try #require(solver["best_bound"] as? Double)
        let gap = try #require(solver["gap"] as? Double)
        // In Vietnamese, with a decimal comma.
        func vietnamese(_ value: Double, _ digits: Int) -> String {
            String(format: "%.\(digits)f", value).replacingOccurrences(of: ".", with: ",")
        }
        #expect(report.contains("- Giá trị mục tiêu của kế hoạch: \(vietnamese(objective, 1))\n"), "\(report)")
        #expect(report.contains("- Cận tốt nhất: \(vietnamese(bound, 1))\n"))
        #expect(report.contains("- Khoảng cách tương đối: \(vietnamese(gap * 100, 3)) %\n"))
        let lp = try String(decoding: Data(contentsOf: scratch.appendingPathComponent("model.lp")), as: UTF8.self)
        #expect(lp.contains("Minimize"))

        try Self.expectOneHolderPerReserveAndDay(plan, assignments: assignments, sample: sample)
    }

    /// Every reserve still on a list has exactly one holder on each day its list is carried, one holder per list
    /// and day, who works in the list's commune or stratum that day; the reserve is printed on that holder's sheet
    /// and on no other sheet of the day.
    static func expectOneHolderPerReserveAndDay(_ plan: PlanFolderReader, assignments: [[String: String]],
                                                sample: [[String: String]]) throws {
        let holdings = try plan.rows("reserve-holders.csv")
        #expect(!holdings.isEmpty)
        let pairs = holdings.map { "\($0["date"]!) \($0["reserve_unit_id"]!)" }
        #expect(Set(pairs).count == pairs.count, "a reserve has two holders on one day")
        var listHolders: [String: Set<String>] = [:]
        for row in holdings { listHolders["\(row["date"]!) \(row["release_group"]!)", default: []].insert(row["enumerator_id"]!) }
        #expect(listHolders.values.allSatisfy { $0.count == 1 }, "a list split between holders")

        let units = Dictionary(uniqueKeysWithValues: sample.map { ($0["unit_id"]!, $0) })
        let reserves = sample.filter { $0["role"] == "reserve" }
        // A two-stage household's reserves are its commune's; every other unit's are its stratum's.
        func group(_ unit: [String: String]) -> String {
            unit["unit_type"] == "household" && !(unit["first_stage_probability"] ?? "").isEmpty
                ? unit["commune_code"]! : unit["stratum"]!
        }
        var working: [String: Set<String>] = [:]
        for visit in assignments {
            working["\(visit["date"]!) \(group(units[visit["unit_id"]!]!))", default: []].insert(visit["enumerator_id"]!)
        }
        for (key, holder) in listHolders {
            #expect(working[key]?.contains(holder.first!) == true, "\(key): holder \(holder) does not work there that day")
        }
        let groupsWithReserves = Set(reserves.map(group))
        for (key, _) in working where groupsWithReserves.contains(String(key.split(separator: " ")[1])) {
            #expect(listHolders[key] != nil, "\(key): visited with reserves left, but nobody holds the list")
        }

        let files = try plan.files()
        let byDate = Dictionary(grouping: holdings) { $0["date"]! }
        for (date, rows) in byDate {
            for (path, data) in files where path.hasPrefix("routes/\(date)/") && path.hasSuffix(".html") {
                let html = String(decoding: data, as: UTF8.self)
                let enumerator = String(path.split(separator: "/").last!.dropLast(".html".count))
                for row in rows {
                    let printed = html.contains("<span class=\"id\">\(row["reserve_unit_id"]!)</span>")
                    #expect(printed == (row["enumerator_id"] == enumerator),
                            "\(path): reserve \(row["reserve_unit_id"]!) held by \(row["enumerator_id"]!)")
                }
            }
        }
    }

    @Test func assignWritesANewFolderAndLeavesTheSampleUntouched() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dataset = PlannerProcess.defaultDataset.path
        #expect(try PlannerProcess.run(["sample", dataset, "--out", "s", "--seed", "5"], in: scratch).status == 0)
        let before = try PlanFolderReader(folder: scratch.appendingPathComponent("s")).files()
        let manifestBefore = try Data(contentsOf: scratch.appendingPathComponent("s/manifest.json"))

        let assign = try PlannerProcess.run(["assign", "s", "--dataset", dataset, "--quiet"], in: scratch)
        #expect(assign.status == 0, "\(assign.standardError)")
        #expect(try PlanFolderReader(folder: scratch.appendingPathComponent("s")).files() == before)
        #expect(try Data(contentsOf: scratch.appendingPathComponent("s/manifest.json")) == manifestBefore)

        let assigned = PlanFolderReader(folder: scratch.appendingPathComponent("s-assigned"))
        #expect(try assigned.files()["sample.csv"] == before["sample.csv"])
        let parent = try #require(try assigned.manifest()["parent"] as? [String: Any])
        #expect(parent["path"] as? String == "s")
        #expect(try assigned.manifest()["seed"] as? Int == 5)
        #expect(try !assigned.rows("assignments.csv").isEmpty)

        // A sample edited after the fact is refused, with the file named.
        let sampleURL = scratch.appendingPathComponent("s/sample.csv")
        try (before["sample.csv"]! + Data("X,household,HH-941,941,31498,,0.5,2,main,,,,x\r\n".utf8)).write(to: sampleURL)
        let refused = try PlannerProcess.run(["assign", "s", "--dataset", dataset, "--quiet"], in: scratch)
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("s/sample.csv"))
    }

    @Test func assignRefusesADatasetWithAFileAddedSinceTheSample() throws {
        let scratch = try PlannerProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dataset = scratch.appendingPathComponent("dataset")
        try FileManager.default.copyItem(at: PlannerProcess.defaultDataset, to: dataset)
        #expect(try PlannerProcess.run(["sample", "dataset", "--out", "s", "--quiet"], in: scratch).status == 0)
        try Data("household_id,commune_code,address,lat,lon\n".utf8)
            .write(to: dataset.appendingPathComponent("households.csv"))
        let refused = try PlannerProcess.run(["assign", "s", "--quiet"], in: scratch)
        #expect(refused.status == 65)
        #expect(refused.standardError.contains("the dataset changed since this plan was made (dataset/households.csv added)"))
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("s-assigned").path))
    }
}
