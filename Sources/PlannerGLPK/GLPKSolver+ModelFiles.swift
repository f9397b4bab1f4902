import CGLPK
import Foundation
import PlannerOptimization

extension GLPKSolver {
    /// Name of the fixed column that carries the objective constant in CPLEX LP exports.
    public static let objectiveConstantColumnName = "objective_constant"

    /// Writes `model` as GLPK writes it, so the exact run can be replayed in `glpsol`, CBC or HiGHS.
    ///
    /// The file appears atomically: GLPK writes a temporary file in the target directory, which is then renamed
    /// over `url`. Paths under /dev and anything but a regular file at `url` are refused (GLPK run as root once
    /// replaced /dev/null). Two limits of GLPK's formats are worked around so that reading the file back gives
    /// the same optimum:
    /// - GLPK's MPS has no objective sense: a maximisation is written as minimising the negated objective, and
    ///   a comment at the top says so. The objective constant is the objective row's RHS, which GLPK reads as
    ///   +constant (CPLEX-style readers take −RHS; the comment gives the value).
    /// - GLPK's CPLEX LP writer keeps the objective constant only as a comment: it is written as a column
    ///   `objective_constant` (suffixed `_1`, `_2`, … if taken) fixed at 1 whose objective coefficient is the constant.
    ///
    /// - GLPK's CPLEX LP writer has no ranged rows: a row with two different bounds is written as
    ///   `row − ~r_<i> = lower` with a helper column `~r_<i>` in [0, upper − lower] (`<i>` the 1-based row number),
    ///   so reading it back gives one more column per ranged row. A variable of that name is refused.
    ///
    /// MPS numbers are limited to 12 characters by GLPK's writer, so coefficients keep about 12 significant
    /// digits; LP numbers keep 15. GLPK does not gzip the file even if `url` ends in `.gz`.
    ///
    /// - Throws: `ModelError` for a malformed model, `ModelFileError` for a refused path or a failed write.
    public func export(_ model: MIPModel, as format: ModelFileFormat, to url: URL) throws {
        try model.validate()
        let path = try Self.checkedPath(url, mustExist: false)
        guard !model.variables.isEmpty, !model.constraints.isEmpty else {
            throw ModelFileError(path: path, .emptyModel)
        }
        if format == .cplexLP, let clash = Self.rangeColumnClash(in: model) {
            throw ModelFileError(path: path, .clashesWithRangeColumn(variable: clash))
        }
        let (exported, header) = Self.exportable(model, as: format)
        let target = URL(fileURLWithPath: path)
        let temporaryPath = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        defer { try? FileManager.default.removeItem(atPath: temporaryPath) }
        let code = GLPKTerminal.run(showingSolverOutput: false) {
            GLPKProblem(exported).write(format == .freeMPS ? .freeMPS : .cplexLP, to: temporaryPath)
        }
        guard code == 0 else { throw ModelFileError(path: path, .glpkFailed(code: code)) }
        if !header.isEmpty {
            let body = try Data(contentsOf: URL(fileURLWithPath: temporaryPath))
            try (Data(header.utf8) + body).write(to: URL(fileURLWithPath: temporaryPath))
        }
        guard rename(temporaryPath, path) == 0 else { throw ModelFileError(path: path, .renameFailed(errno: errno)) }
    }

    /// Reads a model file with GLPK's reader, for checking exports and replaying models written elsewhere.
    ///
    /// Columns and rows without names get `C<n>` / `R<n>`; integer columns with bounds [0, 1] become binary.
    /// The result is not validated: a foreign file may hold names `validate()` rejects.
    ///
    /// - Throws: `ModelFileError` when the path is refused or GLPK cannot parse the file.
    public func readModel(from url: URL, format: ModelFileFormat) throws -> MIPModel {
        let path = try Self.checkedPath(url, mustExist: true)
        return try GLPKTerminal.run(showingSolverOutput: false) {
            let problem = GLPKProblem()
            let code = problem.read(format == .freeMPS ? .freeMPS : .cplexLP, from: path)
            guard code == 0 else { throw ModelFileError(path: path, .glpkFailed(code: code)) }
            return problem.model()
        }
    }

    /// A variable named like the helper column GLPK's LP writer adds for a ranged row, if any.
    private static func rangeColumnClash(in model: MIPModel) -> String? {
        let helperNames = Set(model.constraints.indices.filter {
            let row = model.constraints[$0]
            return row.lowerBound != nil && row.upperBound != nil && row.lowerBound != row.upperBound
        }.map { "~r_\($0 + 1)" })
        return model.variables.first { helperNames.contains($0.name) }?.name
    }

    /// The model as GLPK's format can hold it, and comment lines to put above GLPK's own.
    private static func exportable(_ model: MIPModel, as format: ModelFileFormat) -> (MIPModel, String) {
        var exported = model
        var header = ""
        switch format {
        case .freeMPS:
            if model.sense == .maximize {
                exported.sense = .minimize
                exported.objectiveConstant = -model.objectiveConstant
                for index in model.variables.indices {
                    exported.setObjectiveCoefficient(-model.variables[index].objectiveCoefficient,
                                                     of: MIPModel.VariableID(index: index))
                }
                header += "* Model maximises; written as minimising the negated objective (MPS has no sense).\n"
            }
            if exported.objectiveConstant != 0 {
                header += "* Objective constant \(exported.objectiveConstant) is the RHS of row R0000000 "
                    + "(GLPK convention: +RHS).\n"
            }
        case .cplexLP:
            if model.objectiveConstant != 0 {
                let names = Set(model.variables.map(\.name))
                var name = objectiveConstantColumnName
                var suffix = 0
                while names.contains(name) {
                    suffix += 1
                    name = "\(objectiveConstantColumnName)_\(suffix)"
                }
                exported.addVariable(name, kind: .continuous, lowerBound: 1, upperBound: 1,
                                     objective: model.objectiveConstant)
                exported.objectiveConstant = 0
            }
        }
        return (exported, header)
    }

    /// The absolute path for `url`, refused if it resolves under /dev or names something other than a regular file.
    private static func checkedPath(_ url: URL, mustExist: Bool) throws(ModelFileError) -> String {
        guard url.isFileURL else { throw ModelFileError(path: url.absoluteString, .notAFileURL) }
        let path = url.standardizedFileURL.path
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
        for candidate in [path, resolved] where candidate == "/dev" || candidate.hasPrefix("/dev/") {
            throw ModelFileError(path: path, .devicePath)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) {
            let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
            guard !isDirectory.boolValue, type == .typeRegular else { throw ModelFileError(path: path, .notARegularFile) }
        } else if mustExist {
            throw ModelFileError(path: path, .notARegularFile)
        }
        let directory = (resolved as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ModelFileError(path: path, .missingDirectory)
        }
        return path
    }
}
