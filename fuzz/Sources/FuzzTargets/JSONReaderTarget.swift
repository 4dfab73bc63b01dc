@_spi(Internals) import GateCheck

/// The raw ``JSONReader``: materialising (`readValue`), skipping (`skipValue`, `finish`) and walking value by value
/// agree on every input, in every chunk size and under strict and lenient options; keys match a ``JSONKeySet``
/// exactly when their bytes are equal; `readDouble` and `readStringPrefix` agree with the materialised values.
enum JSONReaderTarget {
    static let optionSets = [
        JSONReaderOptions(),
        JSONReaderOptions(maxDepth: 12, maxStringBytes: 300, allowNonFiniteNumbers: true, allowTrailingContent: true),
    ]

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        for options in optionSets {
            let tree = materialize(bytes, chunkSize: .max, options)
            for size in FuzzFixtures.chunkSizes {
                let chunked = materialize(bytes, chunkSize: size, options)
                try expect(chunked == tree, "readValue in chunks of \(size): \(chunked); whole: \(tree)")
            }
            try checkSkipping(bytes, options, tree)
            let expected = tree.map { node in Walk.events(of: node) }
            for size in [Int.max, 7] {
                var walk = Walk(mode: .texts, knownKeys: false)
                let walked = walk.run(bytes, chunkSize: size, options)
                try expect(
                    walked.map { _ in walk.events } == expected,
                    "walking in chunks of \(size): \(walked) \(walk.events); readValue: \(expected)")
            }
            try checkKnownKeys(bytes, options, tree)
            try checkScalars(bytes, options, tree)
        }
    }

    static func materialize(_ bytes: [UInt8], chunkSize: Int, _ options: JSONReaderOptions) -> Result<
        JSONNode, JSONError
    > {
        var reader = JSONReader(BytesSource(bytes, chunkSize: chunkSize), options: options)
        return Result { () throws(JSONError) in
            let node = try reader.readValue()
            try reader.finish()
            return node
        }
    }

    // MARK: - Private

    /// `skipValue` then `finish`, and `finish` alone, accept and reject exactly what `readValue` does, with the same
    /// error (the string limit aside, which only materialising has).
    private static func checkSkipping(
        _ bytes: [UInt8], _ options: JSONReaderOptions, _ tree: Result<JSONNode, JSONError>
    ) throws(FuzzFailure) {
        if case .failure(.stringTooLong) = tree { return }
        for size in [Int.max, 7, 1] {
            var reader = JSONReader(BytesSource(bytes, chunkSize: size), options: options)
            let skipped = Result { () throws(JSONError) in
                try reader.skipValue()
                try reader.finish()
            }
            try expect(sameOutcome(skipped, tree), "skipValue in chunks of \(size): \(skipped); readValue: \(tree)")
            var finisher = JSONReader(BytesSource(bytes, chunkSize: size), options: options)
            let finished = Result { () throws(JSONError) in try finisher.finish() }
            try expect(sameOutcome(finished, tree), "finish in chunks of \(size): \(finished); readValue: \(tree)")
        }
    }

    private static func sameOutcome(_ skipped: Result<Void, JSONError>, _ tree: Result<JSONNode, JSONError>) -> Bool {
        switch (skipped, tree) {
        case (.success, .success): true
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }

    /// Walking with a ``JSONKeySet``: a key matches exactly when its bytes equal one of the set, and a key of the set
    /// that an object repeats is refused (`duplicateKey`, at the repeat), which `readValue` leaves to its caller.
    private static func checkKnownKeys(
        _ bytes: [UInt8], _ options: JSONReaderOptions, _ tree: Result<JSONNode, JSONError>
    ) throws(FuzzFailure) {
        var walk = Walk(mode: .texts, knownKeys: true)
        let walked = walk.run(bytes, chunkSize: 7, options)
        try expect(walk.keyMismatches.isEmpty, "JSONKeySet matched wrongly: \(walk.keyMismatches)")
        switch tree {
        case .success(let node):
            let (events, repeated) = Walk.eventsUntilRepeatedKnownKey(of: node)
            let expected: Result<[Walk.Event], JSONError> = repeated.map { .failure($0) } ?? .success(events)
            try expect(
                walked.map { _ in walk.events } == expected && walk.events == events,
                "walking with known keys: \(walked) \(walk.events); expected \(expected) \(events)")
        case .failure(let error):
            switch walked {
            case .failure(let walkError) where walkError == error: break
            case .failure(.duplicateKey(_, let at)) where at.offset < (error.position?.offset ?? .max): break
            default: throw FuzzFailure("walking with known keys: \(walked); readValue failed with \(error)")
            }
        }
    }

    /// Numbers read as `Double` and strings read as prefixes give what the materialised tree says.
    private static func checkScalars(
        _ bytes: [UInt8], _ options: JSONReaderOptions, _ tree: Result<JSONNode, JSONError>
    ) throws(FuzzFailure) {
        guard case .success(let node) = tree else { return }
        var walk = Walk(mode: .scalars, knownKeys: false)
        let walked = walk.run(bytes, chunkSize: 7, options)
        let expected = Walk.events(of: node, mode: .scalars)
        switch walked {
        case .success:
            try expect(walk.events == expected, "scalar walk \(walk.events); readValue \(expected)")
        case .failure(.numberOutOfRange):
            // readDouble refuses what does not fit a Double; the token there must be one.
            let index = walk.events.count
            try expect(
                Array(expected.prefix(index)) == walk.events && index < expected.count
                    && expected[index] == .double(nil, walk.lastPosition),
                "readDouble failed at event \(index) of \(expected) after \(walk.events)")
        case .failure(let error):
            throw FuzzFailure("the scalar walk failed with '\(error)' where readValue succeeded")
        }
    }
}

