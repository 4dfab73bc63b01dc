import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Image sizes from `docker image inspect` (the corpus) and `docker images --format json`.
struct ImageReportTests {
    /// Every `docker-inspect/` file of the corpus, with the images and sizes it holds (MANIFEST.tsv facts).
    static let corpusSizes: [String: [(name: String, bytes: Int64, judgeable: Bool)]] = [
        "docker-inspect/cli/inspect-command-success.simple.golden": [("image #1", 0, false)],
        "docker-inspect/cli/inspect-command-success.simple-many.golden": [
            ("image #1", 0, false), ("image #2", 0, false),
        ],
        "docker-inspect/cli/inspect-command-success.simple.2017.golden": [("image #1", 0, false)],
        "docker-inspect/rabbitmq-stream-go-client/g-docker-image-inspect.json": [
            ("gsantomaggio/go-stream-client:latest", 127_752_125, true)
        ],
    ]

    @Test("every docker-inspect file of the corpus is read, with its sizes", .enabled(if: Corpus.isAvailable))
    func corpus() throws {
        let entries = Corpus.entries("docker-inspect")
        #expect(Set(entries.map(\.path)) == Set(Self.corpusSizes.keys))
        for entry in entries {
            let bytes = try Corpus.bytes(entry.path)
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.image), "\(entry.path)")
            var source = BytesSource(bytes)
            let loaded = try ReportReader.read(
                .image, from: &source, path: entry.path, options: ReadOptions(today: Build.today))
            guard case .image(let report) = loaded.content else {
                Issue.record("\(entry.path) is not an image report")
                continue
            }
            #expect(report.source == .dockerInspect)
            let expected = try #require(Self.corpusSizes[entry.path])
            #expect(report.images.map(\.name) == expected.map(\.name), "\(entry.path)")
            #expect(report.images.map(\.bytes) == expected.map(\.bytes), "\(entry.path)")
            #expect(report.images.map { $0.problem == nil } == expected.map(\.judgeable), "\(entry.path)")
            #expect(report.images.allSatisfy { $0.tolerance == 0 })
        }
    }

    @Test(
        "Trivy JSON with Metadata.Size is an image source; a scan without it is not", .enabled(if: Corpus.isAvailable))
    func trivy() throws {
        var reports: [LoadedReport] = []
        for path in ["trivy-json/trivy/alpine-310.json.golden", "trivy-json/trivy/npm.json.golden"] {
            var source = BytesSource(try Corpus.bytes(path))
            reports.append(
                try ReportReader.read(.trivyJSON, from: &source, path: path, options: ReadOptions(today: Build.today)))
        }
        let gate = Build.evaluate(reports, [MetricReports.sizeGate("500 MiB")]).gates[0]
        #expect(gate.status == .pass && gate.actual == .integer(5_843_968))
        #expect(gate.sources == ["trivy-json/trivy/alpine-310.json.golden"])
        #expect(
            gate.message
                == "image.size_bytes is 5843968 bytes (≈5.6 MiB) for trivy-json/trivy/alpine-310.json.golden, which meets <= 500 MiB (524288000)"
        )
        let verdict = Build.evaluate(
            reports + [MetricReports.image([("app:1", 600_000_000)])], [MetricReports.sizeGate("500 MiB")])
        #expect(verdict.gates[0].status == .fail)
        #expect(verdict.gates[0].details.count == 2)
    }

    @Test("a zero-valued image record (empty Id) is read but cannot be judged, whatever its Size")
    func zeroValued() throws {
        let report = try MetricReports.images(
            #"[{"Id": "", "RepoTags": null, "Config": null, "Size": 0, "RootFS": {}}]"#)
        #expect(report.images.first?.bytes == 0)
        #expect(report.images.first?.problem?.contains("Id is empty") == true)
        let scratch = try MetricReports.images(#"[{"Id": "sha256:abc", "RepoTags": ["scratch-app:1"], "Size": 0}]"#)
        #expect(scratch.images.first?.problem == nil, "an image without layers genuinely has 0 bytes")
    }

    @Test("an image is named by its first tag, else its short id; a missing Size cannot be judged")
    func names() throws {
        let report = try MetricReports.images(
            #"[{"Id": "sha256:1ee5934abde98bde8d1a", "RepoTags": [], "Size": 5}, {"Id": "sha256:2", "RepoTags": ["a:1", "a:latest"]}]"#
        )
        #expect(report.images.map(\.name) == ["sha256:1ee5934abde9", "a:1"])
        #expect(report.images[1].problem == "the record has no Size")
    }

    @Test("an empty inspect array (the image does not exist) is an error")
    func emptyInspect() {
        guard case .invalidValue(let message, _, _)? = MetricReports.error(.image, "[]") else {
            Issue.record("expected an error")
            return
        }
        #expect(message.contains("names no image"))
    }

    @Test(
        "docker images human sizes are exact decimal units with docker's three-digit tolerance",
        arguments: [
            ("7.8MB", 7_800_000, 5_000),
            ("612MB", 612_000_000, 500_000),
            ("524MB", 524_000_000, 500_000),
            ("1.23GB", 1_230_000_000, 5_000_000),
            ("1e+03MB", 1_000_000_000, 5_000_000),
            ("512B", 512, 0),
            ("0B", 0, 0),
            ("999kB", 999_000, 500),
            ("5.21kB", 5_210, 5),
            ("72.5 MB", 72_500_000, 50_000),
        ] as [(String, Int64, Int64)])
    func humanSizes(_ text: String, _ bytes: Int64, _ tolerance: Int64) throws {
        let line = #"{"Repository":"r","Tag":"t","ID":"abc","Size":"\#(text)"}"#
        let image = try #require(try MetricReports.images(line).images.first)
        #expect(image.bytes == bytes && image.tolerance == tolerance, "\(text)")
        #expect(image.written == text && image.problem == nil)
    }

    @Test(
        "sizes docker does not write are not guessed",
        arguments: ["7.8MiB", "N/A", "", "MB", "1.2.3MB", "7.8 XB", "-5MB"])
    func badHumanSizes(_ text: String) throws {
        let line = #"{"Repository":"r","Tag":"t","ID":"abc","Size":"\#(text)"}"#
        let image = try #require(try MetricReports.images(line).images.first)
        #expect(image.bytes == nil && image.problem != nil, "\(text)")
    }

    @Test("docker images JSON lines: one image per line, named repository:tag, untagged ones by id")
    func lines() throws {
        let text = """
            {"Containers":"N/A","CreatedAt":"2026-11-20 10:00:00 +0000 UTC","Digest":"\\u003cnone\\u003e","ID":"1ee5934abde9","Repository":"ragservice","SharedSize":"N/A","Size":"612MB","Tag":"1.4.0","UniqueSize":"N/A","VirtualSize":"612MB"}
            {"Containers":"N/A","ID":"9f3e2d1c0b5a","Repository":"\\u003cnone\\u003e","Size":"1.2GB","Tag":"\\u003cnone\\u003e"}

            """
        let report = try MetricReports.images(text)
        #expect(report.source == .dockerImages)
        #expect(report.images.map(\.name) == ["ragservice:1.4.0", "9f3e2d1c0b5a"])
        #expect(report.images.map(\.bytes) == [612_000_000, 1_200_000_000])
        #expect(MetricReports.error(.image, #"{"Repository":"r","Tag":"t","Size":"1MB"}"# + "\n{\"Repo") != nil)
    }
}
