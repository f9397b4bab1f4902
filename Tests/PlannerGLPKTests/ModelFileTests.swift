import Foundation
import Testing
import PlannerOptimization
import PlannerGLPK
import MIPSolverConformance

@Suite("MPS and LP export")
struct ModelFileTests {
    let solver = GLPKSolver()

    /// Every feature at once: binaries, bounded and free integers, continuous, each row kind, a constant.
    static func fullModel(sense: MIPModel.Sense) -> MIPModel {
        var model = MIPModel(name: "full model", sense: sense, objectiveConstant: 12.25)
        let b = (0..<4).map { model.addVariable("b\($0)", kind: .binary, objective: Double($0 + 1)) }
        let n = model.addVariable("n", kind: .integer, lowerBound: -3, upperBound: 6, objective: -2)
        let m = model.addVariable("m", kind: .integer, lowerBound: nil, upperBound: 4, objective: 1.5)
        let c = model.addVariable("c(0)", kind: .continuous, lowerBound: 0.5, upperBound: 9.75, objective: -0.125)
        let f = model.addVariable("fixed", kind: .continuous, lowerBound: 2, upperBound: 2, objective: 1)
        model.addConstraint("le", [.init(b[0], 3), .init(b[1], 2), .init(n, 1), .init(c, 1)], upperBound: 11)
        model.addConstraint("ge", [.init(b[2], 1), .init(b[3], 1), .init(m, 1)], lowerBound: -2)
        model.addConstraint("eq", [.init(n, 1), .init(m, -1), .init(f, 1)], lowerBound: 1, upperBound: 1)
        model.addConstraint("range", [.init(b[0], 1), .init(b[2], 1), .init(c, 0.5)], lowerBound: 1, upperBound: 3.5)
        model.addConstraint("cap", [.init(m, 1), .init(n, 1)], lowerBound: -8, upperBound: 8)
        return model
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ModelFileFormat.allCases, [MIPModel.Sense.minimize, .maximize])
    func roundTripKeepsStructureAndOptimum(format: ModelFileFormat, sense: MIPModel.Sense) throws {
        let model = Self.fullModel(sense: sense)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.\(format.rawValue)")
        try solver.export(model, as: format, to: url)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.\(format.rawValue)"],
                "no temporary file is left behind")

        let read = try solver.readModel(from: url, format: format)
        // LP only: the objective constant's fixed column, and GLPK's helper column for each ranged row (rows 4, 5).
        let extraColumns = format == .cplexLP ? ["objective_constant", "~r_4", "~r_5"] : []
        #expect(read.constraints.count == model.constraints.count)
        #expect(read.variables.map(\.name) == model.variables.map(\.name) + extraColumns)
        #expect(read.integerVariableCount == model.integerVariableCount)
        #expect(read.nonzeroCount == model.nonzeroCount + (format == .cplexLP ? 2 : 0))
        #expect(read.constraints.map(\.name) == model.constraints.map(\.name))
        #expect(read.variables.filter { $0.kind == .binary }.count == 4)
        if format == .cplexLP {
            let constant = read.variables[model.variables.count]
            #expect(constant.lowerBound == 1 && constant.upperBound == 1 && constant.objectiveCoefficient == 12.25)
            #expect(read.variables.last?.upperBound == 16)  // ~r_5: cap's range 8 − (−8)
            #expect(read.sense == sense)
        } else {
            #expect(read.objectiveConstant == (sense == .maximize ? -12.25 : 12.25))
        }

        let original = try solver.solve(model, options: exactOptions).result
        let reread = try solver.solve(read, options: exactOptions).result
        #expect(original.status == .optimal && reread.status == .optimal)
        let negated = format == .freeMPS && sense == .maximize  // MPS has no sense: max f is written as min −f
        let expected = (original.objective ?? .nan) * (negated ? -1 : 1)
        #expect(abs((reread.objective ?? .nan) - expected) < 1e-9, "re-solved \(String(describing: reread.objective))")
    }

    @Test func constantColumnNameAvoidsACollision() throws {
        var model = Self.fullModel(sense: .minimize)
        model.addVariable(GLPKSolver.objectiveConstantColumnName, kind: .continuous, lowerBound: 0, upperBound: 1)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.lp")
        try solver.export(model, as: .cplexLP, to: url)
        let read = try solver.readModel(from: url, format: .cplexLP)
        #expect(read.variables.map(\.name).contains("\(GLPKSolver.objectiveConstantColumnName)_1"))
        #expect(read.variables.count == model.variables.count + 3)
    }

    @Test func variableNamedLikeARangeHelperColumnIsRefusedForLP() throws {
        var model = Self.fullModel(sense: .minimize)  // row 4 is ranged
        model.addVariable("~r_4", kind: .continuous, lowerBound: 0, upperBound: 1)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.lp")
        #expect(throws: ModelFileError(path: url.path, .clashesWithRangeColumn(variable: "~r_4"))) {
            try solver.export(model, as: .cplexLP, to: url)
        }
        try solver.export(model, as: .freeMPS, to: directory.appendingPathComponent("model.mps"))
    }

    @Test func exportReplacesAnExistingFileAtomically() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.mps")
        try Data("old".utf8).write(to: url)
        try solver.export(Self.fullModel(sense: .minimize), as: .freeMPS, to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("ROWS") && text.contains("ENDATA") && !text.hasPrefix("old"))
    }

    @Test func refusesDevicesDirectoriesAndMissingDirectories() throws {
        let model = Self.fullModel(sense: .minimize)
        for path in ["/dev/null", "/dev/shm/model.mps", "/dev"] {
            #expect(throws: ModelFileError.self, "\(path)") {
                try solver.export(model, as: .freeMPS, to: URL(fileURLWithPath: path))
            }
        }
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")

        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ModelFileError(path: directory.path, .notARegularFile)) {
            try solver.export(model, as: .cplexLP, to: directory)
        }
        let missing = directory.appendingPathComponent("no/such/dir/model.lp")
        #expect(throws: ModelFileError(path: missing.path, .missingDirectory)) {
            try solver.export(model, as: .cplexLP, to: missing)
        }
        // A symlink into /dev is resolved and refused too.
        let link = directory.appendingPathComponent("sneaky.mps")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        #expect(throws: ModelFileError(path: link.path, .devicePath)) {
            try solver.export(model, as: .freeMPS, to: link)
        }
    }

    @Test func refusesModelsGLPKCannotWrite() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var noRows = MIPModel(name: "no_rows")
        noRows.addVariable("x", kind: .binary)
        let url = directory.appendingPathComponent("m.mps")
        #expect(throws: ModelFileError(path: url.path, .emptyModel)) { try solver.export(noRows, as: .freeMPS, to: url) }
    }

    @Test(arguments: BadModel.all)
    func exportRefusesMalformedModelsWithoutCallingGLPK(_ bad: BadModel) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).mps")
        #expect(throws: ModelError.self) { try solver.export(bad.model, as: .freeMPS, to: url) }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func readingGarbageIsAnError() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("garbage.lp")
        try Data("this is not a model\n".utf8).write(to: url)
        for format in ModelFileFormat.allCases {
            #expect(throws: ModelFileError.self) { try solver.readModel(from: url, format: format) }
        }
        #expect(throws: ModelFileError.self) {
            try solver.readModel(from: directory.appendingPathComponent("missing.mps"), format: .freeMPS)
        }
    }
}