/// Walks a document with the pull API (`peek`, `beginObject`, `nextKey`, `beginArray`, `nextElement`, the scalar
/// readers), recording events, and flattens a materialised tree into the same events.
struct Walk {
    enum Mode {
        /// Strings with `readString`, numbers with `readNumber`.
        case texts
        /// Strings with `readStringPrefix(maxBytes: 5)`, numbers with `readDouble`.
        case scalars
    }

    enum Event: Equatable, CustomStringConvertible {
        case object(JSONPosition), key(String), end, array(JSONPosition)
        case string(String, JSONPosition), prefix(String, truncated: Bool, JSONPosition)
        case number(String, JSONPosition), double(UInt64?, JSONPosition)
        case bool(Bool, JSONPosition), null(JSONPosition)

        var description: String {
            switch self {
            case .object(let p): "{@\(p.offset)"
            case .key(let k): "key \(k.debugDescription)"
            case .end: "end"
            case .array(let p): "[@\(p.offset)"
            case .string(let s, let p): "\(s.debugDescription)@\(p.offset)"
            case .prefix(let s, let t, let p): "\(s.debugDescription)\(t ? "…" : "")@\(p.offset)"
            case .number(let n, let p): "\(n)@\(p.offset)"
            case .double(let d, let p):
                "\(d.map { Double(bitPattern: $0) }.map(String.init(describing:)) ?? "overflow")@\(p.offset)"
            case .bool(let b, let p): "\(b)@\(p.offset)"
            case .null(let p): "null@\(p.offset)"
            }
        }
    }

    /// Keys the walk matches with a ``JSONKeySet``: common report keys, an empty key, non-ASCII keys in two
    /// normalisation forms (different bytes, so different keys), a duplicate (the first index wins).
    static let keys = ["results", "version", "id", "", "a", "é", "e\u{301}", "runs", "CVE", "\u{0}", "a", "ruleId"]
    static let keySet = JSONKeySet(keys)
    static let prefixBytes = 5

    let mode: Mode
    /// Whether keys are matched against ``keys`` (which makes a repeated known key an error) or against no key.
    let knownKeys: Bool
    var events: [Event] = []
    var keyMismatches: [String] = []
    var lastPosition = JSONPosition(offset: 0, line: 1, column: 1)

    init(mode: Mode, knownKeys: Bool) {
        self.mode = mode
        self.knownKeys = knownKeys
    }

    static let noKeys = JSONKeySet([])

