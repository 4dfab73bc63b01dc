import ArgumentParser
@_spi(Internals) import GateCheck

/// The baseline options of `check`: the baseline to compare with, the metadata written into a new one, and the
/// commit the baseline must come from.
struct BaselineOptions: ParsableArguments {
    @Option(
        name: .customLong("baseline"),
        help: ArgumentHelp(
            "A baseline written by --output baseline=PATH on the base commit, for gates with a \"baseline\" member and "
                + "change metrics (findings.new, tests.newly_failing, tests.removed).",
            discussion: "A missing, unreadable or stale baseline makes those gates exit 2 unless they say on_missing.",
            valueName: "PATH"))
    var path: String?

    @Option(
        name: .customLong("meta"),
        help: ArgumentHelp(
            "KEY=VALUE written into the baseline's meta (repeatable), e.g. --meta commit=$GITHUB_SHA.",
            valueName: "KEY=VALUE"),
        transform: BaselineOptions.parseMeta)
    var meta: [MetaEntry] = []

    @Option(
        name: .customLong("expect-baseline-commit"),
        help: ArgumentHelp(
            "The commit the baseline must have been written for (its meta.commit); another is stale (exit 2).",
            valueName: "SHA"))
    var expectedCommit: String?

    /// One `--meta KEY=VALUE`.
    struct MetaEntry: Hashable {
        var key: String
        var value: String
    }

    /// The options as plain values, for ``CheckRunner`` (an option group cannot be made outside parsing).
    var settings: BaselineSettings {
        BaselineSettings(
            path: path, metadata: Dictionary(meta.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }),
            expectedCommit: expectedCommit)
    }

    func validate() throws {
        if expectedCommit != nil, path == nil {
            throw ValidationError("--expect-baseline-commit needs --baseline PATH, the baseline it checks")
        }
        var seen: Set<String> = []
        for entry in meta where !seen.insert(entry.key).inserted {
            throw ValidationError("--meta gives \(entry.key) twice; give each key once")
        }
    }

    /// Parses `KEY=VALUE`: a non-empty key of letters, digits, `_`, `-` and `.`.
    static func parseMeta(_ argument: String) throws -> MetaEntry {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ValidationError("'\(argument)' is not KEY=VALUE (for example commit=$GITHUB_SHA)")
        }
        let key = String(argument[..<equals])
        let allowed = key.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        }
        guard !key.isEmpty, allowed else {
            throw ValidationError("'\(key)' is not a meta key; use letters, digits, '_', '-' and '.'")
        }
        return MetaEntry(key: key, value: String(argument[argument.index(after: equals)...]))
    }
}

/// The baseline options of one run, as values.
struct BaselineSettings {
    /// `--baseline PATH`.
    var path: String?
    /// `--meta KEY=VALUE`, by key.
    var metadata: [String: String] = [:]
    /// `--expect-baseline-commit SHA`.
    var expectedCommit: String?
}
