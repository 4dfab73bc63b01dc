import Dispatch
@_spi(Internals) import GateCheck
import Synchronization

/// The threads over ``GateChecker``: every collected file becomes a ``ReportInput`` that opens it, detection and
/// reading run on `jobs` workers, each reading into its own ``ReportCollection``, and the collections are merged.
///
/// Everything a report's verdict depends on (kinds, bindings, options, the coverage merge) is the checker's; this
/// type only decides which thread does what, so the verdict is the one ``GateChecker/check(_:)`` gives.
struct ReportLoader {
    let checker: GateChecker
    let jobs: Int

    /// Reads every collected file into a collection that also keeps the collector's missing paths and diagnostics.
    func collection(_ collected: InputCollector.Result) -> ReportCollection {
        // A thread that no file needs reads a large file ahead of its parser (``ReadAhead``).
        let readAhead = collected.files.count < jobs
        let inputs = collected.files.map { file in
            let path = file.path
            return ReportInput(name: path, kind: file.boundKind, isNamed: file.explicit) {
                () throws(ReportError) -> any ByteSource in
                FileSourceReference(file: try FileSource(path: path, readAhead: readAhead))
            }
        }
        let checker = self.checker
        let prepared = parallelMap(inputs) { checker.prepare($0) }
        let plan = checker.plan(prepared)
        let collections = Mutex<[ReportCollection]>([])
        parallelForEach(prepared, state: ReportCollection(plan: plan)) { collection, input in
            checker.read(input, plan: plan, into: &collection)
        } finish: { collection in
            collections.withLock { $0.append(collection) }
        }
        var result = ReportCollection(plan: plan)
        for collection in collections.withLock({ $0 }) { result.merge(collection) }
        for missing in collected.missing { result.add(failed: missing) }
        result.add(diagnostics: collected.diagnostics)
        return result
    }

    /// `transform` applied to every element on up to `jobs` threads, results in input order.
    private func parallelMap<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: elements.count))
        parallelForEach(Array(elements.enumerated()), state: ()) { _, element in
            let result = transform(element.element)
            results.withLock { $0[element.offset] = result }
        } finish: { _ in
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// `body` applied to every element on up to `jobs` threads; each thread starts from its own copy of `state`,
    /// which `body` may change and `finish` receives when the thread is done.
    private func parallelForEach<Element: Sendable, State: Sendable>(
        _ elements: [Element], state: State, _ body: @Sendable (inout State, Element) -> Void,
        finish: @Sendable (State) -> Void
    ) {
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, elements.count))) { _ in
            var local = state
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { break }
                body(&local, elements[index])
            }
            finish(local)
        }
    }
}
