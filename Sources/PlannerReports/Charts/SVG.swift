import Foundation

/// Small builders for the inline SVG charts of the summary page: the same numbers always give the same bytes.
///
/// Coordinates carry one decimal (no locale, no shortest-representation differences between platforms); every
/// text goes through `HTMLPage.escape`, which is also valid escaping inside SVG embedded in HTML.
enum SVG {
    /// A coordinate or length: one decimal, `-0.0` written as `0`, a trailing `.0` dropped.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.1f", value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text == "-0" ? "0" : text
    }

    /// The opening tag of a chart that scales with the page width and keeps its aspect ratio, in a box that on a
    /// phone keeps the chart wide enough to read and scrolls it sideways, not the page (closed by `close`).
    static func open(width: Double, height: Double, label: String, className: String = "chart") -> String {
        "<div class=\"chart-box\"><svg class=\"\(className)\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLPage.escape(label))\">\n"
    }

    static let close = "</svg></div>\n"

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                     stroke: String? = nil, className: String? = nil, title: String? = nil) -> String {
        var tag = "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" "
            + "height=\"\(number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { tag += " stroke=\"\(stroke)\" stroke-width=\"0.6\"" }
        if let className { tag += " class=\"\(className)\"" }
        return closed(tag, title: title)
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start",
                     className: String = "lbl") -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" class=\"\(className)\">"
            + HTMLPage.escape(content) + "</text>\n"
    }

    static func circle(x: Double, y: Double, radius: Double, className: String, title: String? = nil) -> String {
        closed("<circle cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"\(number(radius))\" class=\"\(className)\"",
               title: title)
    }

    static func polyline(_ points: [(x: Double, y: Double)], stroke: String, className: String,
                         title: String? = nil) -> String {
        let list = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
        return closed("<polyline points=\"\(list)\" stroke=\"\(stroke)\" class=\"\(className)\"", title: title)
    }

    static func polygon(_ points: [(x: Double, y: Double)], className: String, title: String? = nil) -> String {
        let list = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
        return closed("<polygon points=\"\(list)\" class=\"\(className)\"", title: title)
    }

    /// A self-closing element, or one holding a `<title>` (the tooltip browsers show on hover).
    private static func closed(_ openTag: String, title: String?) -> String {
        guard let title else { return openTag + "/>\n" }
        return openTag + "><title>\(HTMLPage.escape(title))</title></" + elementName(openTag) + ">\n"
    }

    private static func elementName(_ openTag: String) -> String {
        String(openTag.dropFirst().prefix { $0 != " " })
    }
}
