/// The rules every identifier and every piece of text read from a dataset follows, and the escaping of text
/// echoed on a terminal.
///
/// IDs become file names, GLPK variable names (GLPK refuses names over 255 bytes), logins on data-collection
/// servers and CSV cells; names become file names, HTML, Markdown and terminal lines. Refusing what none of
/// those can carry at the line that holds it is simpler and safer than escaping it differently in each place.
public enum InputText {
    /// Identifiers are at most this many bytes (ASCII, so also characters): far above any real code, and far
    /// below GLPK's 255-byte names, which join several IDs.
    public static let maximumIdentifierBytes = 64
    /// Names and labels (a commune, an enumerator, a post office, the survey) are at most this many characters.
    public static let maximumNameCharacters = 200
    /// Free text (an address, a reason for leave) is at most this many characters.
    public static let maximumFreeTextCharacters = 500

    /// What an identifier must be, as a problem's `expected` part.
    public static let identifierRule = "an identifier usable as a file name: 1–\(maximumIdentifierBytes) ASCII "
        + "letters, digits, '-', '_' or '.', not starting with '.'"

    /// Whether `scalar` can take over a terminal or reorder what a reader sees: C0 controls (NUL, ESC, BEL, line
    /// breaks…), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069) that make text display in another order than it is stored.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `byte` may appear in an identifier.
    public static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// Whether `bytes` (UTF-8) form a valid identifier.
    public static func isIdentifier(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= maximumIdentifierBytes && bytes.first != UInt8(ascii: ".")
            && bytes.allSatisfy(isIdentifierByte)
    }

    public static func isIdentifier(_ text: String) -> Bool { isIdentifier(Array(text.utf8)) }

    /// Why `text` cannot be a name or free text of at most `limit` characters, as a problem's `expected` part;
    /// nil when it can.
    public static func textProblem(_ text: String, limit: Int) -> String? {
        if text.unicodeScalars.contains(where: isControl) {
            return "text without control characters (C0, C1, DEL, bidirectional overrides)"
        }
        if text.unicodeScalars.count > limit { return "at most \(limit) characters" }
        return nil
    }

    /// Whether a UTF-8 byte string holds no control character: what `isControl` refuses, tested on bytes.
    ///
    /// C0 and DEL are single bytes; C1 is `C2 80`…`C2 9F`; U+202A–U+202E is `E2 80 AA`…`E2 80 AE`; U+2066–U+2069
    /// is `E2 81 A6`…`E2 81 A9`. Continuation bytes are never C0 or DEL, so a byte-wise scan is exact.
    public static func hasNoControl(_ bytes: some BidirectionalCollection<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return false }
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return false }
            if beforePrevious == 0xE2 && previous == 0x80 && (0xAA...0xAE).contains(byte) { return false }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// `text` with every control character written visibly as `\u{1B}`, so that a message echoing input can
    /// neither move the cursor, retitle the terminal, write the clipboard nor reorder the line.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Every line of `message` escaped, the line breaks between them kept: for messages of several lines.
    public static func escapedLines(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }
            .joined(separator: "\n")
    }
}
