/// Producers' reports in a format gatecheck does not read, told apart from files that are not reports at all.
///
/// A file that is not a report is ignored; one of these is an error instead (exit 2), because ignoring it can hide
/// a failure: a directory with a passing JUnit report and an NUnit 2 result of five failing tests passed when the
/// NUnit 2 file was only listed as ignored (hold-out validation, docs/reference/holdout.md). Each is named by what
/// it is and how to write a format gatecheck reads.
enum UnreadProducerFormats {
    /// An XML root that a test tool writes in a format gatecheck does not read; `rootTag` is the start of the root's
    /// start tag (its name and the first bytes after it).
    static func xml(root local: String, rootTag: [UInt8]) -> Detection? {
        switch local {
        case "test-results":
            return .unreadable(
                .wrongKind(
                    expected: .nunit,
                    found: "NUnit 2 XML (<test-results>), which gatecheck does not read; write NUnit 3's format "
                        + "(`--result=TestResult.xml`, the NUnit 3 console's default) or JUnit"))
        case "assembly" where contains(rootTag, "assembly name="):
            // xUnit.net v1 writes one <assembly name="..." ...> with its totals; a Windows application manifest's
            // <assembly> starts with xmlns or manifestVersion and stays ignored.
            return .unreadable(
                .wrongKind(
                    expected: .xunit,
                    found: "xUnit.net v1 XML (<assembly>), which gatecheck does not read; write xUnit.net v2 XML "
                        + "(`-xml`, <assemblies>), TRX or JUnit"))
        default: return xmlResults(root: local, rootTag: rootTag)
        }
    }

    /// JSON whose first object is a `go test -json` (test2json) event without a `Package`: Go 1.24's build events
    /// (`ImportPath` with `build-output`/`build-fail`), which are go-test-json output, or test2json run on a test
    /// binary without `-p`, which gatecheck cannot attribute to a package.
    static func json(_ shape: JSONSniffer.Shape) -> Detection? {
        guard case .string? = shape.keys["Action"], !shape.isArray else { return nil }
        // Go 1.24 and later start with the build events of a package (`ImportPath`, `build-output`, `build-fail`)
        // when one prints build output: go test -json output, read (a failed build is a failing package).
        if shape.order.contains("ImportPath") { return .report(.goTestJSON) }
        if shape.order.contains("Test"), !shape.order.contains("Package") {
            return .unreadable(
                .wrongKind(
                    expected: .goTestJSON,
                    found: "test2json events without a Package (`go tool test2json` run on a test binary without "
                        + "-p), which gatecheck cannot attribute to a package; run `go test -json` or pass "
                        + "`-p <package>` to test2json"))
        }
        return nil
    }

    /// Text that stands in for a report (a Git LFS pointer, whose report was never checked out) or is one in a format
    /// gatecheck does not read (Locust 0.x's statistics).
    static func text(head: [UInt8]) -> Detection? {
        guard head.starts(with: lfsPointer) else { return locustZero(head: head) }
        return .unreadable(
            .wrongKind(
                expected: .lcov,
                found: "a Git LFS pointer (`version https://git-lfs.github.com/spec/v1`), not the report it stands "
                    + "for: check the repository out with LFS (`git lfs pull`, actions/checkout's `lfs: true`)"))
    }

    /// The first bytes of every Git LFS pointer file.
    static let lfsPointer = Array("version https://git-lfs.github.com/spec/".utf8)

    /// Whether `text` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
