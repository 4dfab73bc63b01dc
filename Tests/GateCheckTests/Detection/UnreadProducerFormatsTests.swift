import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Producers' reports in formats gatecheck does not read are errors, not ignored files: ignored, each could hide a
/// failure behind a passing verdict (Fixtures/unread-formats, real files; docs/reference/holdout.md).
struct UnreadProducerFormatsTests {
    @Test(
        "a producer's report in a format gatecheck does not read is a wrong-kind error naming what it is",
        arguments: [
            ("NUnit2-failure.xml", ReportKind.nunit, "NUnit 2 XML"),
            ("xunit1-pickles.xml", .xunit, "xUnit.net v1 XML"),
            ("test2json-no-package.jsonl", .goTestJSON, "without a Package"),
            ("lfs-pointer.info", .lcov, "Git LFS pointer"),
        ])
    func unreadFormatIsAnError(file: String, expected: ReportKind, named: String) throws {
        let bytes = try Fixtures.bytes("unread-formats/\(file)")
        for detection in [
            DetectionBeyondWindowTests.detectLikeLoader(bytes), ReportDetector.detect(prefix: bytes, isWholeFile: true),
        ] {
            guard case .unreadable(let error) = detection else {
                Issue.record("\(file): \(detection)")
                continue
            }
            #expect(error.code == "report.wrong-kind")
            guard case .wrongKind(let kind, let found) = error else {
                Issue.record("\(file): \(error)")
                continue
            }
            #expect(kind == expected)
            #expect(found.contains(named))
        }
    }

    @Test(
        "files that only look alike stay ignored: an application manifest, a test2json-like log, LFS docs",
        arguments: [
            #"<?xml version="1.0"?><assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0"/>"#,
            #"<assembly manifestVersion="1.0" xmlns="urn:schemas-microsoft-com:asm.v1"></assembly>"#,
            #"{"Action": "deploy", "Environment": "prod"}"#,
            "Install git lfs from version https://git-lfs.github.com/ first.\n",
        ])
    func lookalikesStayIgnored(text: String) {
        let detection = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
        switch detection {
        case .unknown, .plainText: break
        default: Issue.record("\(text): \(detection)")
        }
    }

    @Test("a directory with a passing JUnit report and an NUnit 2 result with a failure cannot pass")
    func directoryWithUnreadReportIsNotAPass() throws {
        let nunit2 = try Fixtures.bytes("unread-formats/NUnit2-failure.xml")
        // The file's own totals: one of its four tests failed, which an ignored file would hide.
        #expect(String(decoding: nunit2, as: UTF8.self).contains(#"total="4" failures="1""#))
        let detection = DetectionBeyondWindowTests.detectLikeLoader(nunit2)
        #expect(detection != .report(.junit))
        if case .unknown = detection { Issue.record("NUnit 2 XML is ignored") }
    }
}
