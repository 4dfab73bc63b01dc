/// Which gates of a configuration a run judges, by their `tags`: those carrying an `only` tag (every gate when
/// `only` is empty), minus those carrying a `skip` tag.
///
/// A selection that could hide a mistake is refused rather than applied: a tag no gate carries (a typo would
/// otherwise select nothing, or skip nothing), and a selection that leaves no gate.
///
/// ```swift
/// let selection = GateSelection(only: ["security"])
/// switch selection.apply(to: configuration) {
/// case .success(let selected): ...  // selected.gates: the security gates
/// case .failure(let error): ...     // exit 2, naming the tags that exist
/// }
/// ```
@_spi(Internals) public struct GateSelection: Sendable, Hashable {
    /// Tags of which a gate must carry at least one (`--only`); empty selects every gate.
    public var only: [String]
    /// Tags whose gates are left out (`--skip`), after `only`.
    public var skip: [String]

    /// Creates a selection; the defaults select every gate.
    public init(only: [String] = [], skip: [String] = []) {
        self.only = only
        self.skip = skip
    }

    /// Whether this selects every gate without looking at tags.
    public var isEmpty: Bool { only.isEmpty && skip.isEmpty }

    /// The configuration with only the selected gates, the others kept as ``Configuration/unselectedGates``; or
    /// why the selection cannot be applied (`selection.unknown-tag`, `selection.nothing-selected`).
    public func apply(to configuration: Configuration, file: String? = nil) -> Result<Configuration, ConfigurationError>
    {
        guard !isEmpty else { return .success(configuration) }
        let gates = configuration.gates
        let known = Self.tags(of: gates)
        var problems: [Diagnostic] = []
        for (option, tags) in [("--only", only), ("--skip", skip)] {
            for tag in tags where !known.contains(tag) {
                problems.append(
                    Diagnostic(
                        .error, code: "selection.unknown-tag",
                        message: "\(option) \(tag): no gate carries the tag \"\(tag)\""
                            + (Self.nearTag(tag, among: known).map { "; did you mean \"\($0)\"?" } ?? ".")
                            + " " + Self.available(gates),
                        file: file))
            }
        }
        guard problems.isEmpty else { return .failure(ConfigurationError(problems: problems)) }
        let selected = gates.filter { gate in
            (only.isEmpty || gate.tags.contains(where: only.contains)) && !gate.tags.contains(where: skip.contains)
        }
        guard !selected.isEmpty else {
            return .failure(
                ConfigurationError(problems: [
                    Diagnostic(
                        .error, code: "selection.nothing-selected",
                        message: "\(description) selects no gate, so nothing would be judged. " + Self.available(gates),
                        file: file)
                ]))
        }
        var result = configuration
        result.gates = selected
        result.unselectedGates += gates.filter { !selected.contains($0) }
        let left = gates.count - selected.count
        result.warnings.append(
            Diagnostic(
                .note, code: "selection.applied",
                message: "\(description): \(selected.count) of \(gates.count) gate(s) judged; "
                    + "\(left) not judged in this run", file: file))
        return .success(result)
    }

    /// The selection as the command line writes it: `--only security --skip slow`.
    public var description: String {
        var parts: [String] = []
        if !only.isEmpty { parts.append("--only " + only.joined(separator: ",")) }
        if !skip.isEmpty { parts.append("--skip " + skip.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }

    /// The tags of these gates with the ids of the gates that carry each, in the order the tags first appear.
    public static func gatesByTag(_ gates: [GateSpec]) -> [(tag: String, gates: [String])] {
        tags(of: gates).map { tag in (tag, gates.filter { $0.tags.contains(tag) }.map(\.id)) }
    }

    // MARK: - Private

    private static func tags(of gates: [GateSpec]) -> [String] {
        var seen: Set<String> = []
        return gates.flatMap(\.tags).filter { seen.insert($0).inserted }
    }

    /// A tag that differs from `tag` by case only, is a near miss of it, or has its letters in another order
    /// (`tset` for `test`, which an edit distance counts as two edits).
    private static func nearTag(_ tag: String, among known: [String]) -> String? {
        let letters = tag.lowercased().sorted()
        return known.first { $0.lowercased() == tag.lowercased() } ?? ToolNames.nearMiss(of: tag, among: known)
            ?? known.first { $0.lowercased().sorted() == letters }
    }

    /// The sentence naming the tags that exist, for every refusal.
    private static func available(_ gates: [GateSpec]) -> String {
        let byTag = gatesByTag(gates)
        guard !byTag.isEmpty else {
            return "No gate of the configuration has tags; give gates \"tags\" in gates.json (e.g. [\"security\"])."
        }
        let listed = byTag.map { "\($0.tag) (\($0.gates.count) gate(s))" }.joined(separator: ", ")
        return "Tags in the configuration: \(listed)."
    }
}
