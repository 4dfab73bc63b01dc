/// Reports in, verdict out: the one call a tool linking GateCheck needs.
///
/// The checker detects each input's kind by content (unless given, or bound by name in the configuration's
/// `inputs`), reads it with the configuration's waivers, limits and accuracy mapping, merges coverage reports, and
/// evaluates the configuration's gates. Nothing else is needed, and nothing can be left out: a report is never read
/// with options other than the configuration's.
///
/// ```swift
/// let configuration = try Configuration(json: gatesJSON)
/// let checker = GateChecker(configuration: configuration, today: Day(Date()))
/// let verdict = checker.check([
///     ReportInput(name: "coverage.xml", bytes: coverageBytes),
///     ReportInput(name: "junit.xml", bytes: junitBytes),
/// ])
/// print(verdict.status, verdict.exitCode)
/// ```
///
/// ``check(_:)-([ReportInput])`` reads the inputs one after another. A caller that wants several threads uses its three steps:
/// ``prepare(_:)`` each input (detection), ``plan(_:)`` once, ``read(_:plan:into:)`` each input into a
/// ``ReportCollection`` per thread, then ``verdict(_:)`` on the merged collection; the verdict is the same.
public struct GateChecker: Sendable {
    /// The gates, waivers, bindings, limits and mapping every input is read and judged with.
    public let configuration: Configuration
    /// Today's date (UTC), which decides whether a waiver has expired.
    ///
    /// Injected: the library never reads a clock.
    public let today: Day
    /// What diagnostics about the configuration (a binding that matched nothing) call its file.
    public let configurationName: String?
    /// Which gates are judged, by tag (`--only`, `--skip`); every gate by default.
    @_spi(Internals) public var selection = GateSelection()
    /// What gates with a `baseline` member and change metrics compare with (``BaselineCodec/decode(_:name:)``
    /// reads one from bytes); `.none` by default, which makes those gates exit 2 unless they say `on_missing`.
    @_spi(Internals) public var baseline: BaselineContext = .none
    /// Whether reports are read for writing a baseline too (every test outcome, every finding fingerprint).
    @_spi(Internals) public var collectsBaselineData = false
    /// The history that gates with a `history` member compare with, and the moment that ends their windows; the
    /// caller reads the file and the clock (docs/history.md).
    @_spi(Internals) public var history: HistoryContext?

    /// The diff that `coverage.diff_*` gates measure (`--diff`, `--diff-base`).
    @_spi(Internals) public var diff: DiffContext?

    /// Creates a checker.
    public init(configuration: Configuration, today: Day, configurationName: String? = nil) {
        self.configuration = configuration
        self.today = today
        self.configurationName = configurationName
    }

    /// Creates a checker that judges only the gates `selection` selects.
    @_spi(Internals) public init(
        configuration: Configuration, today: Day, configurationName: String? = nil, selection: GateSelection
    ) {
        self.init(configuration: configuration, today: today, configurationName: configurationName)
        self.selection = selection
    }

    /// The verdict on these inputs.
    public func check(_ inputs: [ReportInput]) -> Verdict {
        let prepared = inputs.map(prepare)
        let plan = plan(prepared)
        var collection = ReportCollection(plan: plan)
        for input in prepared { read(input, plan: plan, into: &collection) }
        return verdict(collection)
    }

