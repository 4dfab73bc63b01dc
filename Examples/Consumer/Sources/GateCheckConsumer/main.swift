// A tool linking GateCheck: gates.json (optional) and report files in, the JSON verdict and its exit code out.
//
//     GateCheckConsumer [--config gates.json] REPORT...
//
// Check.swift is the README's "As a library" snippet, word for word (scripts/test-consumer.sh compares them).

import Foundation
import GateCheck

/// This tool's own configuration: what its command line asked for.
///
/// Named like `GateCheck.Configuration` on purpose: a consumer's type of that name must not stop it from naming the
/// library's.
struct Configuration {
    var gatesPath: String?
    var reportPaths: [String] = []

    /// Parses `[--config gates.json] REPORT...`; `nil` when the command line is wrong.
    init?(arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument == "--config" else {
                reportPaths.append(argument)
                continue
            }
            guard let path = rest.popFirst() else { return nil }
            gatesPath = path
        }
        if reportPaths.isEmpty { return nil }
    }
}

guard let options = Configuration(arguments: Array(CommandLine.arguments.dropFirst())) else {
    FileHandle.standardError.write(Data("usage: GateCheckConsumer [--config gates.json] REPORT...\n".utf8))
    exit(64)
}
let verdict = check(gatesPath: options.gatesPath, reportPaths: options.reportPaths)
// As the CLI writes it, so that the two outputs can be compared byte for byte.
print(OutputFormat.json.reporter().render(verdict), terminator: "")
exit(verdict.exitCode)
