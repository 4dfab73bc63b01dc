import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Locust 0.x's statistics (`"Type","Name","# requests",…`) count a run's failures in a layout gatecheck does not read:
/// an error naming the version to use, never an ignored file (Fixtures/unread-formats/locust014_stats.csv, see its
/// NOTICE).
struct LocustZeroTests {
    @Test("Locust 0.x statistics are a wrong-kind error naming Locust 1.0, also where a directory walk looks")
    func locustZeroIsAnError() throws {
        let bytes = try Fixtures.bytes("unread-formats/locust014_stats.csv")
        // The premise: the file counts failures (the Aggregated row's "# failures").
        #expect(String(decoding: bytes, as: UTF8.self).contains(##""None","Aggregated",127,38,"##))
        for detection in [
            DetectionBeyondWindowTests.detectLikeLoader(bytes), ReportDetector.detect(prefix: bytes, isWholeFile: true),
        ] {
            guard case .unreadable(.wrongKind(let kind, let found)) = detection else {
                Issue.record("\(detection)")
                continue
            }
            #expect(kind == .locust)
            #expect(found.contains("Locust 1.0 or later"))
        }
    }

    @Test("older _requests.csv too; Locust 0.x's stats history and 1.x statistics are not taken for it")
    func otherHeaders() throws {
        let requests = ReportDetector.detect(
            prefix: Array("\"Method\",\"Name\",\"# requests\",\"# failures\"\n\"GET\",\"/\",1,1\n".utf8),
            isWholeFile: true)
        guard case .unreadable(.wrongKind(.locust, _)) = requests else {
            Issue.record("\(requests)")
            return
        }
        let history = ReportDetector.detect(
            prefix: Array("\"Type\",\"Name\",\"Timestamp\",\"# requests\"\n".utf8), isWholeFile: true)
        if case .unreadable = history { Issue.record("\(history)") }
        let current = try Fixtures.bytes("locust/failing_stats.csv")
        #expect(ReportDetector.detect(prefix: current, isWholeFile: true) == .report(.locust))
    }
}