    /// Settles an input's kind: given, bound by name, or detected from its content.
    ///
    /// The first 64 KiB settle almost every report. A rewindable source whose kind
    /// they do not tell is read on, keeping nothing, up to `limits.max_report_bytes`; a source that is not rewindable
    /// cannot be read again, so only its first bytes count, and one they do not settle is an error (it may be a
    /// report). A given or bound kind stands unless the content is plainly a report of another kind, or gatecheck's
    /// own output: those are errors, not a parse that could read the wrong fields.
    public func prepare(_ input: ReportInput) -> PreparedInput {
        let kind = input.kind ?? binding(for: input.name)?.kind
        let isNamed = input.isNamed || kind != nil
        func settled(_ state: PreparedInput.State) -> PreparedInput {
            PreparedInput(name: input.name, input: input, state: state)
        }
        func failed(_ error: ReportError, kind: ReportKind? = nil) -> PreparedInput {
            settled(.failed(FailedReport(path: input.name, kind: kind, error: error)))
        }
        let peeked: (source: PeekingSource, bytes: [UInt8], isWhole: Bool)
        do throws(ReportError) {
            let opened = try input.open()
            do throws(ByteSourceError) {
                peeked = try PeekingSource.peek(opened, count: ReportDetector.prefixLength)
            } catch {
                throw .unreadable(error.message)
            }
        } catch {
            return failed(error, kind: kind)
        }
        let rewindable = peeked.source.isRewindable
        var detection = ReportDetector.detect(prefix: peeked.bytes, isWholeFile: peeked.isWhole)
        if case .undetermined = detection, rewindable {
            var source = peeked.source
            detection = ReportDetector.detect(from: &source, limit: configuration.limits.maxReportBytes)
        }
        // A source that can be opened again is, so that no source stays open between detection and reading.
        let open = rewindable ? nil : peeked.source
        if let kind {
            switch detection {
            case .report(let found) where found != kind:
                return failed(
                    .wrongKind(
                        expected: kind,
                        found: "a \(found.rawValue) report (by its content); bind it as \(found.rawValue) or correct "
                            + "the binding's path"),
                    kind: kind)
            case .ownOutput(let reason):
                return failed(
                    .wrongKind(expected: kind, found: "\(reason); bind the tool's own report instead"), kind: kind)
            default:
                return settled(.read(kind, open: open))
            }
        }
        switch detection {
        case .report(let detected):
            return settled(.read(detected, open: open))
        case .plainText(let firstLine):
            if !isNamed, let ext = ReportFileName.dataExtension(of: input.name) {
                return failed(ReportFileName.textInPlaceOfReport(extension: ext, firstLine: firstLine))
            }
            guard isNamed else { return settled(.ignored(IgnoredFile(path: input.name, reason: Self.textReason))) }
            return failed(
                .malformed(
                    "it is not a report gatecheck reads (\(Self.textReason)); bind it to a kind in gates.json `inputs` "
                        + "if it is one",
                    at: nil))
        case .unknown(let reason), .ownOutput(let reason):
            if !isNamed, case .unknown = detection, reason == TextSniffer.binaryReason,
                let ext = ReportFileName.dataExtension(of: input.name)
            {
                return failed(ReportFileName.binaryInPlaceOfReport(extension: ext))
            }
            if !isNamed, case .unknown = detection, let ext = ReportFileName.dataExtension(of: input.name),
                let page = ReportFileName.errorPage(in: peeked.bytes)
            {
                return failed(ReportFileName.errorPageInPlaceOfReport(extension: ext, page: page))
            }
            guard isNamed else { return settled(.ignored(IgnoredFile(path: input.name, reason: reason))) }
            if case .ownOutput = detection {
                return failed(.malformed("it is not a report: \(reason); name the tool's own report instead", at: nil))
            }
            return failed(
                .malformed(
                    "it is not a report gatecheck reads (\(reason)); bind it to a kind in gates.json `inputs` if it is "
                        + "one",
                    at: nil))
        case .undetermined(let reason):
            // Only a source that cannot be read twice gets here: a rewindable one was read to its end or the limit.
            return failed(
                .malformed(
                    "its report kind cannot be told from its first \(ReportDetector.prefixLength) bytes, which is all "
                        + "gatecheck keeps of an input it cannot read twice, such as a pipe (\(reason)); bind it to its "
                        + "kind in gates.json `inputs`, or pass a file",
                    at: nil))
        case .unreadable(let error):
            return failed(error)
        }
    }

    /// What the prepared inputs' kinds decide about reading them.
    public func plan(_ prepared: [PreparedInput]) -> ReadPlan {
        ReadPlan(
            coverageReports: prepared.count { $0.kind?.producesCoverage == true },
            changedFileNames: diff.flatMap { DiffCoverage.changedBaseNames($0.bytes, rules: configuration.pathRules) })
    }

