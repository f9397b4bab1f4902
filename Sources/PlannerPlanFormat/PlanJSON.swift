import Foundation
import PlannerFormats

/// The JSON files of a plan folder (`manifest.json`, `fieldwork.json`): written with sorted keys, so that the same
/// content gives the same bytes, and read with every problem located.
public enum PlanJSON {
    /// Pretty, key-sorted JSON with a final newline; infinities and NaN as the strings `inf`, `-inf`, `nan`.
    public static func data(_ value: some Encodable) throws -> Data {
        let encoder = StableJSON.encoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                      negativeInfinity: "-inf", nan: "nan")
        return try StableJSON.fileData(value, encoder: encoder)
    }

    /// Decodes `data`; a file that cannot be read is one located problem: the JSON path of the field
    /// (`solver.rows`, `files[3].sha256`) and the line and column of its key, or where the JSON breaks.
    ///
    /// - Parameters:
    ///   - file: the file as the user would name it, for the problem's location.
    ///   - expected: what the file should be, for a file that is not JSON at all.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, file: String,
                                                expected: String) throws(InvalidInput) -> Value {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf",
                                                                        negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw InvalidInput(problems: [problem(error, in: data, file: file, expected: expected)])
        } catch {
            throw InvalidInput(problems: [InputProblem(file: file, location: SourceLocation(line: 1, column: 1),
                                                       field: "file", expected: expected,
                                                       found: InputProblem.quoted(String(describing: error)))])
        }
    }

    private static func problem(_ error: DecodingError, in data: Data, file: String, expected: String) -> InputProblem {
        let text = String(decoding: data, as: UTF8.self)
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return InputProblem(file: file, location: location(of: context.codingPath, in: text),
                                field: path(context.codingPath + [key]), expected: "the key \(key.stringValue)",
                                found: "no such key")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            // JSON that is not an object at all (`[]`, `7`, `"x"`) is the wrong file, not a wrong field.
            let whole = context.codingPath.isEmpty
            return InputProblem(file: file, location: location(of: context.codingPath, in: text),
                                field: whole ? "file" : path(context.codingPath),
                                expected: whole ? expected : "a value of type \(type)",
                                found: whole ? "JSON that is not an object" : "another value")
        case .dataCorrupted(let context):
            let detail = context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
            return InputProblem(file: file,
                                location: reportedLocation(detail) ?? location(of: context.codingPath, in: text),
                                field: context.codingPath.isEmpty ? "file" : path(context.codingPath),
                                expected: context.codingPath.isEmpty ? expected : "a valid value",
                                found: InputProblem.quoted(detail, limit: 120))
        @unknown default:
            return InputProblem(file: file, location: SourceLocation(line: 1, column: 1), field: "file",
                                expected: expected, found: InputProblem.quoted("\(error)"))
        }
    }

    /// The key of the last named component of `path`, found by searching for each key in turn after the one
    /// before; line 1, column 1 when the path is empty.
    private static func location(of path: [any CodingKey], in text: String) -> SourceLocation {
        var position = text.startIndex
        var found: String.Index?
        for key in path where key.intValue == nil {
            guard let range = text.range(of: "\"\(key.stringValue)\"", range: position..<text.endIndex) else { break }
            found = range.lowerBound
            position = range.upperBound
        }
        guard let found else { return SourceLocation(line: 1, column: 1) }
        let before = text[..<found]
        let line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return SourceLocation(line: line, column: before.distance(from: lineStart, to: before.endIndex) + 1)
    }

    /// `… line 3, column 7 …`, as the JSON parser words where the text breaks.
    private static func reportedLocation(_ detail: String) -> SourceLocation? {
        guard let match = detail.firstMatch(of: /line (\d+), column (\d+)/),
              let line = Int(match.1), let column = Int(match.2) else { return nil }
        return SourceLocation(line: line, column: column)
    }
}
