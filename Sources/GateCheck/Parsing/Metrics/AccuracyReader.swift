/// Reads an accuracy report of either supported shape in one streaming pass.
///
/// gatecheck's own `gatecheck.accuracy/v1` has its `samples` tallied as they stream and the rest kept as a small
/// tree pruned to what the decoder reads; a DeepEval test run has its test cases streamed, so that long inputs and
/// retrieval contexts are never kept. Memory follows the number of metrics, never the number of samples or the size
/// of the file.
enum AccuracyReader {
    /// What the decoder of `gatecheck.accuracy/v1` reads of each root key; other keys are only named.
    private static let rootShapes: [String: JSONShape] = [
        "$schema": .scalar, "schema": .scalar, "generated_at": .scalar,
        "dataset": .fields(AccuracyReportParser.datasetKeys),
        "metrics": .object(known: [:], other: .fields(AccuracyReportParser.metricKeys)),
    ]

    static func read<Source: ByteSource>(_ source: Source, options: ReadOptions) throws(ReportError)
        -> ParsedMetricReport
    {
        let (root, samples, run) = try MetricReportInput.stream(source, kind: .accuracy, limits: options.limits) {
            reader in
            _ = try reader.peek()
            let position = reader.position
            try reader.beginObject()
            var members: [JSONMember] = []
            var samples: AccuracySamples?
            var run = DeepEvalRun()
            run.keepsScores = options.collectsChangeData
            while let key = try reader.nextKey(DeepEvalParser.RunKey.self) {
                if case .known(let key) = key {
                    try DeepEvalParser.read(key, from: &reader, into: &run, nested: false)
                    continue
                }
                let (name, keyPosition) = (reader.lastKey, reader.keyPosition)
                let node: JSONNode
                if name == "samples", samples == nil, try reader.peek() == .array {
                    node = JSONNode(value: .array([]), position: reader.position)
                    var streamed = AccuracySamples(candidates: metricNames(in: members))
                    streamed.keepsScores = options.collectsChangeData
                    try streamed.read(&reader)
                    samples = streamed
                } else {
                    node = try reader.readPruned(rootShapes[name] ?? .ignored)
                }
                members.append(JSONMember(key: name, keyPosition: keyPosition, node: node))
            }
            return (JSONNode(value: .object(members), position: position), samples, run)
        }
        let hasSchema =
            if case .object(let members) = root.value { members.contains { $0.key == "schema" } } else { false }
        if run.sawRun, !hasSchema {
            return try DeepEvalParser.finish(run, mapping: options.accuracyMapping)
        }
        return try AccuracyReportParser.parse(root, samples: samples, mapping: options.accuracyMapping)
    }

    /// The metric names of a `metrics` member read before `samples`, if there is one: scores of other names need not
    /// be tallied.
    private static func metricNames(in members: [JSONMember]) -> Set<String>? {
        guard let metrics = members.first(where: { $0.key == "metrics" }), case .object(let list) = metrics.node.value
        else { return nil }
        return Set(list.map(\.key))
    }
}
