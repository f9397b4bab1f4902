import Foundation
import PlannerFormats
import Testing

@Suite("Atomic file")
struct AtomicFileTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planner-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesTheWholeFileAndLeavesNoTemporary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("plan.csv")
        try AtomicFile.write(Data("a,b\n".utf8), to: target)
        #expect(try Data(contentsOf: target) == Data("a,b\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.csv"])
    }

    @Test func refusesToOverwriteUnlessAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("plan.csv")
        try AtomicFile.write(Data("first".utf8), to: target)
        let error = try #require(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(Data("second".utf8), to: target)
        }
        #expect(error.reason.contains("refusing to overwrite"))
        #expect(try Data(contentsOf: target) == Data("first".utf8))
        try AtomicFile.write(Data("third".utf8), to: target, overwrite: true)
        #expect(try Data(contentsOf: target) == Data("third".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.csv"])
    }

    @Test func missingFolderIsAnError() throws {
        let target = URL(fileURLWithPath: "/nonexistent-planner-folder/plan.csv")
        let error = try #require(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data(), to: target) }
        #expect(error.description.hasPrefix("/nonexistent-planner-folder/plan.csv: cannot write: "))
    }
}
