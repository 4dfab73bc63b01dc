/// Finds the line `go test` writes for a package it could not build or set up, `FAIL\t<package> [build failed]` or
/// `FAIL\t<package> [setup failed]`, in text that is neither XML nor JSON.
///
/// Before Go 1.24, `go test -json` wrote that line as plain text (and the compiler's errors to stderr), so the
/// output of a run whose only package failed to build holds no JSON at all. Detected as `go test -json` output,
/// such a file is refused at that line (exit 2) instead of being ignored as text while other reports pass.
struct GoFailureLine {
    /// The longest line looked at: package paths are short, and a longer line is not Go's.
    private static let limit = 512
    private static let prefix = Array("FAIL\t".utf8)
    private static let endings = [Array(" [build failed]".utf8), Array(" [setup failed]".utf8)]

    private var line: [UInt8] = []
    private var tooLong = false
    /// Whether such a line was seen.
    private(set) var found = false

    /// Reads one byte of the text.
    mutating func feed(_ byte: UInt8) {
        if byte == 0x0A || byte == 0x0D {
            if !tooLong, Self.matches(line) { found = true }
            line.removeAll(keepingCapacity: true)
            tooLong = false
        } else if line.count < Self.limit {
            line.append(byte)
        } else {
            tooLong = true
        }
    }

    /// Checks a last line that ends the file without a line break.
    mutating func finish() {
        if !tooLong, Self.matches(line) { found = true }
    }

    private static func matches(_ line: [UInt8]) -> Bool {
        guard line.starts(with: prefix), line.count > prefix.count else { return false }
        let package = line.dropFirst(prefix.count)
        let ending = endings.first { package.count > $0.count && package.reversed().starts(with: $0.reversed()) }
        guard let ending else { return false }
        // The package path between: no blank, no tab (a test's own "FAIL\t" output line has more fields).
        return !package.dropLast(ending.count).contains { $0 == 0x20 || $0 == 0x09 }
    }
}
