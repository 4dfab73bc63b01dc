/// The path syntax of diff headers: git's C-style quoting, the tab after a path, and `a/` `b/` prefixes.
enum DiffPath {
    /// The null path of a file's missing side.
    static let devNull = "/dev/null"

    /// A path as written after `--- `, `+++ `, `rename to ` and the like.
    ///
    /// Unquoted, without the tab (and timestamp) that `diff -u` and git write after it, and without a trailing
    /// carriage return. `nil` if a quote is not closed.
    static func value(_ text: Substring) -> String? {
        if text.first == "\"" { return unquote(text).map { String($0.path) } }
        var view = text
        if let tab = view.firstIndex(of: "\t") { view = view[..<tab] }
        while view.last == "\r" { view = view.dropLast() }
        return String(view)
    }

    /// Unquotes a path that starts with `"` (git's `core.quotePath` and paths with control characters).
    ///
    /// Returns the path and what follows the closing quote; `nil` if the quote is not closed or an escape is invalid.
    static func unquote(_ text: Substring) -> (path: Substring, rest: Substring)? {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        guard utf8.first == UInt8(ascii: "\"") else { return nil }
        var index = 1
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") {
                let path = Substring(String(decoding: bytes, as: UTF8.self))
                let rest = Substring(String(decoding: utf8[(index + 1)...], as: UTF8.self))
                return (path, rest)
            }
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                index += 1
                continue
            }
            guard index + 1 < utf8.count else { return nil }
            let escaped = utf8[index + 1]
            if let simple = simpleEscapes[escaped] {
                bytes.append(simple)
                index += 2
            } else if (0x30...0x37).contains(escaped), index + 3 < utf8.count,
                (0x30...0x37).contains(utf8[index + 2]), (0x30...0x37).contains(utf8[index + 3])
            {
                // Octal: git writes each byte of a non-ASCII name as \ooo.
                let value = Int(escaped - 0x30) * 64 + Int(utf8[index + 2] - 0x30) * 8 + Int(utf8[index + 3] - 0x30)
                guard value <= 255 else { return nil }
                bytes.append(UInt8(value))
                index += 4
            } else {
                return nil
            }
        }
        return nil
    }

    /// The two paths of a `diff --git A B` line (after `diff --git `), quoted or not.
    ///
    /// Unquoted paths with spaces are ambiguous; the header names them only for files without `---`/`+++` lines
    /// (binary or mode-only changes, where both sides are one path), so the split that gives equal halves wins.
    static func gitHeaderPaths(_ text: Substring) -> (old: String, new: String)? {
        var view = text
        while view.last == "\r" { view = view.dropLast() }
        if view.first == "\"" {
            guard let (old, rest) = unquote(view), rest.first == " " else { return nil }
            let second = rest.dropFirst()
            if second.first == "\"" {
                guard let (new, tail) = unquote(second), tail.isEmpty else { return nil }
                return (String(old), String(new))
            }
            return (String(old), String(second))
        }
        if view.hasSuffix("\"") {
            // Only the new side is quoted: the old one is what precedes ` "`.
            guard let start = view.ranges(of: " \"").last?.lowerBound,
                let (new, tail) = unquote(view[view.index(after: start)...]), tail.isEmpty
            else { return nil }
            return (String(view[..<start]), String(new))
        }
        let characters = Array(view)
        if characters.count % 2 == 1, characters[characters.count / 2] == " " {
            let old = String(characters[..<(characters.count / 2)])
            let new = String(characters[(characters.count / 2 + 1)...])
            if strippingPrefix(old) == strippingPrefix(new) { return (old, new) }
        }
        // A rename of unquoted paths: split before the new side's prefix, else at the first space.
        for prefix in [" b/", " w/", " i/", " 2/", " "] {
            if let range = view.firstRange(of: prefix) {
                return (String(view[..<range.lowerBound]), String(view[view.index(after: range.lowerBound)...]))
            }
        }
        return nil
    }

    /// Whether a pair of header paths carries git's one-letter prefixes (`a/` `b/`, or the mnemonic `c/` `w/` `i/`
    /// `o/`, or `1/` `2/` of `--no-index`): two different one-character first components.
    static func hasPrefixes(old: String, new: String) -> Bool {
        let o = Array(old.utf8.prefix(2))
        let n = Array(new.utf8.prefix(2))
        guard o.count == 2, n.count == 2, o[1] == UInt8(ascii: "/"), n[1] == UInt8(ascii: "/") else { return false }
        return o[0] != n[0] && o[0] != UInt8(ascii: "/") && n[0] != UInt8(ascii: "/")
    }

    /// The path without its first one-character component (`a/src/x.py` → `src/x.py`).
    static func strippingPrefix(_ path: String) -> String {
        let utf8 = path.utf8
        guard utf8.count > 2, utf8.dropFirst().first == UInt8(ascii: "/") else { return path }
        return String(path.dropFirst(2))
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "t"): 0x09, UInt8(ascii: "n"): 0x0A,
        UInt8(ascii: "v"): 0x0B, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22,
        UInt8(ascii: "\\"): 0x5C,
    ]
}
