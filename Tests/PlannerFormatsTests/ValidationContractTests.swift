import Foundation
import PlannerCore
import PlannerFormats
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The validation contract (docs/formats.md, docs/robustness.md): IDs, names and free text have a length and a
/// character class, control characters are refused where they are read, two enumerator IDs never share a login,
/// and only regular files are read — each refusal a located problem.
@Suite("Validation contract")
struct ValidationContractTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var old: String
        var new: String
        var line: Int
        var column: Int
        var field: String
        var expected: String
        var testDescription: String { name }
    }

    static let longID = String(repeating: "N", count: 300)
    static let longName = String(repeating: "Bưu điện ", count: 45) + "Sóc Trăng"

    static let cases: [Case] = [
        // GLPK refuses variable names over 255 bytes; an ID over 64 bytes can no longer reach the model.
        Case(name: "enumerator ID of 300 bytes", file: "enumerators.csv", old: "N02,", new: "\(longID),", line: 3,
             column: 1, field: "enumerator_id", expected: "an identifier usable as a file name: 1–64 ASCII"),
        Case(name: "enterprise ID with a space", file: "enterprises.csv", old: "E002,", new: "E 002,", line: 3,
             column: 1, field: "enterprise_id", expected: "an identifier usable as a file name"),
        Case(name: "district code with a letter outside ASCII", file: "communes.csv", old: "941,Thành phố Sóc Trăng,31501",
             new: "94é,Thành phố Sóc Trăng,31501", line: 3, column: 1, field: "district_code",
             expected: "an identifier usable as a file name"),
        Case(name: "household ID with an escape", file: "households.csv", old: "H0002,", new: "H\u{1B}]0;x\u{7}02,",
             line: 3, column: 1, field: "household_id", expected: "an identifier usable as a file name"),
        Case(name: "post office of 409 characters", file: "enumerators.csv", old: "Bưu điện Sóc Trăng,941,9.593316,105.974507,household,",
             new: "\(longName),941,9.593316,105.974507,household,", line: 3, column: 19, field: "post_office",
             expected: "at most 200 characters"),
        Case(name: "enumerator name with an escape sequence", file: "enumerators.csv", old: "Trần Thị Bình",
             new: "Trần\u{1B}[2J Thị Bình", line: 3, column: 5, field: "name", expected: "text without control characters"),
        Case(name: "commune name with a bidirectional override", file: "communes.csv", old: "Phường 7",
             new: "Phường \u{202E}7", line: 3, column: 31, field: "commune_name", expected: "text without control characters"),
        Case(name: "enterprise name with a line break in its quoted field", file: "enterprises.csv",
             old: "\"Doanh nghiệp tư nhân Minh Phát\"", new: "\"Doanh nghiệp tư nhân\nMinh Phát\"", line: 5, column: 6,
             field: "name", expected: "text without control characters"),
        Case(name: "zone name with a C1 control", file: "zones.csv", old: "Khu công nghiệp An Nghiệp",
             new: "Khu công nghiệp\u{9B}31m An Nghiệp", line: 2, column: 6, field: "zone_name",
             expected: "text without control characters"),
        Case(name: "household address with DEL", file: "households.csv", old: "15 Lê Lợi", new: "15 Lê\u{7F} Lợi",
             line: 3, column: 13, field: "address", expected: "text without control characters"),
        Case(name: "leave reason with an isolate", file: "unavailability.csv", old: "training", new: "train\u{2066}ing",
             line: 2, column: 27, field: "reason", expected: "text without control characters"),
        Case(name: "travel time of 1e308 minutes", file: "travel.csv", old: "31498,31594,25", new: "31498,31594,1e308",
             line: 2, column: 13, field: "minutes", expected: "minutes in [0, 1440]"),
        Case(name: "two enumerator IDs with one login", file: "enumerators.csv", old: "N02,", new: "n01,", line: 3,
             column: 1, field: "enumerator_id", expected: "an enumerator_id unique ignoring letter case (its export "
                 + "login \"n01\" is also N01's, line 2)"),
    ]

    @Test(arguments: cases)
    func refusedAtItsField(_ defect: Case) throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.replace(defect.old, with: defect.new, in: defect.file)
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first { $0.field == defect.field }, "\(error)")
        #expect(URL(fileURLWithPath: problem.file).lastPathComponent == defect.file)
        #expect(problem.line == defect.line, "\(problem)")
        #expect(problem.column == defect.column, "\(problem)")
        #expect(problem.expected.hasPrefix(defect.expected), "\(problem)")
        // The echoed value can drive no terminal: control characters are written as \u{…}.
        #expect(!problem.description.unicodeScalars.contains(where: InputText.isControl), "\(problem)")
    }

    @Test func theEchoedValueShowsItsControlCharactersVisibly() throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.replace("Trần Thị Bình", with: "Bình\u{1B}]2;owned\u{7}", in: "enumerators.csv")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        #expect(error.description.contains("Bình\\u{1B}]2;owned\\u{7}"), "\(error)")
    }

    @Test func asciiLettersDigitsDashUnderscoreAndDotMakeAnIdentifier() {
        #expect(InputText.isIdentifier("EN-01_a.b"))
        #expect(InputText.isIdentifier(String(repeating: "a", count: 64)))
        #expect(!InputText.isIdentifier(String(repeating: "a", count: 65)))
        #expect(!InputText.isIdentifier(""))
        #expect(!InputText.isIdentifier(".hidden"))
        #expect(!InputText.isIdentifier("Đ01"))
        #expect(!InputText.isIdentifier("a b"))
    }

    /// `hasNoControl` on UTF-8 bytes (the listing's fast path) agrees with `isControl` on scalars.
    @Test(arguments: [0x00, 0x1B, 0x7F, 0x80, 0x9F, 0xA0, 0x202A, 0x202E, 0x202F, 0x2066, 0x2069, 0x206A, 0x1EC7])
    func byteAndScalarChecksAgree(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let text = "a\(Character(scalar))b"
        #expect(InputText.hasNoControl(Array(text.utf8)) == !InputText.isControl(scalar))
    }

    @Test func escapingWritesEveryControlVisiblyAndKeepsOtherText() {
        #expect(InputText.escaped("Sóc Trăng") == "Sóc Trăng")
        #expect(InputText.escaped("a\u{1B}[31mb\u{0}c\u{202E}d\u{85}") == "a\\u{1B}[31mb\\u{0}c\\u{202E}d\\u{85}")
        #expect(InputText.escapedLines("a\u{7}\nb") == "a\\u{7}\nb")
    }

    // MARK: survey.toml

    static let surveyCases: [(name: String, old: String, new: String, key: String, expected: String)] = [
        ("NUL in the survey name", "name = \"Fixture survey\"", "name = \"Fixture\\u0000survey\"", "survey.name",
         "a string without control characters"),
        ("escape in the English name", "name = \"Fixture survey\"", "name = \"Fixture survey\"\nname_en = \"x\\u001b]0;t\\u0007\"",
         "survey.name_en", "a string without control characters"),
        ("a 201-character survey name", "name = \"Fixture survey\"", "name = \"\(String(repeating: "s", count: 201))\"",
         "survey.name", "at most 200 characters"),
        ("a bidirectional override in the contact", "name = \"Fixture survey\"",
         "name = \"Fixture survey\"\ncontact = \"call \\u202E0123\"", "survey.contact", "a string without control characters"),
        ("workload_balance_weight = 1e308", "speed_kmh = 30", "speed_kmh = 30\nworkload_balance_weight = 1e308",
         "fieldwork.workload_balance_weight", "a weight in [0, 100]"),
    ]

    @Test(arguments: surveyCases.indices)
    func surveyValueRefusedAtItsKey(_ index: Int) throws {
        let defect = Self.surveyCases[index]
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.replace(defect.old, with: defect.new, in: "survey.toml")
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first, "\(defect.name)")
        #expect(problem.field == defect.key, "\(problem)")
        #expect(problem.line != nil && problem.column != nil, "\(problem)")
        #expect(problem.expected.hasPrefix(defect.expected), "\(problem)")
        #expect(!problem.description.unicodeScalars.contains(where: InputText.isControl), "\(problem)")
    }

    // MARK: Special files

    /// A FIFO in place of a file is refused at once: reading it would wait for a writer for ever.
    @Test(arguments: ["survey.toml", "communes.csv", "households.csv"], [true, false])
    func aFIFOInPlaceOfADatasetFileIsRefusedWithoutWaiting(_ file: String, throughALink: Bool) throws {
        let dataset = try FixtureDataset()
        defer { dataset.delete() }
        try dataset.remove(file)
        let fifo = throughALink ? dataset.folder.deletingLastPathComponent().appendingPathComponent("pipe")
                                : dataset.url(file)
        #expect(mkfifo(fifo.path, 0o644) == 0)
        if throughALink { try FileManager.default.createSymbolicLink(at: dataset.url(file), withDestinationURL: fifo) }
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        let problem = try #require(error.problems.first { $0.file.hasSuffix(file) && $0.field == "file" }, "\(error)")
        #expect(problem.description.hasSuffix("expected a readable regular file, found a FIFO (named pipe), not a "
                                              + "regular file"), "\(problem)")
    }

    @Test func aFolderInPlaceOfAFileAndADeviceAreRefused() throws {
        #expect(InputFile.problem(at: URL(fileURLWithPath: "/dev/null")) == .notRegular("a character device, not a regular file"))
        #expect(InputFile.problem(at: URL(fileURLWithPath: "/tmp")) == .notRegular("a folder"))
        #expect(throws: InputFile.Failure.missing) { try InputFile.read(URL(fileURLWithPath: "/nonexistent/x.csv")) }
        #expect(InputFile.folderProblem(at: URL(fileURLWithPath: "/dev/null")) == .notRegular("a character device, not a regular file"))
    }

    /// A dataset folder that cannot be read says so; run by a user without the permission (root reads anything).
    @Test(.enabled(if: getuid() != 0))
    func anUnreadableFolderIsPermissionDeniedNotMissing() throws {
        let dataset = try FixtureDataset()
        defer {
            chmod(dataset.folder.path, 0o755)
            dataset.delete()
        }
        #expect(chmod(dataset.folder.path, 0o000) == 0)
        let error = try #require(throws: InvalidInput.self) { try DatasetReader().read(folder: dataset.folder) }
        #expect(error.description.hasSuffix("found permission denied"), "\(error)")
    }
}
