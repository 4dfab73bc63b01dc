/// What a ``JSONSniffer``'s reading means, once it is settled or its bytes end.
enum JSONDetection {
    static func detection(_ sniffer: JSONSniffer, isWholeFile: Bool) -> Detection {
        let shape = sniffer.shape
        if let own = JSONKeys.ownOutput(shape) { return .ownOutput(own) }
        if let kind = JSONKeys.classify(shape) { return .report(kind) }
        if let invalid = sniffer.invalid {
            // JSON cannot hold a NUL byte (UTF-16 without a byte order mark, or damage), and text that started as a
            // report (a key a report kind uses) is a damaged report: errors. Other text that only starts like JSON
            // (a TOML or INI `[section]`, JSON with comments) is not a report.
            if invalid.isNUL {
                return .unreadable(
                    .malformed(
                        "a NUL byte, which JSON text cannot contain (was it written as UTF-16 without a byte order "
                            + "mark, or damaged?)", at: invalid.at))
            }
            if !shape.keys.isEmpty {
                let keys = shape.keys.keys.sorted().prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
                return .unreadable(
                    .malformed("it starts as a report (keys \(keys)) but then has \(invalid.what)", at: invalid.at))
            }
            // JSON Lines of a test tool (Dart's `--reporter json`): the first object ended, then another began.
            if let unread = UnreadProducerFormats.jsonResults(shape) { return unread }
            return .unknown(
                "neither XML nor JSON (\(invalid.what) at line \(invalid.at.line), column \(invalid.at.column ?? 0))")
        }
        if sniffer.tooDeep {
            return .unreadable(
                .tooDeep(limit: 1024, at: FilePosition(line: sniffer.line, column: sniffer.column)))
        }
        if shape.isArray {
            if shape.complete, shape.firstElement == nil {
                return .unknown("an empty JSON array, whose report kind cannot be told; bind it in gates.json `inputs`")
            }
            // Only the first element tells an array's kind: once it has ended (or is not an object or array), the
            // rest cannot change it.
            if shape.complete || shape.firstElementEnded || shape.firstInnerElement != nil {
                if let unread = UnreadProducerFormats.jsonResults(shape) { return unread }
                return .unknown("a JSON array of no known report kind")
            }
        } else if shape.complete {
            if let unread = UnreadProducerFormats.json(shape) ?? UnreadProducerFormats.promptfooEval(shape)
                ?? UnreadProducerFormats.jsonResults(shape)
            {
                return unread
            }
            let keys = shape.order.map { "\"\($0)\"" }.joined(separator: ", ")
            return .unknown("JSON of no known report kind (top-level keys: \(keys.isEmpty ? "none" : keys))")
        }
        // A JSON object, or an array of objects or arrays, that ended before its kind was told: the shape of a report.
        if isWholeFile {
            return .unreadable(.truncated(at: FilePosition(line: sniffer.line, column: sniffer.column)))
        }
        let keys = shape.order.map { "\"\($0)\"" }.joined(separator: ", ")
        return .undetermined(
            "JSON whose kind is not told by the bytes read (top-level keys so far: \(keys.isEmpty ? "none" : keys))")
    }
}
