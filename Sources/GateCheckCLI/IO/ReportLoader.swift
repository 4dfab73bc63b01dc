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
        let loaded = load(collected.files)
        var reports = ReportSet(
            failed: collected.missing, diagnostics: collected.diagnostics, coverageUnion: loaded.coverageUnion)
        for outcome in loaded.outcomes {
            switch outcome {
            case .loaded(let report): reports.reports.append(report)
            case .failed(let failure): reports.failed.append(failure)
            case .ignored(let file): reports.ignored.append(file)
            }
        }
        return reports
    }

    /// Detects every file's kind, then parses them all.
    ///
    /// Both phases run on `jobs` workers. Knowing the kinds first lets a run with a single coverage report keep only
    /// the totals it needs (``CoverageDetail/totals``), and a run with several merge them as they are parsed: each
    /// worker folds its coverage reports into its own ``CoverageUnion`` and keeps only a summary of each, so the
    /// merge is spread over the workers and memory follows the union rather than the number of reports.
    func load(_ files: [InputFile]) -> (outcomes: [Outcome], coverageUnion: CoverageUnion?) {
        let detections = parallelMap(files, detect)
        let coverageReports = detections.count {
            if case .success(let found) = $0 { found.kind == .cobertura } else { false }
        }
        var chosen = options
        if coverageReports <= 1 { chosen.coverageDetail = .totals }
        let options = chosen
        let mergesCoverage = coverageReports > 1
        // A thread that no file needs reads a large file ahead of its parser (``ReadAhead``).
        let readAhead = files.count < jobs
        let unions = Mutex<[CoverageUnion]>([])
        let outcomes = parallelMap(Array(zip(files, detections)), state: CoverageUnion()) { union, element in
            let (file, detection) = element
            switch detection {
            case .success(let found):
                let outcome = Self.parse(file, found, options: options, readAhead: readAhead)
                guard mergesCoverage, case .loaded(var report) = outcome, case .coverage(let coverage) = report.content
                else { return outcome }
                union.add(coverage, path: report.path)
                report.content = .coverage(coverage.summarized)
                return .loaded(report)
            case .failure(let outcome): return outcome.value
            }
        } finish: { union in
            unions.withLock { $0.append(union) }
        }
        guard mergesCoverage else { return (outcomes, nil) }
        return (outcomes, unions.withLock { $0.reduce(into: CoverageUnion()) { $0.add($1) } })
    }

    /// A detection that ended the file's journey: ignored or failed.
    struct Settled: Error {
        let value: Outcome
    }

    /// What detection decided for a file: its kind and, for a file that cannot be opened a second time (a pipe, a FIFO,
    /// process substitution), the source already open, whose peeked bytes the parser reads first.
    ///
    /// Regular files are opened again instead, so that thousands of reports never hold thousands of descriptors.
    ///
    /// `@unchecked Sendable`: the source is used by one thread at a time; the detection worker hands it to a
    /// parsing worker through ``parallelMap(_:_:)``'s lock, which orders the two.
    struct Detected: @unchecked Sendable {
        let kind: ReportKind
        let openSource: FileSource?
    }

    /// Peeks at a file and decides its kind by content.
    ///
    /// The first ``ReportDetector/prefixLength`` bytes settle almost every file. A regular file whose kind they do not
    /// tell is read on, chunk by chunk and keeping nothing, up to `limits.max_report_bytes`; a pipe cannot be read
    /// again, so only its peeked bytes count, and one they do not settle is an error (never ignored: it may be a
    /// report). A bound file keeps its bound kind, unless its content is plainly a report of another kind (a binding
    /// naming the wrong file or kind) or gatecheck's own output, which are errors rather than a parse that could read
    /// the wrong fields.
    func detect(_ input: InputFile) -> Result<Detected, Settled> {
        func failed(_ error: ReportError, kind: ReportKind? = nil) -> Result<Detected, Settled> {
            .failure(Settled(value: .failed(FailedReport(path: input.path, kind: kind, error: error))))
        }
        let file: FileSource
        let peeked: (bytes: [UInt8], isWholeFile: Bool)
        do {
            file = try FileSource(path: input.path)
            peeked = try file.peek(ReportDetector.prefixLength)
        } catch {
            return failed(error, kind: input.boundKind)
        }
        let openSource = file.isRegularFile ? nil : file
        var detection = ReportDetector.detect(prefix: peeked.bytes, isWholeFile: peeked.isWholeFile)
        if case .undetermined = detection, file.isRegularFile {
            // The peeked bytes are replayed first; the parser opens the file again.
            var source = FileSourceReference(file: file)
            detection = ReportDetector.detect(from: &source, limit: options.limits.maxReportBytes)
        }
        if let bound = input.boundKind {
            switch detection {
            case .report(let found) where found != bound:
                return failed(
                    .wrongKind(
                        expected: bound,
                        found: "a \(found.rawValue) report (by its content); bind it as \(found.rawValue) or correct "
                            + "the binding's path"),
                    kind: bound)
            case .ownOutput(let reason):
                return failed(
                    .wrongKind(expected: bound, found: "\(reason); bind the tool's own report instead"), kind: bound)
            default:
                return .success(Detected(kind: bound, openSource: openSource))
            }
        }
        switch detection {
        case .report(let detected):
            return .success(Detected(kind: detected, openSource: openSource))
        case .unknown(let reason), .ownOutput(let reason):
            guard input.explicit else {
                return .failure(Settled(value: .ignored(IgnoredFile(path: input.path, reason: reason))))
            }
            if case .ownOutput = detection {
                return failed(
                    .malformed("it is not a report: \(reason); name the tool's own report instead", at: nil))
            }
            return failed(
                .malformed(
                    "it is not a report gatecheck reads (\(reason)); bind it to a kind in gates.json `inputs` if it is "
                        + "one",
                    at: nil))
        case .undetermined(let reason):
            // Only a pipe gets here: a regular file was read on to its end or to the limit.
            return failed(
                .malformed(
                    "its report kind cannot be told from its first \(ReportDetector.prefixLength) bytes, which is all "
                        + "gatecheck keeps of a pipe (\(reason)); bind it to its kind in gates.json `inputs`, or pass "
                        + "a file",
                    at: nil))
        case .unreadable(let error):
            return failed(error)
        }
    }

    static func parse(_ input: InputFile, _ detected: Detected, options: ReadOptions, readAhead: Bool) -> Outcome {
        do throws(ReportError) {
            let file =
                if let open = detected.openSource { open } else {
                    try FileSource(path: input.path, readAhead: readAhead)
                }
            var source = FileSourceReference(file: file)
            return .loaded(try ReportReader.read(detected.kind, from: &source, path: input.path, options: options))
        } catch {
            return .failed(FailedReport(path: input.path, kind: detected.kind, error: error))
        }
    }

    /// `transform` applied to every element on up to `jobs` threads, results in input order.
    private func parallelMap<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        parallelMap(elements, state: (), { _, element in transform(element) }, finish: { _ in })
    }

    /// `transform` applied to every element on up to `jobs` threads, results in input order; each thread starts
    /// from its own copy of `state`, which `transform` may change and `finish` receives when the thread is done.
    private func parallelMap<Element: Sendable, Result: Sendable, State: Sendable>(
        _ elements: [Element], state: State, _ transform: @Sendable (inout State, Element) -> Result,
        finish: @Sendable (State) -> Void
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, elements.count))) { _ in
            var local = state
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { break }
                let result = transform(&local, elements[index])
                results.withLock { $0[index] = result }
            }
            finish(local)
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
