/// Tells text that is neither XML nor JSON.
///
/// It finds the line-oriented reports (``TextReportLine``: an LCOV tracefile, a Go cover profile) by their first line,
/// Safety's text banner before its JSON (the JSON starts on the first line whose first non-blank byte is `{` or `[`),
/// the JSON literal `null`, and `go test`'s plain-text line for a package that failed to build (``GoFailureLine``).
/// Other text is ``Detection/plainText(firstLine:)``.
struct TextSniffer {
    /// How much of the first line is kept for messages.
    static let firstLineLimit = 120

    /// How far the banner may reach.
    static let bannerLimit = 64 * 1024

    private(set) var isSettled = false
    private var read = 0
    private var lineStart = true
    private var binary = false
    private var start: [UInt8] = []
    /// The file's first bytes, as written, for ``UnreadProducerFormats/text(head:)``.
    private var head: [UInt8] = []
    private var nonBlank = 0
    private var json: JSONSniffer?
    private var firstLine = TextReportLine()
    private var goFailure = GoFailureLine()
    private var shownLine: [UInt8] = []
    private var shownLineDone = false

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !firstLine.isDone {
            firstLine.feed(bytes)
            if firstLine.kind != nil || firstLine.ignored != nil { isSettled = true }
        }
        var index = 0
        while index < bytes.count, !isSettled, json == nil {
            let byte = bytes[index]
            index += 1
            read += 1
            goFailure.feed(byte)
            if goFailure.found { isSettled = true }
            if head.count < UnreadProducerFormats.lfsPointer.count { head.append(byte) }
            if byte == 0 {
                binary = true
                isSettled = true
            } else if byte == 0x0A {
                lineStart = true
                if !shownLine.isEmpty { shownLineDone = true }
            } else if lineStart, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                json = JSONSniffer()
                index -= 1
            } else if !ReportDetector.isSpace(byte) {
                lineStart = false
                nonBlank += 1
                if start.count < 5 { start.append(byte) }
            }
            if !shownLineDone, byte != 0x0A, byte != 0x0D, !(shownLine.isEmpty && ReportDetector.isSpace(byte)),
                shownLine.count < Self.firstLineLimit
            {
                shownLine.append(byte)
            }
            if read >= Self.bannerLimit, json == nil { isSettled = true }
        }
        guard var sniffer = json else { return }
        _ = sniffer.feed(UnsafeBufferPointer(rebasing: bytes[index...]))
        isSettled = sniffer.isSettled
        json = sniffer
    }

    /// Why a binary file is ignored; in a file whose name says it holds report data it is an error instead
    /// (``ReportFileName``).
    static let binaryReason = "a binary file (it contains NUL bytes)"

    func detection(isWholeFile: Bool) -> Detection {
        if let kind = firstLine.kind { return .report(kind) }
        if let ignored = firstLine.ignored { return .unknown(ignored) }
        if let kind = firstLine.finish(isWholeFile: isWholeFile) { return .report(kind) }
        if binary { return .unknown(Self.binaryReason) }
        var goFailure = goFailure
        if isWholeFile, json == nil { goFailure.finish() }
        if goFailure.found { return .report(.goTestJSON) }
        if let json, JSONKeys.classify(json.shape) == .safety { return .report(.safety) }
        if json == nil, isWholeFile, nonBlank == 4, start == Array("null".utf8) {
            return .unknown(
                "the JSON literal null, whose report kind cannot be told (Trivy before 0.20 wrote it when it found "
                    + "nothing)")
        }
        if let unread = UnreadProducerFormats.text(head: head) { return unread }
        return .plainText(firstLine: String(decoding: shownLine, as: UTF8.self))
    }
}
