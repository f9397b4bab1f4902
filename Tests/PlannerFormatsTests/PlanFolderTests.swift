import Foundation
import Synchronization
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
    func scratch() throws -> URL { try PlanFolderTests().scratch() }

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

    /// The default destination under concurrency: each run takes the next free name by the rename that publishes
    /// it, and a name taken by anything — even an empty folder — is never replaced.
    @Test func numberedWritesTakeTheNextFreeNameAndNeverReplace() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.appendingPathComponent("plan")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plan-2"), withIntermediateDirectories: true)
        try Data().write(to: base)
        let written = try PlanFolder(destination: base, numbered: true).write([.init("a.csv", Data("a".utf8))]) { _ in
            Data("{}".utf8)
        }
        #expect(written.lastPathComponent == "plan-3")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("plan-2").path).isEmpty)
    }

    @Test func concurrentNumberedWritesEachGetTheirOwnCompleteFolder() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = root.appendingPathComponent("plan")
        let runs = 8
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let data = Data("run \(run)".utf8)
            let written = try? PlanFolder(destination: base, numbered: true).write([.init("a.csv", data)]) { _ in data }
            results.withLock { $0.append(written?.lastPathComponent ?? "failed") }
        }
        let names = results.withLock { $0 }.sorted()
        #expect(names == (["plan"] + (2...runs).map { "plan-\($0)" }).sorted())
        for name in names {
            let folder = root.appendingPathComponent(name)
            #expect(try Data(contentsOf: folder.appendingPathComponent("a.csv"))
                        == Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).count == runs, "no staging folder left")
    }

    /// A killed run whose parent has not reaped it yet is a zombie: `kill(pid, 0)` still succeeds, but its
    /// staging folder is a leftover all the same.
    @Test func stagingOfAZombieProcessIsRemoved() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        var zombie: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/true".withCString { strdup($0) }, nil]
        defer { arguments.forEach { free($0) } }
        #expect(posix_spawn(&zombie, "/bin/true", nil, nil, arguments, nil) == 0)
        defer { waitpid(zombie, nil, 0) }
        // Wait until it has exited but is not reaped.
        for _ in 0..<200 where PlanFolder.isRunning(zombie) { usleep(10_000) }
        #expect(kill(zombie, 0) == 0, "an unreaped child still has its process ID")
        #expect(!PlanFolder.isRunning(zombie))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".p.partial-\(zombie)-0"),
                                                withIntermediateDirectories: true)
        try PlanFolder(destination: root.appendingPathComponent("p")).write([.init("a.csv", Data())]) { _ in Data() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["p"])
    }

    /// An output folder that cannot be created is a `.system` write error (exit 73) that says why.
    @Test func anOutputBelowAFileSaysWhyItCannotBeCreated() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent("file"))
        let error = try #require(throws: PlanFolder.WriteError.self) {
            try PlanFolder(destination: root.appendingPathComponent("file/plans/p")).write([.init("a", Data())]) { _ in Data() }
        }
        #expect(error.kind == PlanFolder.WriteError.Kind.system)
        #expect(error.reason.contains("cannot create the folder"), "\(error)")
        #expect(error.reason.contains("Not a directory"), "\(error)")
    }
}
