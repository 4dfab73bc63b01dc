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

    func load(_ files: [InputFile]) -> [Outcome] {
        let outcomes = Mutex<[Outcome?]>(Array(repeating: nil, count: files.count))
        let next = Atomic<Int>(0)
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                let outcome = load(files[index])
                outcomes.withLock { $0[index] = outcome }
            }
        }
        return outcomes.withLock { $0.compactMap { $0 } }
    }

    func load(_ input: InputFile) -> Outcome {
        let file: FileSource
        let peeked: (bytes: [UInt8], isWholeFile: Bool)
        do {
            file = try FileSource(path: input.path)
            peeked = try file.peek(ReportDetector.prefixLength)
        } catch {
            return .failed(FailedReport(path: input.path, kind: input.boundKind, error: error))
        }
        let kind: ReportKind
        if let bound = input.boundKind {
            kind = bound
        } else {
            switch ReportDetector.detect(prefix: peeked.bytes, isWholeFile: peeked.isWholeFile) {
            case .report(let detected):
                kind = detected
            case .unknown(let reason):
                guard input.explicit else { return .ignored(IgnoredFile(path: input.path, reason: reason)) }
                return .failed(
                    FailedReport(
                        path: input.path, kind: nil,
                        error: .malformed(
                            "it is not a report gatecheck reads (\(reason)); bind it to a kind in gates.json "
                                + "`inputs` if it is one", at: nil)))
            case .unreadable(let error):
                return .failed(FailedReport(path: input.path, kind: nil, error: error))
            }
        }
        var source = FileSourceReference(file: file)
        do {
            return .loaded(try ReportReader.read(kind, from: &source, path: input.path, options: options))
        } catch {
            return .failed(FailedReport(path: input.path, kind: kind, error: error))
        }
    }
}
