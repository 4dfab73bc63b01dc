/// Keeps every line of every output from being read as a CI runner's command, whatever the reports contained.
///
/// GitHub's runner reads each line of a step's output (split at line feeds and carriage returns) as a workflow
/// command when, after leading white space, it starts with `::` (`::add-mask::`, `::stop-commands::`), or when it
/// contains `##[` anywhere (the older command syntax, still parsed). Report text is shown with ``String/displaySafe``
/// in the line-oriented formats, so it cannot start a line; this guard is the second wall, over the whole rendered
/// output of every format, including text inside XML elements and JSON strings, which a user may print to a log.
///
/// The neutralised forms keep the content: XML and JSON encode the same characters as character references and
/// `\u` escapes (a parser reads back the original), and text and Markdown put a backslash before them (which Markdown
/// renders away). Only the github format itself may print `::` lines: its reporter writes nothing else.
package struct WorkflowCommandGuard: VerdictReporter {
    let format: OutputFormat
    let inner: any VerdictReporter

    package func render(_ verdict: Verdict) -> String {
        Self.neutralize(inner.render(verdict), format: format)
    }

    /// The output with command-looking lines and `##[` sequences neutralised for its format; the CLI's other
    /// commands (`detect`, `validate-config`) print through it too.
    package static func neutralize(_ output: String, format: OutputFormat) -> String {
        guard output.contains("::") || output.contains("##[") else { return output }
        var lines: [Substring] = []
        var start = output.startIndex
        var index = output.startIndex
        // Line breaks are kept as they were, so that the output is the same byte for byte where nothing is changed.
        var separators: [Character] = []
        while index < output.endIndex {
            let character = output[index]
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(output[start..<index])
                separators.append(character)
                start = output.index(after: index)
            }
            index = output.index(after: index)
        }
        lines.append(output[start...])
        var result = ""
        result.reserveCapacity(output.utf8.count)
        for (number, line) in lines.enumerated() {
            result += neutralizeLine(line, format: format)
            if number < separators.count { result.append(separators[number]) }
        }
        return result
    }

    // MARK: - Private

    private static func neutralizeLine(_ line: Substring, format: OutputFormat) -> String {
        var text = String(line)
        if text.contains("##[") {
            text = text.replacing("##[", with: "##" + escapedBracket(format))
        }
        let body = text.drop(while: { $0 == " " || $0 == "\t" })
        if format != .github, body.hasPrefix("::") {
            let indent = text[..<body.startIndex]
            text = indent + escapedColon(format) + body.dropFirst()
        }
        return text
    }

    private static func escapedBracket(_ format: OutputFormat) -> String {
        switch format {
        case .json, .sarif, .gitlab: "\\u005B"
        case .junit: "&#91;"
        case .text, .markdown, .github: "\\["
        }
    }

    private static func escapedColon(_ format: OutputFormat) -> String {
        switch format {
        case .json, .sarif, .gitlab: "\\u003A"
        case .junit: "&#58;"
        case .text, .markdown, .github: "\\:"
        }
    }
}
