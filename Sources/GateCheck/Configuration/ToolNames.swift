/// The tool names findings carry, and the near misses of them that a `tools` selector may hold by mistake.
///
/// A `tools` entry is compared case-insensitively with the tool of each finding: the parser's name for Bandit,
/// Safety, pip-audit and Trivy JSON, the SARIF driver's `name` for SARIF (`CodeQL`, `Trivy`, `Semgrep OSS`).
enum ToolNames {
    /// Tools gatecheck's parsers name, and the SARIF drivers of the tools it is tested with.
    static let known = [
        "bandit", "safety", "pip-audit", "trivy", "CodeQL", "Semgrep OSS", "Gitleaks", "Grype", "Dockle",
        "Flawfinder", "SpotBugs", "dependency-check", "nodejsscan", "mobsfscan",
    ]

    /// The candidate closest to `name` when it is a near miss (not equal, at most two edits apart ignoring case).
    static func nearMiss(of name: String, among candidates: [String]) -> String? {
        let wanted = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, Array(candidate.lowercased().unicodeScalars))
            guard distance > 0, distance <= min(2, max(1, wanted.count / 3)) else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Whether `name` is one of the known tools, ignoring case.
    static func isKnown(_ name: String) -> Bool {
        known.contains { $0.lowercased() == name.lowercased() }
    }

    // MARK: - Private

    /// Levenshtein distance; names are short, so the quadratic table is cheap.
    private static func editDistance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous = Array(0...right.count)
        var current = previous
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
