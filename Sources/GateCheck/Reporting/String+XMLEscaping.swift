/// The one place XML text is escaped for the reporters that write XML.
///
/// Characters XML 1.0 forbids even as references (control characters other than tab, newline and carriage
/// return, and U+FFFE/U+FFFF) become U+FFFD, so that no report content can make the output not well-formed. The
/// other characters ``Swift/String/displaySafe`` escapes (DEL, C1 controls, line separators, bidirectional controls)
/// are written as character references: a parser reads them back, a terminal showing the file is not driven by them.
extension String {
    /// Escaped for element content: `&`, `<` and `>` (so `]]>` cannot occur).
    var xmlEscapedText: String {
        escapedForXML(attribute: false)
    }

    /// Escaped for a double- or single-quoted attribute value; tab, newline and carriage return become character
    /// references so that attribute-value normalisation keeps them.
    var xmlEscapedAttribute: String {
        escapedForXML(attribute: true)
    }

    private func escapedForXML(attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    out += "\u{FFFD}"
                } else if String.needsEscape(scalar) {
                    out += "&#x\(String(value, radix: 16, uppercase: true));"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
