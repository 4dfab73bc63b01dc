#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Encodes output documents as pretty, key-sorted JSON with two-space indentation and `"key": value` spacing.
enum JSONOutput {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own Encodable types cannot fail: every value is finite and every key a string.
        guard let compact = try? encoder.encode(value) else { return "{}\n" }
        return indent(Array(compact))
    }

    /// Re-indents compact JSON; strings are copied, except that the characters ``Swift/String/displaySafe`` escapes
    /// and the encoder left raw (C1 controls, line separators, bidirectional controls) are written as `\u` escapes,
    /// so that printing the JSON on a terminal or CI log cannot drive it (a reader gets the same string back).
    static func indent(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        var index = 0
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == 0x7F || byte >= 0xC2, let (scalar, length) = invisibleControl(bytes, at: index) {
                    out.append(contentsOf: Array("\\u".utf8))
                    let hex = String(scalar, radix: 16, uppercase: true)
                    out.append(contentsOf: Array((String(repeating: "0", count: 4 - hex.count) + hex).utf8))
                    index += length
                    continue
                }
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
                index += 1
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close: UInt8 = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index + 1 < bytes.count, bytes[index + 1] == close {
                    out.append(byte)
                    out.append(close)
                    index += 2
                    continue
                }
                out.append(byte)
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(byte)
                out.append(0x20)
            default:
                out.append(byte)
            }
            index += 1
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar and its UTF-8 length when the bytes at `index` encode a control that JSON allows raw but a terminal
    /// or a reader's eye may act on (see ``Swift/String/needsEscape(_:)``).
    private static func invisibleControl(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        if bytes[index] == 0x7F { return (0x7F, 1) }
        let length = bytes[index] >= 0xE0 ? 3 : 2
        guard bytes[index] < 0xF0, index + length <= bytes.count else { return nil }
        let decoded = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars
        guard decoded.count == 1, let scalar = decoded.first, String.needsEscape(scalar) else { return nil }
        return (scalar.value, length)
    }
}
