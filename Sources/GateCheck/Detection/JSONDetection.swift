/// What a ``JSONSniffer``'s reading means, once it is settled or its bytes end.
enum JSONDetection {
    static func detection(_ sniffer: JSONSniffer, isWholeFile: Bool, bytesRead: Int) -> Detection {
        let shape = sniffer.shape
        if let own = JSONKeys.ownOutput(shape) { return .ownOutput(own) }
        if let kind = JSONKeys.classify(shape) { return .report(kind) }
        if let invalid = sniffer.invalid { return .unknown(invalid) }
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
                return .unknown("a JSON array of no known report kind")
            }
        } else if shape.complete {
            let keys = shape.order.map { "\"\($0)\"" }.joined(separator: ", ")
            return .unknown("JSON of no known report kind (top-level keys: \(keys.isEmpty ? "none" : keys))")
        }
        // A JSON object, or an array of objects or arrays, that ended before its kind was told: the shape of a report.
        if isWholeFile {
            return .unreadable(.truncated(at: FilePosition(line: sniffer.line, column: sniffer.column)))
        }
        let keys = shape.order.map { "\"\($0)\"" }.joined(separator: ", ")
        return .undetermined(
            "JSON whose kind is not told by its first \(bytesRead) bytes (top-level keys so far: "
                + "\(keys.isEmpty ? "none" : keys))")
    }
}
