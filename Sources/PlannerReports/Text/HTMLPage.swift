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
        .id { white-space: nowrap; }
        .survey { font-size: 9pt; }
        a { color: #0b4f8a; }
        @media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } \
        th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        @media screen and (max-width: 640px) { body { padding: 3mm 3mm 0 3mm; } \
        table.meta th { width: 38%; } \
        table.cards thead { display: none; } \
        table.cards, table.cards tbody, table.cards tfoot, table.cards tr, table.cards td, table.cards tfoot th \
        { display: block; width: auto; } \
        table.cards tr { border: 0.5pt solid #555; margin: 0 0 5pt 0; padding: 3pt 5pt; } \
        table.cards td, table.cards tfoot th { border: none; padding: 1pt 0; text-align: left; white-space: normal; } \
        table.cards td:empty { display: none; } \
        table.cards td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; } \
        .wide { overflow-x: auto; } }
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
    ///
    /// - Parameters:
    ///   - nowrapColumns: kept on one line (unit IDs, times).
    ///   - htmlColumns: cells that are trusted HTML the caller built with `escape` (links); others are escaped.
    ///   - stacked: on a narrow screen each row becomes a card, each cell labelled by its column (`data-label`),
    ///     so a phone never scrolls sideways; paper and wide screens keep the table.
    ///   - wide: a table of many figures that a phone scrolls sideways within its box, not the page.
    static func table(header: [String], rows: [[String]], numericColumns: Set<Int> = [],
                      footer: [[String]] = [], className: String? = nil, nowrapColumns: Set<Int> = [],
                      htmlColumns: Set<Int> = [], stacked: Bool = false, wide: Bool = false) -> String {
        func cells(_ values: [String], tag: String) -> String {
            values.enumerated().map { index, value in
                var classes: [String] = []
                if numericColumns.contains(index) { classes.append("n") }
                if nowrapColumns.contains(index) { classes.append("id") }
                var attributes = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                if stacked, tag == "td", index < header.count, !header[index].isEmpty {
                    attributes += " data-label=\"\(escape(header[index]))\""
                }
                let content = htmlColumns.contains(index) && tag == "td" ? value : escape(value)
                return "<\(tag)\(attributes)>\(content)</\(tag)>"
            }.joined()
        }
        let classes = [className, stacked ? "cards" : nil].compactMap { $0 }.joined(separator: " ")
        var html = classes.isEmpty ? "<table>\n" : "<table class=\"\(classes)\">\n"
        html += "<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        html += "</tbody>\n"
        if !footer.isEmpty {
            html += "<tfoot>\n"
            for row in footer { html += "<tr>\(cells(row, tag: "th"))</tr>\n" }
            html += "</tfoot>\n"
        }
        html += "</table>\n"
        return wide ? "<div class=\"wide\">\n" + html + "</div>\n" : html
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
