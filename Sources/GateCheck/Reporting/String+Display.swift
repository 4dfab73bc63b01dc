/// The one place report-derived text is made safe to print on a line of a log or terminal.
///
/// Test names, file names, messages and rule ids come from the reports, which anyone who can open a pull request
/// can write. Printed raw, a line break in them starts a new line that a CI runner reads as a command of its own
/// (GitHub's `::add-mask::`, `::stop-commands::`), and an escape sequence drives the terminal or log viewer (ANSI
/// colours, OSC 8 links, OSC 52 clipboard writes). So every control character is shown as a visible escape instead:
/// line feed and carriage return as `\n` and `\r`, other C0 and C1 controls and DEL as `\x1B`-style escapes, and the
/// Unicode line and paragraph separators and bidirectional controls, which can reorder or hide what a reader sees,
/// as `\u{202E}`-style escapes. Tab is kept.
extension String {
    /// The text with every control character shown as a visible escape, so it stays on one line and drives nothing.
    package var displaySafe: String {
        displaySafe(keepingLineBreaks: false)
    }

    /// The text with every control character but line feed and carriage return shown as a visible escape, for a
    /// format that encodes line breaks itself (a GitHub annotation's `%0A`).
    package func displaySafe(keepingLineBreaks: Bool) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            Self.needsEscape(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\r"))
        }
        guard unicodeScalars.contains(where: escapes) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            guard escapes(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// Whether a scalar is one that `displaySafe` escapes.
    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        // Arabic letter mark, LRM/RLM, line and paragraph separators, bidi embeddings, overrides and isolates.
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
