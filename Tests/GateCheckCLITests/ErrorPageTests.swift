import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// An error page saved under a report's name (a download or cache step that failed and kept the server's answer) is
/// an error, not an ignored file: ignored, the tests it stood in for were never read and the other reports passed.
struct ErrorPageTests {
    @Test(
        "an HTML or cloud storage error page named like a report is an error; the same page under another name is ignored"
    )
    func errorPageInPlaceOfReport() throws {
        let pages: [(page: String, says: String)] = [
            (
                "<!DOCTYPE html>\n<html lang=\"en\"><head><title>404 Not Found</title></head><body/></html>\n",
                "HTML page"
            ),
            ("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n", "HTML page"),
            (
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key "
                    + "does not exist.</Message><Key>reports/junit.xml</Key></Error>\n", "error document"
            ),
        ]
        for (page, says) in pages {
            for name in ["junit.xml", "trivy.json"] {
                // The passing coverage report beside it would make the run pass if the page were ignored.
                let directory = try DetectionCLITests.folder([name: Array(page.utf8)])
                let result = ScenarioTests.run([directory.path])
                #expect(result.code == 2, "\(name): \(result.out)")
                #expect(result.out.contains("\(directory.path)/\(name)"), "\(name): \(result.out)")
                #expect(result.out.contains(says), "\(name): \(result.out)")
            }
            let elsewhere = try DetectionCLITests.folder(["index.html": Array(page.utf8)])
            #expect(ScenarioTests.run([elsewhere.path]).code == 0)
        }
    }
}
