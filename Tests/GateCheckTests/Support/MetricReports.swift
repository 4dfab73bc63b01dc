import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Reads accuracy, image, cost and latency reports from text, as the CLI would.
enum MetricReports {
    static func read(
        _ kind: ReportKind, _ text: String, path: String = "report.json", mapping: [String: String] = [:],
        chunkSize: Int = .max
    ) throws(ReportError) -> LoadedReport {
        var source = BytesSource(text, chunkSize: chunkSize)
        let options = ReadOptions(accuracyMapping: AccuracyMapping(mapping), today: Build.today)
        return try ReportReader.read(kind, from: &source, path: path, options: options)
    }

    static func accuracy(_ text: String, mapping: [String: String] = [:]) throws -> (AccuracyReport, [Diagnostic]) {
        let loaded = try read(.accuracy, text, mapping: mapping)
        guard case .accuracy(let report) = loaded.content else { throw Failure("not an accuracy report") }
        return (report, loaded.diagnostics)
    }

    static func images(_ text: String) throws -> ImageReport {
        guard case .image(let report) = try read(.image, text).content else { throw Failure("not an image report") }
        return report
    }

    static func cost(_ text: String) throws -> (CostReport, [Diagnostic]) {
        let loaded = try read(.llmCost, text)
        guard case .llmCost(let report) = loaded.content else { throw Failure("not a cost report") }
        return (report, loaded.diagnostics)
    }

    static func latency(_ text: String) throws -> LatencyReport {
        guard case .latency(let report) = try read(.latency, text).content else {
            throw Failure("not a latency report")
        }
        return report
    }

    /// The error a read is expected to throw.
    static func error(_ kind: ReportKind, _ text: String) -> ReportError? {
        do {
            _ = try read(kind, text)
            return nil
        } catch {
            return error
        }
    }

    /// An accuracy report in gatecheck's format with the given metrics object and optional samples.
    static func accuracyText(metrics: String, samples: String? = nil, size: Int = 4) -> String {
        """
        {"schema": "gatecheck.accuracy/v1", "dataset": {"name": "qa", "size": \(size)},
         "generated_at": "2026-11-26T10:00:00Z", "metrics": \(metrics)\(samples.map { ", \"samples\": \($0)" } ?? "")}
        """
    }

    /// An accuracy report with one metric.
    static func accuracy(
        _ path: String = "accuracy.json", _ name: String = "retrieval", value: String?, problem: String? = nil,
        worst: [SampleScore] = []
    ) -> LoadedReport {
        let metric = AccuracyMetric(
            sourceName: name, value: value.flatMap { Decimal(string: $0) }, problem: problem, samples: 100,
            lowestSamples: worst, highestSamples: worst.reversed())
        let report = AccuracyReport(format: "gatecheck.accuracy/v1", metrics: [name: metric])
        return LoadedReport(path: path, kind: .accuracy, content: .accuracy(report))
    }

    /// An image report with images of these sizes.
    static func image(_ sizes: [(String, Int64)], path: String = "image.json") -> LoadedReport {
        let report = ImageReport(source: .dockerInspect, images: sizes.map { ImageSize(name: $0.0, bytes: $0.1) })
        return LoadedReport(path: path, kind: .image, content: .image(report))
    }

    /// A size gate as gates.json would decode it (`"500 MiB"`, `524288000`).
    static func sizeGate(_ written: String, level: GateLevel = .error) -> GateSpec {
        GateSpec(
            id: "image-size", metric: .image(.sizeBytes), bound: .max(Threshold.bytes(written) ?? Threshold(0)),
            level: level)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
