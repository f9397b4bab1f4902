import Foundation
import PlannerPlanFormat
@testable import PlannerReports
import Testing

/// The manifest's solver record names its backend generically and still reads manifests written with `glpk_version`.
@Suite("Manifest solver record")
struct ManifestSolverTests {
    static let record = PlanManifest.Solver(
        status: "optimal", objective: 812.5, bestBound: 812.5, gap: 0, seconds: 0.25, backend: "GLPK",
        backendVersion: "5.0", warmStartAccepted: nil, source: "solver", rows: 40, columns: 90, integerColumns: 90)

    @Test func writesBackendAndVersionAndRoundTrips() throws {
        let data = try JSONEncoder().encode(Self.record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["backend"] as? String == "GLPK")
        #expect(object["backend_version"] as? String == "5.0")
        #expect(object["glpk_version"] == nil)
        #expect(object["warm_start_accepted"] == nil, "an absent value stays absent, as before")
        #expect(try JSONDecoder().decode(PlanManifest.Solver.self, from: data) == Self.record)
        #expect(object["unserved_lower_bound"] == nil, "no proof computed, no key")
    }

    @Test func theProvenShortfallRoundTrips() throws {
        var proven = Self.record
        proven.unservedLowerBound = 23
        let data = try JSONEncoder().encode(proven)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["unserved_lower_bound"] as? Int == 23)
        #expect(try JSONDecoder().decode(PlanManifest.Solver.self, from: data) == proven)
    }

    @Test func readsTheOlderGLPKVersionKey() throws {
        let older = """
            {"status": "optimal", "objective": 812.5, "best_bound": 812.5, "gap": 0, "seconds": 0.25,
             "glpk_version": "GLPK 5.0", "source": "solver", "rows": 40, "columns": 90, "integer_columns": 90}
            """
        let decoded = try JSONDecoder().decode(PlanManifest.Solver.self, from: Data(older.utf8))
        #expect(decoded == Self.record)
    }

    @Test func aRecordWithoutAnyBackendIsAnError() {
        let missing = """
            {"status": "optimal", "seconds": 0.25, "source": "solver", "rows": 40, "columns": 90, "integer_columns": 90}
            """
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PlanManifest.Solver.self, from: Data(missing.utf8))
        }
    }
}

/// "Optimal" is GLPK's verdict on the model it solved; a plan changed after the solve, with no bound covering it,
/// must not read as proven optimal, nor "gap limit reached" as the printed plan's gap.
@Suite("Solver status words")
struct SolverStatusWordsTests {
    @Test(arguments: [Language.english, .vietnamese])
    func optimalIsQualifiedWhereItIsNotAboutThePrintedPlan(language: Language) {
        let text = language == .vietnamese ? FieldworkText.vietnamese : FieldworkText.english
        // No bound covers the printed plan: "optimal" and "gap limit" are about another model.
        for status in ["optimal", "feasible_gap_limit"] {
            let covered = text.solverStatus(status, printedPlanGap: 0)
            let uncovered = text.solverStatus(status, printedPlanGap: nil)
            #expect(covered == text.solverStatus(status))
            #expect(uncovered.hasPrefix(covered) && uncovered.count > covered.count + 20)
            if language == .vietnamese { #expect(EnglishWords.found(inText: uncovered) == []) }
        }
        // "Optimal" or "gap limit reached" beside a real gap: the verdict on the model solved, the gap to a bound over
        // every plan (the day patterns', or a pooled plan's day-capacity bound).
        for status in ["optimal", "feasible_gap_limit"] {
            let apart = text.solverStatus(status, printedPlanGap: 0.2489)
            #expect(apart.hasPrefix(text.solverStatus(status)) && apart != text.solverStatus(status))
            #expect(apart != text.solverStatus(status, printedPlanGap: nil))
            if language == .vietnamese { #expect(EnglishWords.found(inText: apart) == []) }
            #expect(text.solverStatus(status, printedPlanGap: 0.00005) == text.solverStatus(status))
        }
        // Statuses that claim nothing about optimality stay as they are.
        for status in ["feasible_time_limit", "feasible_neighbourhood_search"] {
            #expect(text.solverStatus(status, printedPlanGap: nil) == text.solverStatus(status))
            #expect(text.solverStatus(status, printedPlanGap: 0.3) == text.solverStatus(status))
        }
        #expect(SolverStatusWords.commandLine(status: "optimal", gap: 0) == "optimal")
        #expect(SolverStatusWords.commandLine(status: "optimal", gap: nil).hasPrefix("optimal (for the model solved"))
        #expect(SolverStatusWords.commandLine(status: "optimal", gap: 0.25).hasPrefix("optimal (for the model solved; the printed plan's gap"))
        #expect(SolverStatusWords.commandLine(status: "feasible_gap_limit", gap: 0.31).contains("a bound over every plan"))
    }
}