    /// The events up to the first key of ``keys`` that an object repeats, and the error the reader gives there.
    static func eventsUntilRepeatedKnownKey(of node: JSONNode) -> ([Event], JSONError?) {
        var events: [Event] = []
        func visit(_ node: JSONNode) -> JSONError? {
            switch node.value {
            case .object(let members):
                events.append(.object(node.position))
                var seen: Set<Int> = []
                for member in members {
                    let index = keys.firstIndex { Array($0.utf8) == Array(member.key.utf8) }
                    if let index, !seen.insert(index).inserted {
                        return .duplicateKey(member.key, member.keyPosition)
                    }
                    events.append(.key(member.key))
                    if let error = visit(member.node) { return error }
                }
                events.append(.end)
            case .array(let elements):
                events.append(.array(node.position))
                for element in elements {
                    if let error = visit(element) { return error }
                }
                events.append(.end)
            default:
                append(node, .texts, to: &events)
            }
            return nil
        }
        let error = visit(node)
        return (events, error)
    }

    mutating func run(_ bytes: [UInt8], chunkSize: Int, _ options: JSONReaderOptions) -> Result<Void, JSONError> {
        var reader = JSONReader(BytesSource(bytes, chunkSize: chunkSize), options: options)
        return Result { () throws(JSONError) in
            try walk(&reader)
            try reader.finish()
        }
    }

    private mutating func walk(_ reader: inout JSONReader<BytesSource>) throws(JSONError) {
        let kind = try reader.peek()
        let position = reader.position
        lastPosition = position
        switch kind {
        case .object:
            try reader.beginObject()
            events.append(.object(position))
            while let index = try reader.nextKey(in: knownKeys ? Self.keySet : Self.noKeys) {
                let key = reader.lastKey
                let expected =
                    knownKeys
                    ? Self.keys.firstIndex { Array($0.utf8) == Array(key.utf8) } ?? JSONKeySet.unknown
                    : JSONKeySet.unknown
                if index != expected { keyMismatches.append("\(key.debugDescription): \(index), not \(expected)") }
                events.append(.key(key))
                try walk(&reader)
            }
            events.append(.end)
        case .array:
            try reader.beginArray()
            events.append(.array(position))
            while try reader.nextElement() { try walk(&reader) }
            events.append(.end)
        case .string:
            switch mode {
            case .texts: events.append(.string(try reader.readString(), position))
            case .scalars:
                let (text, truncated) = try reader.readStringPrefix(maxBytes: Self.prefixBytes)
                events.append(.prefix(text, truncated: truncated, position))
            }
        case .number:
            switch mode {
            case .texts: events.append(.number(try reader.readNumber().text, position))
            case .scalars: events.append(.double(Self.canonical(try reader.readDouble()), position))
            }
        case .bool: events.append(.bool(try reader.readBool(), position))
        case .null:
            try reader.readNull()
            events.append(.null(position))
        }
    }

    static func events(of node: JSONNode, mode: Mode = .texts) -> [Event] {
        var events: [Event] = []
        append(node, mode, to: &events)
        return events
    }

    static func append(_ node: JSONNode, _ mode: Mode, to events: inout [Event]) {
        let position = node.position
        switch node.value {
        case .object(let members):
            events.append(.object(position))
            for member in members {
                events.append(.key(member.key))
                append(member.node, mode, to: &events)
            }
            events.append(.end)
        case .array(let elements):
            events.append(.array(position))
            for element in elements { append(element, mode, to: &events) }
            events.append(.end)
        case .string(let text):
            switch mode {
            case .texts: events.append(.string(text, position))
            case .scalars:
                var kept = ""
                var count = 0
                for scalar in text.unicodeScalars {
                    let size = String(scalar).utf8.count
                    if count + size > prefixBytes { break }
                    kept.unicodeScalars.append(scalar)
                    count += size
                }
                events.append(.prefix(kept, truncated: count < text.utf8.count, position))
            }
        case .number(let number):
            switch mode {
            case .texts: events.append(.number(number.text, position))
            case .scalars: events.append(.double(number.double.map(canonical), position))
            }
        case .bool(let value): events.append(.bool(value, position))
        case .null: events.append(.null(position))
        }
    }

    /// NaN's payload may differ between two correct parses; every NaN compares as one.
    static func canonical(_ value: Double) -> UInt64 {
        value.isNaN ? Double.nan.bitPattern : value.bitPattern
    }
}
