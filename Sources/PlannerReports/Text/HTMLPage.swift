/// Self-contained, printable HTML pages: escaping, the A4 print stylesheet, the page skeleton.
///
/// Every page works offline (no external script, font or stylesheet; only the summary page adds a few inline lines
/// of script, and works without them) and prints on A4 portrait with table
/// headers repeated on each page, totals only once at the end, and no row split across pages. The font stack lists system fonts with full
/// Vietnamese coverage first.
enum HTMLPage {
    /// Escapes text for an HTML element or a quoted attribute: every value read from inputs goes through here.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Vietnamese capitals carry stacked marks (Ế, Ẩ, Ỗ) that rise well above the cap height: every heading
    /// gets a line box tall enough to hold them (line-height ≥ 1.35, a little padding above), never a clipping
    /// `overflow` or `text-transform`, so that "PHIẾU" cannot print as "PHIÊU" at the top of a page or screen.
    static let stylesheet = """
        @page { size: A4 portrait; margin: 12mm 11mm 13mm 11mm; }
        html { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", \
        sans-serif; font-size: 10pt; line-height: 1.3; color: #000; background: #fff; }
        body { margin: 0 auto; max-width: 186mm; padding: 3mm 2mm 0 2mm; }
        h1, h2, h3 { line-height: 1.4; padding-top: 0.15em; overflow: visible; text-transform: none; \
        break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 14pt; margin: 0 0 3pt 0; }
        h2 { font-size: 11.5pt; margin: 8pt 0 3pt 0; }
        p { margin: 3pt 0; }
        table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; }
        th, td { border: 0.5pt solid #555; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; font-weight: bold; }
        .n { text-align: right; white-space: nowrap; }
        th.n { white-space: normal; }
        thead { display: table-header-group; }
        tfoot { display: table-row-group; }
        tr, .keep { page-break-inside: avoid; break-inside: avoid; }
        table.meta th, table.meta td { border: none; background: none; padding: 1pt 6pt 1pt 0; }
        table.meta th { width: 32%; }
        .rule { border: 1pt solid #000; padding: 4pt 6pt; margin: 4pt 0; }
        .contact { margin-top: 10pt; font-weight: bold; }
        @media print { body { max-width: none; padding: 0; } \
        th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """

    /// A complete document; `body` is HTML already escaped by the caller.
    ///
    /// - Parameters:
    ///   - extraStyle: rules added after the shared stylesheet (the summary page's charts).
    ///   - script: inline script run at the end of the body; pages work without it.
    static func document(language: Language, title: String, body: String, extraStyle: String = "",
                         script: String? = nil) -> String {
        let style = extraStyle.isEmpty ? stylesheet : stylesheet + "\n" + extraStyle
        let scriptElement = script.map { "<script>\n\($0)\n</script>\n" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)\(scriptElement)</body>
            </html>

            """
    }

    /// A table with a repeated header; cells are escaped here, `numericColumns` are right-aligned.
    static func table(header: [String], rows: [[String]], numericColumns: Set<Int> = [],
                      footer: [[String]] = [], className: String? = nil) -> String {
        func cells(_ values: [String], tag: String) -> String {
            values.enumerated().map { index, value in
                let alignment = numericColumns.contains(index) ? " class=\"n\"" : ""
                return "<\(tag)\(alignment)>\(escape(value))</\(tag)>"
            }.joined()
        }
        var html = className.map { "<table class=\"\($0)\">\n" } ?? "<table>\n"
        html += "<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        html += "</tbody>\n"
        if !footer.isEmpty {
            html += "<tfoot>\n"
            for row in footer { html += "<tr>\(cells(row, tag: "th"))</tr>\n" }
            html += "</tfoot>\n"
        }
        return html + "</table>\n"
    }

    /// Label–value pairs without borders (the header block of a sheet).
    static func facts(_ pairs: [(String, String)]) -> String {
        "<table class=\"meta\">\n<tbody>\n"
            + pairs.map { "<tr><th>\(escape($0.0))</th><td>\(escape($0.1))</td></tr>\n" }.joined()
            + "</tbody>\n</table>\n"
    }

    static func paragraph(_ text: String, className: String? = nil) -> String {
        (className.map { "<p class=\"\($0)\">" } ?? "<p>") + escape(text) + "</p>\n"
    }

    static func heading(_ level: Int, _ text: String) -> String {
        "<h\(level)>\(escape(text))</h\(level)>\n"
    }
}
