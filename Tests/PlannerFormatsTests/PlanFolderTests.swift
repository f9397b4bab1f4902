import Foundation
import Testing
@testable import PlannerFormats

@Suite struct PlanFolderTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfolder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesEveryFileAndAManifestOfTheirDigests() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("Plans/p1")
        var seen: [PlanFolder.Digest] = []
        try PlanFolder(destination: destination).write(
            [.init("routes/2023-10-03/EN01.csv", Data("b\n".utf8)), .init("a.csv", Data("abc".utf8))]
        ) { digests in
            seen = digests
            return Data("{}\n".utf8)
        }
        #expect(seen.map(\.path) == ["a.csv", "routes/2023-10-03/EN01.csv"])
        #expect(seen[0].sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(seen[0].bytes == 3)
        #expect(try Data(contentsOf: destination.appendingPathComponent("routes/2023-10-03/EN01.csv")) == Data("b\n".utf8))
        #expect(try Data(contentsOf: destination.appendingPathComponent("manifest.json")) == Data("{}\n".utf8))
        // Nothing but the plan is left beside it: no staging folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Plans").path) == ["p1"])
    }

    @Test func refusesAnExistingDestinationEvenAnEmptyOne() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        #expect(throws: PlanFolder.WriteError.self) {
            try PlanFolder(destination: destination).write([.init("a", Data())]) { _ in Data() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["p"])
    }

    @Test(arguments: ["../escape.csv", "/etc/passwd", "a//b", "", "./a", "manifest.json"])
    func refusesUnsafeOrReservedPaths(path: String) throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("p")
        do {
            try PlanFolder(destination: destination).write([.init(path, Data("x".utf8))]) { _ in Data() }
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.kind == .invalidPath)
        }
        #expect(!FileManager.default.fileExists(atPath: destination.path))
    }

    @Test func aFailingManifestLeavesNoPlanAndNoStagingFolder() throws {
        struct Broken: Error {}
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let destination = root.appendingPathComponent("p")
        #expect(throws: PlanFolder.WriteError.self) {
            try PlanFolder(destination: destination).write([.init("a.csv", Data("x".utf8))]) { _ in throw Broken() }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }
}

/// Staging folders of killed runs are cleaned by the next write to the same destination.
@Suite struct StaleStagingTests {
    /// The ID of a process that has exited and been reaped.
    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func removesStagingOfDeadProcessesOnlyForTheSameDestination() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("staging-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try deadProcessID()
        let live = getppid()
        let names = [".p.partial-\(dead)-0", ".p.partial-\(live)-0", ".q.partial-\(dead)-0", ".p.partial-x-0"]
        for name in names {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name).appendingPathComponent("routes"),
                                                    withIntermediateDirectories: true)
        }
        try PlanFolder(destination: root.appendingPathComponent("p")).write([.init("a.csv", Data("a".utf8))]) { _ in
            Data("{}".utf8)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        #expect(left == [".p.partial-\(live)-0", ".p.partial-x-0", ".q.partial-\(dead)-0", "p"])
    }
}
