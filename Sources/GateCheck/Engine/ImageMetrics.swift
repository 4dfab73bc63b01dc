#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `image.size_bytes`: gated per image, so that a report naming several images needs every one within the bound.
///
/// The message shows the bytes and the size in the unit the bound was written in.
enum ImageMetrics {
    /// The image sizes a report carries: every image of an image report, and the scanned image of a Trivy report
    /// that has `Metadata.Size` (named by the report's path, since the findings report does not keep the artifact
    /// name).
    static func images(in report: LoadedReport) -> [ImageSize] {
        switch report.content {
        case .image(let images): return images.images
        case .findings(let findings):
            guard report.kind == .trivyJSON, let size = findings.imageSizeBytes else { return [] }
            return [
                ImageSize(name: report.path, bytes: size, problem: size < 0 ? "its Metadata.Size is negative" : nil)
            ]
        case .coverage, .tests, .accuracy, .llmCost, .latency:
            return []
        }
    }

    static func measure(_ bound: Bound, sources: [LoadedReport]) -> Measurement {
        let threshold = bound.threshold
        let units = sources.flatMap { report in
            images(in: report).map { image in unit(image, in: report, sourceCount: sources.count, threshold) }
        }
        return UnitGating.measure(units, bound: bound, preposition: "for", nameUnits: true)
    }

    static func values(of report: ImageReport) -> [Metric: MetricValue] {
        let sizes = report.images.compactMap { $0.problem == nil ? $0.bytes : nil }
        let largest = sizes.count == report.images.count ? sizes.max() : nil
        return [.image(.sizeBytes): largest.map { .integer(Int($0)) } ?? .notMeasured]
    }

    // MARK: - Private

    private static func unit(_ image: ImageSize, in report: LoadedReport, sourceCount: Int, _ threshold: Threshold)
        -> GatedUnit
    {
        let label = sourceCount > 1 && image.name != report.path ? "\(image.name) in \(report.path)" : image.name
        guard let bytes = image.bytes, image.problem == nil else {
            return GatedUnit(label: label, value: .notMeasured, shown: "", problem: image.problem ?? "it has no size")
        }
        var shown = "\(bytes) bytes"
        let inUnit = inWrittenUnit(bytes, threshold)
        if let written = image.written {
            shown += " (\(written) as docker images shows it" + (inUnit.map { ", \($0)" } ?? "") + ")"
        } else if let inUnit {
            shown += " (\(inUnit))"
        }
        var unit = GatedUnit(label: label, value: .integer(Int(bytes)), shown: shown)
        if image.tolerance > 0 {
            let (low, high) = (Decimal(bytes) - Decimal(image.tolerance), Decimal(bytes) + Decimal(image.tolerance))
            if threshold.value >= low, threshold.value <= high {
                unit.problem =
                    "docker images shows \(image.written ?? "its size") with three significant digits, i.e. "
                    + "\(low) to \(high) bytes, and the bound \(threshold.value) "
                    + "lies inside that range; gate the exact size from `docker image inspect`"
            }
        }
        return unit
    }

    /// The size in the unit of the bound as written (`500 MiB` → `≈583.8 MiB`); `nil` for a bound in bytes.
    private static func inWrittenUnit(_ bytes: Int64, _ threshold: Threshold) -> String? {
        let written = threshold.written.trimmingWhitespace
        let unit = written.drop { $0.isASCII && ($0.isNumber || $0 == ".") }.trimmingWhitespace
        guard !unit.isEmpty, unit != "B", let multiplier = Threshold.sizeUnits[unit] else { return nil }
        let value = Decimal(bytes) / multiplier
        return DecimalText.shown(value, against: threshold.value / multiplier, minimumDigits: 1) + " " + unit
    }
}
