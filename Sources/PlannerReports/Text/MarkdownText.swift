/// Text from the inputs placed in a Markdown report (`design-report.md`, `fieldwork-report.md`,
/// `replan-report.md`).
///
/// Markdown passes raw HTML through to whatever renders it (a Git host, an editor's preview), so a name holding
/// `<script>` or `<img onerror=…>` would become markup there. Writing `<` and `>` as character references keeps
/// such a name inert text that renders as typed; breaking lines and `|` would break a table row.
enum MarkdownText {
    static func inline(_ value: String) -> String {
        guard value.contains(where: { "<>|\r\n".contains($0) }) else { return value }
        return value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
