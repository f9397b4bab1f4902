/// A section another command adds to the summary page (`planner replan`: what changed, progress so far).
///
/// The page gives it a heading, an anchor and an entry in the contents, and places it right after the plan's
/// key figures, before the sample design: what changed matters most to whoever opens a re-plan. The body is
/// trusted HTML: build it with the helpers below, which escape every text, never by pasting input text.
public struct SummarySection: Hashable, Sendable {
    /// The anchor (`#id`); letters, digits and `-` are kept, anything else becomes `-`.
    public var id: String
    /// Plain text; the page escapes it.
    public var title: String
    /// HTML, already escaped.
    public var bodyHTML: String

    public init(id: String, title: String, bodyHTML: String) {
        self.id = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
        self.title = title
        self.bodyHTML = bodyHTML
    }

    /// Text made safe for an HTML element or a quoted attribute.
    public static func escape(_ text: String) -> String { HTMLPage.escape(text) }

    /// A paragraph of plain text.
    public static func paragraph(_ text: String) -> String { HTMLPage.paragraph(text) }

    /// A table with a repeated header on each printed page; every cell is escaped, `numericColumns` right-aligned.
    public static func table(header: [String], rows: [[String]], numericColumns: Set<Int> = [],
                             footer: [[String]] = []) -> String {
        HTMLPage.table(header: header, rows: rows, numericColumns: numericColumns, footer: footer)
    }

    /// A block that shows only its one-line `summary` until the reader opens it, on screen and in print alike:
    /// detail that would run to pages when printed (a table per enumerator at a hundred enumerators) stays one
    /// line per group on paper and a click away on screen. `summary` is plain text; `bodyHTML` is trusted HTML.
    public static func disclosure(summary: String, bodyHTML: String) -> String {
        "<details>\n<summary>\(escape(summary))</summary>\n" + bodyHTML + "</details>\n"
    }
}
