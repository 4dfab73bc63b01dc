import Dispatch
import GateCheck
import Synchronization

/// Reads every input file, in parallel, into a ``ReportSet``: detection by content (unless bound), then the
/// streaming parser of its kind.
struct ReportLoader {
    let options: ReadOptions
    let jobs: Int

    enum Outcome: Sendable {
        case loaded(LoadedReport)
        case failed(FailedReport)
        case ignored(IgnoredFile)
    }

    /// Reads every collected file into a report set that keeps the collector's missing paths and diagnostics.
    func reportSet(_ collected: InputCollector.Result) -> ReportSet {
        var reports = ReportSet(failed: collected.missing, diagnostics: collected.diagnostics)
        for outcome in load(collected.files) {
            switch outcome {
            case .loaded(let report): reports.reports.append(report)
            case .failed(let failure): reports.failed.append(failure)
            case .ignored(let file): reports.ignored.append(file)
            }
        }
        return reports
    }

    /// Detects every file's kind, then parses them all; both phases run on `jobs` workers. Knowing the kinds first
    /// lets a run with a single coverage report keep only the totals it needs (``CoverageDetail/totals``).
    func load(_ files: [InputFile]) -> [Outcome] {
        let kinds = parallelMap(files, detect)
        let coverageReports = kinds.count { if case .success(.cobertura) = $0 { true } else { false } }
        var chosen = options
        if coverageReports <= 1 { chosen.coverageDetail = .totals }
        let options = chosen
        return parallelMap(Array(zip(files, kinds))) { file, kind in
            switch kind {
            case .success(let kind): Self.parse(file, as: kind, options: options)
            case .failure(let outcome): outcome.value
            }
        }
    }

    /// A detection that ended the file's journey: ignored or failed.
    struct Settled: Error {
        let value: Outcome
    }

    func detect(_ input: InputFile) -> Result<ReportKind, Settled> {
        if let bound = input.boundKind { return .success(bound) }
        let peeked: (bytes: [UInt8], isWholeFile: Bool)
        do {
            peeked = try FileSource(path: input.path).peek(ReportDetector.prefixLength)
        } catch {
            return .failure(Settled(value: .failed(FailedReport(path: input.path, kind: nil, error: error))))
        }
        switch ReportDetector.detect(prefix: peeked.bytes, isWholeFile: peeked.isWholeFile) {
        case .report(let detected):
            return .success(detected)
        case .unknown(let reason):
            guard input.explicit else {
                return .failure(Settled(value: .ignored(IgnoredFile(path: input.path, reason: reason))))
            }
            let error = ReportError.malformed(
                "it is not a report gatecheck reads (\(reason)); bind it to a kind in gates.json `inputs` if it is one",
                at: nil)
            return .failure(Settled(value: .failed(FailedReport(path: input.path, kind: nil, error: error))))
        case .unreadable(let error):
            return .failure(Settled(value: .failed(FailedReport(path: input.path, kind: nil, error: error))))
        }
    }

    static func parse(_ input: InputFile, as kind: ReportKind, options: ReadOptions) -> Outcome {
        do {
            var source = FileSourceReference(file: try FileSource(path: input.path))
            return .loaded(try ReportReader.read(kind, from: &source, path: input.path, options: options))
        } catch {
            return .failed(FailedReport(path: input.path, kind: kind, error: error))
        }
    }

    /// `transform` applied to every element on up to `jobs` threads, results in input order.
    private func parallelMap<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, elements.count))) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let result = transform(elements[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
