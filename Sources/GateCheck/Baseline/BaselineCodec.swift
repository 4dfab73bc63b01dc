#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes a baseline as JSON and reads one back, refusing anything that is not a complete `gatecheck.baseline/v1`.
@_spi(Internals) public enum BaselineCodec {
    /// The baseline as UTF-8 JSON: keys sorted, so two runs on the same reports write the same bytes.
    ///
    /// The bytes are those of `JSONEncoder` with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`, written
    /// by `BaselineWriter` at a fraction of its cost.
    public static func encode(_ baseline: Baseline) -> [UInt8] {
        BaselineWriter.encode(baseline)
    }

    /// The baseline in `bytes`, or why it cannot be used; `name` (its file) is named in every reason.
    public static func decode(_ bytes: [UInt8], name: String) -> BaselineContext {
        let fix = "write it again with --output baseline=PATH on the base commit"
        guard bytes.contains(where: { !Self.isSpace($0) }) else {
            return .unusable(name: name, code: "baseline.unreadable", reason: "the baseline \(name) is empty; \(fix)")
        }
        let root: [JSONMember]
        let packages: BaselineRoot.Packages
        let findings: [String: FindingTally]?
        do throws(JSONError) {
            guard let read = try BaselineRoot.read(bytes) else {
                return .unusable(
                    name: name, code: "baseline.schema",
                    reason: "the baseline \(name) is not a JSON object, so not \"\(Baseline.schemaID)\"; pass a file "
                        + "written by --output baseline=PATH")
            }
            (root, packages, findings) = (read.members, read.packages, read.findings)
        } catch {
            return .unusable(
                name: name, code: "baseline.unreadable",
                reason: "the baseline \(name) is not JSON or is truncated (\(error)); \(fix)")
        }
        let schema = root.first { $0.key == "schema" }.flatMap { member -> String? in
            if case .string(let text) = member.node.value { return text }
            return nil
        }
        guard schema == Baseline.schemaID else {
            let found = schema.map { "\"\($0)\"" } ?? "no \"schema\""
            return .unusable(
                name: name, code: "baseline.schema",
                reason: "the baseline \(name) has \(found), not \"\(Baseline.schemaID)\"; pass a file written by "
                    + "--output baseline=PATH")
        }
        let baseline: Baseline
        do throws(BaselineNodeDecoder.Failure) {
            baseline = try BaselineNodeDecoder.decode(root, packages: packages, findings: findings)
        } catch {
            return .unusable(
                name: name, code: "baseline.unreadable",
                reason: "the baseline \(name) does not follow \(Baseline.schemaID) (\(error.message)); \(fix)")
        }
        if baseline.unreadableReports > 0 {
            return .unusable(
                name: name, code: "baseline.stale",
                reason: "the baseline \(name) was written by a run that could not read \(baseline.unreadableReports) "
                    + "report(s), so what they held would look new; \(fix) once its reports read cleanly")
        }
        return .loaded(baseline, name: name)
    }

    /// The context, stale when `expectedCommit` is given and the baseline's `meta.commit` differs.
    public static func checked(_ context: BaselineContext, expectedCommit: String?) -> BaselineContext {
        guard let expectedCommit, case .loaded(let baseline, let name) = context else { return context }
        let commit = baseline.meta["commit"]
        guard commit != expectedCommit else { return context }
        let found = commit.map { "was written for commit \($0)" } ?? "has no meta.commit"
        return .unusable(
            name: name, code: "baseline.stale",
            reason: "the baseline \(name) \(found), not \(expectedCommit) (--expect-baseline-commit): it is the "
                + "baseline of another base; fetch the one written on \(expectedCommit) (--meta commit=SHA)")
    }

    // MARK: - Private

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
