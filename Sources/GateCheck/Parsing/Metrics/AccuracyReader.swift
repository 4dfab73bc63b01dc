/// Reads an accuracy report of either supported shape in one streaming pass: gatecheck's own
/// `gatecheck.accuracy/v1` (materialised, then decoded field by field) or a DeepEval test run (its test cases
/// streamed, so that long inputs and retrieval contexts are never kept).
enum AccuracyReader {
    static func read<Source: ByteSource>(_ source: Source, options: ReadOptions) throws(ReportError)
        -> ParsedMetricReport
    {
        let (root, run) = try MetricReportInput.stream(source, kind: .accuracy, limits: options.limits) { reader in
            _ = try reader.peek()
            let position = reader.position
            try reader.beginObject()
            var members: [JSONMember] = []
            var run = DeepEvalRun()
            while let key = try reader.nextKey(in: DeepEvalParser.runKeys) {
                if key == JSONKeySet.unknown {
                    let (name, keyPosition) = (reader.lastKey, reader.keyPosition)
                    members.append(JSONMember(key: name, keyPosition: keyPosition, node: try reader.readValue()))
                } else {
                    try DeepEvalParser.read(key, from: &reader, into: &run, nested: false)
                }
            }
            return (JSONNode(value: .object(members), position: position), run)
        }
        let hasSchema =
            if case .object(let members) = root.value { members.contains { $0.key == "schema" } } else { false }
        if run.sawRun, !hasSchema {
            return try DeepEvalParser.finish(run, mapping: options.accuracyMapping)
        }
        return try AccuracyReportParser.parse(root, mapping: options.accuracyMapping)
    }
}