    /// Reads a prepared input into `collection`: a report, a failure, or an ignored file.
    public func read(_ prepared: PreparedInput, plan: ReadPlan, into collection: inout ReportCollection) {
        switch prepared.state {
        case .failed(let failure): collection.add(failed: failure)
        case .ignored(let file): collection.add(ignored: file)
        case .read(let kind, let open):
            do throws(ReportError) {
                var options = readOptions
                // Diff coverage needs every line of the changed files, even of a single report: a Cobertura reader
                // keeps those and sums the rest; the other readers keep every line.
                if plan.coverageReports <= 1, diff == nil {
                    options.coverageDetail = .totals
                } else if plan.coverageReports <= 1, kind == .cobertura, let names = plan.changedFileNames {
                    options.coverageDetail = .totals
                    options.coverageLinesKept = names
                }
                var source: PeekingSource
                if let open { source = open } else { source = .plain(try prepared.input.open()) }
                collection.add(try ReportReader.read(kind, from: &source, path: prepared.name, options: options))
            } catch {
                collection.add(failed: FailedReport(path: prepared.name, kind: kind, error: error))
            }
        }
    }

    /// The verdict on a collection: the selected gates of the configuration, and every required binding that no
    /// input's name matched as an error.
    public func verdict(_ collection: ReportCollection) -> Verdict {
        let selected: Configuration
        switch selection.apply(to: configuration, file: configurationName) {
        case .success(let configuration): selected = configuration
        case .failure(let error): return .unusable(error, today: today)
        }
        var reports = collection.reportSet
        let names = reports.reports.map(\.path) + reports.failed.map(\.path) + reports.ignored.map(\.path)
        reports.diagnostics += unmatchedBindings(names, selected: selected)
        return GateEngine.evaluate(
            reports, configuration: selected, today: today, baseline: baseline, history: history,
            diff: diff.map { DiffInput($0, rules: configuration.pathRules) })
    }

    /// The baseline of a run: its gates' exact values and what the change metrics need.
    ///
    /// `meta` is the caller's (`commit`, `ref`; the library reads no git). Read the reports with
    /// ``collectsBaselineData`` set.
    @_spi(Internals) public func baseline(
        of collection: ReportCollection, verdict: Verdict, meta: [String: String]
    ) -> Baseline {
        BaselineBuilder.build(collection.reportSet, verdict: verdict, configuration: configuration, meta: meta)
    }

    /// The options every report is read with: the configuration's, and nothing else.
    var readOptions: ReadOptions {
        var options = ReadOptions(
            limits: configuration.limits, waivers: configuration.waivers,
            accuracyMapping: configuration.accuracyMapping, today: today)
        options.collectsChangeData = collectsBaselineData || configuration.gates.contains { $0.metric.isChange }
        options.collectsPackageNames = collectsBaselineData
        options.collectsPlaces = configuration.gates.contains { gate in
            guard gate.scope != nil || gate.scopeClasses != nil else { return false }
            if case .coverage = gate.metric { return false }
            return true
        }
        return options
    }

    /// Why a text file found in a directory is ignored.
    static let textReason = "neither XML nor JSON"

    // MARK: - Bindings

    /// The first binding whose path or glob matches the name.
    private func binding(for name: String) -> InputBinding? {
        let name = Self.normalize(name)
        return configuration.inputs.first { Glob(Self.normalize($0.path)).matches(name) }
    }

    /// An error (a warning for a binding marked not required) for every binding that no input matched, except a
    /// binding whose kind only gates left out of this run read: its report belongs to another stage.
    private func unmatchedBindings(_ names: [String], selected: Configuration) -> [Diagnostic] {
        let names = names.map(Self.normalize)
        return configuration.inputs.enumerated().compactMap { number, binding in
            let glob = Glob(Self.normalize(binding.path))
            guard !names.contains(where: glob.matches) else { return nil }
            let readBy = { (gates: [GateSpec]) in gates.contains { $0.sourceKinds.contains(binding.kind) } }
            if !readBy(selected.gates), readBy(selected.unselectedGates) { return nil }
            return Diagnostic(
                binding.required ? .error : .warning, code: "input.no-match",
                message: "inputs[\(number)] `\(binding.path)` (bound to \(binding.kind.rawValue)) matched no file"
                    + (binding.required ? "; mark it \"required\": false if it may be absent" : ""),
                file: configurationName, keyPath: "inputs[\(number)].path")
        }
    }

    private static func normalize(_ path: String) -> String {
        var view = Substring(path)
        while view.hasPrefix("./") { view = view.dropFirst(2) }
        return String(view)
    }
}
