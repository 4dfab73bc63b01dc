/// The SARIF fingerprints a finding's change fingerprint may use: those a tool computes from the code itself, never
/// from a line number (docs/baselines.md#fingerprints).
extension SARIFResult {
    /// The keys read in `partialFingerprints` and `fingerprints`.
    enum FingerprintKey: String, JSONKeyEnum {
        case lineHash = "primaryLocationLineHash", matchBasedID = "matchBasedId/v1"
        static let table = JSONKeyTable<Self>()
    }

    /// The tool's own fingerprint of this result when it is known to be stable across line moves, else `nil`.
    ///
    /// - CodeQL's `primaryLocationLineHash` (`9cbc869fbfffeb60:1`) is a rolling hash of the 100 non-blank characters
    ///   from the start of the result's line, then `:` and which occurrence of that hash in the file it is
    ///   (github/codeql-action `src/fingerprints.ts`): it follows the code, not its line number.
    /// - Semgrep's `matchBasedId/v1` hashes the rule, the path and the matched code, then `_` and the occurrence
    ///   index; Semgrep without a login writes `requires login` there, which is no fingerprint.
    ///
    /// Other tools' values are not used, even under these names: some compute them from `path:line` (a moved line
    /// would look new), and other keys (`primaryLocationStartColumnFingerprint`, a column) are positions.
    func stableFingerprint(tool: String) -> String? {
        let name = tool.lowercased()
        if name.hasPrefix("codeql"), let lineHash, !lineHash.isEmpty { return lineHash }
        if name.hasPrefix("semgrep"), let matchBasedID, !matchBasedID.isEmpty, matchBasedID != "requires login" {
            return matchBasedID
        }
        return nil
    }

    /// Reads a `partialFingerprints` or `fingerprints` object: the known keys' string values, the rest skipped.
    static func readFingerprints<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into result: inout SARIFResult
    ) throws {
        guard try reader.peek() == .object else { return try reader.skipValue() }
        try reader.beginObject()
        while let key = try reader.nextKey(FingerprintKey.self) {
            switch key {
            case .known(.lineHash): result.lineHash = try reader.readOptionalString() ?? result.lineHash
            case .known(.matchBasedID): result.matchBasedID = try reader.readOptionalString() ?? result.matchBasedID
            case .unknown: try reader.skipValue()
            }
        }
    }
}
