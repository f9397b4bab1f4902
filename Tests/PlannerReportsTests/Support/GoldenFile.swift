import Foundation
import Testing

/// Compares output with a file under `Golden/`; `UPDATE_GOLDEN=1` rewrites the file in the source tree instead.
///
/// The expected bytes are read from the test bundle's copy; the update writes beside this source file, so a
/// rebuild picks it up.
enum GoldenFile {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isUpdating {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Golden")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: folder.appendingPathComponent(name))
            return
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
                               "missing Golden/\(name); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        let expected = try Data(contentsOf: url)
        if actual != expected {
            let actualText = lines(actual)
            let expectedText = lines(expected)
            let line = zip(actualText, expectedText).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualText.count, expectedText.count)
            Issue.record("""
                \(name) differs from Golden/\(name) at line \(line + 1):
                  expected: \(line < expectedText.count ? expectedText[line] : "<end>")
                  actual:   \(line < actualText.count ? actualText[line] : "<end>")
                (UPDATE_GOLDEN=1 rewrites it after review)
                """, sourceLocation: sourceLocation)
        }
    }

    /// Lines split at LF or CRLF (a Swift `Character` holds CRLF whole, so splitting at "\n" would miss it).
    private static func lines(_ data: Data) -> [String] {
        String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map(String.init)
    }
}
