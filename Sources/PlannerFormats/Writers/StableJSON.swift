import Foundation

/// JSON whose bytes follow from its content alone: pretty-printed with keys sorted (a dictionary's order never
/// reaches the output) and slashes unescaped (paths stay readable). Every JSON `planner` writes — plan files,
/// a generated dataset's manifest, `--json` reports — starts from this encoder.
public enum StableJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as a file: the encoder's bytes and a final newline.
    public static func fileData(_ value: some Encodable, encoder: JSONEncoder = encoder()) throws -> Data {
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
