/// Classifies JSON by the keys of its top-level object, or of the first element of a top-level array, reading it
/// incrementally: fed any number of chunks, it skips values without keeping them (memory does not grow with the file)
/// and stops as soon as the kind is settled.
///
/// It checks that what it reads is JSON (tokens in a valid order, literals and numbers as JSON writes them, plus the
/// bare `NaN` and `Infinity` Python writes), so that an INI or TOML `[section]` or JSON with comments is not taken for
/// the start of a report. It does not check everything; the parser of the detected kind does.
struct JSONSniffer {
    private enum Expect { case value, valueOrClose, keyOrClose, key, colon, commaOrClose }
    private enum Token { case none, string(isKey: Bool, escaped: Bool), scalar }
    private enum Component: Equatable { case key(String), index(Int) }

    /// How deep the path of keys is followed (`runs[0].tool.driver.name` is five levels).
    private static let pathDepth = 6
    /// Deeper than any parser reads (``ReadOptions`` allows at most 1,024): beyond it detection stops.
    static let maxDepth = 1100
    /// Bytes kept of a key or string value.
    private static let keptStringBytes = 256

    private(set) var shape = Shape()
    /// Why the bytes are not JSON, when they are not: what was found, where, and whether it is a NUL byte.
    private(set) var invalid: (what: String, at: FilePosition, isNUL: Bool)?
    private(set) var tooDeep = false
    private(set) var isSettled = false
    private(set) var line = 1
    private(set) var column = 1

    private var stack: [UInt8] = []

    /// Starts reading at a line and column (after leading whitespace).
    init(line: Int = 1, column: Int = 1) {
        self.line = line
        self.column = column
    }
    private var path: [Component] = []
    private var expect = Expect.value
    private var token = Token.none
    private var kept: [UInt8] = []
    private var keeping = false
    private var scalarIsNumber = true

    /// Reads bytes until the kind is settled; returns how many were used.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        let count = bytes.count
        while index < count, !isSettled {
            let byte = bytes[index]
            switch token {
            case .string(let isKey, let escaped):
                if escaped {
                    token = .string(isKey: isKey, escaped: false)
                    keep(byte)
                    index += 1
                    continue
                }
                // The common case: plain string bytes, skipped in a tight loop.
                var end = index
                while end < count, bytes[end] != 0x22, bytes[end] != 0x5C, bytes[end] >= 0x20 { end += 1 }
                if keeping, kept.count < Self.keptStringBytes {
                    kept.append(contentsOf: bytes[index..<min(end, index + Self.keptStringBytes - kept.count)])
                }
                column += end - index
                index = end
                guard index < count else { continue }
                let stop = bytes[index]
                if stop == 0x5C {
                    token = .string(isKey: isKey, escaped: true)
                    keep(stop)
                } else if stop == 0x22 {
                    token = .none
                    stringEnded(isKey: isKey)
                } else {
                    fail(byte: stop, "a control character inside a string")
                    return index
                }
                index += 1
                column += 1
                continue
            case .scalar:
                if Self.endsScalar(byte) {
                    token = .none
                    guard scalarEnded() else { return index }
                    continue  // the delimiter is read as a token below
                }
                if kept.count < 10 {
                    kept.append(byte)
                } else if !scalarIsNumber {
                    failScalar()
                    return index
                }
                if !Self.isNumberByte(byte) { scalarIsNumber = false }
                index += 1
                column += 1
                continue
            case .none:
                break
            }
            index += 1
            column += 1
            switch byte {
            case 0x20, 0x09, 0x0D: continue
            case 0x0A:
                line += 1
                column = 1
                continue
            default: break
            }
            guard accept(byte) else { return index - 1 }
        }
        return index
    }

    // MARK: - Tokens

    /// Takes one structural byte or the first byte of a value; `false` when it cannot be there.
    private mutating func accept(_ byte: UInt8) -> Bool {
        switch expect {
        case .colon:
            guard byte == UInt8(ascii: ":") else { return fail(byte: byte, "a missing ':' after a key") }
            expect = .value
            return true
        case .commaOrClose:
            if byte == UInt8(ascii: ",") {
                if stack.last == UInt8(ascii: "{") {
                    expect = .key
                } else {
                    if stack.count <= Self.pathDepth, case .index(let at)? = path.last {
                        path[path.count - 1] = .index(at + 1)
                    }
                    expect = .value
                }
                return true
            }
            return close(byte)
        case .keyOrClose, .key:
            if byte == UInt8(ascii: "\"") {
                startString(isKey: true)
                return true
            }
            if expect == .keyOrClose { return close(byte) }
            return fail(byte: byte, "a key that is not a string")
        case .valueOrClose:
            if byte == UInt8(ascii: "]") { return close(byte) }
            return startValue(byte)
        case .value:
            return startValue(byte)
        }
    }

    private mutating func startValue(_ byte: UInt8) -> Bool {
        let value: Value
        switch byte {
        case UInt8(ascii: "{"): value = .object
        case UInt8(ascii: "["): value = .array
        case UInt8(ascii: "\""): value = .string("")
        case UInt8(ascii: "t"), UInt8(ascii: "f"): value = .bool
        case UInt8(ascii: "n"): value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            value = .number
        default: return fail(byte: byte, "a value that is not JSON")
        }
        valueStarted(value)
        switch value {
        case .object, .array:
            guard stack.count < Self.maxDepth else {
                tooDeep = true
                isSettled = true
                return false
            }
            stack.append(byte)
            if stack.count <= Self.pathDepth { path.append(value == .object ? .key("") : .index(0)) }
            expect = value == .object ? .keyOrClose : .valueOrClose
        case .string:
            startString(isKey: false)
        default:
            token = .scalar
            kept.removeAll(keepingCapacity: true)
            kept.append(byte)
            scalarIsNumber = Self.isNumberByte(byte)
        }
        return true
    }

    private mutating func close(_ byte: UInt8) -> Bool {
        let matching: UInt8 = byte == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")
        guard byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]"), stack.last == matching else {
            let isBracket = byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
            return fail(
                byte: byte, isBracket ? "a bracket that does not close what is open" : "an unexpected character")
        }
        if stack.count <= Self.pathDepth { path.removeLast() }
        stack.removeLast()
        valueEnded()
        return true
    }

    private mutating func startString(isKey: Bool) {
        token = .string(isKey: isKey, escaped: false)
        kept.removeAll(keepingCapacity: true)
        keeping = isKey || atShapeLevel || isDriverName
    }

    private mutating func keep(_ byte: UInt8) {
        if keeping, kept.count < Self.keptStringBytes { kept.append(byte) }
    }

    private mutating func stringEnded(isKey: Bool) {
        let text = String(decoding: kept, as: UTF8.self)
        if isKey {
            expect = .colon
            if stack.count <= Self.pathDepth { path[path.count - 1] = .key(text) }
            keyRead(text)
            return
        }
        if atShapeLevel, case .key(let key) = path[stack.count - 1], shape.keys[key] != nil {
            shape.keys[key] = .string(text)
            settleIfKnown()
        }
        if isDriverName, shape.driverName == nil {
            shape.driverName = text
            settleIfKnown()
        }
        valueEnded()
    }

    private mutating func scalarEnded() -> Bool {
        // A number starts with a digit or a minus sign; anything else must be one of the literals.
        let valid =
            scalarIsNumber
            ? kept.first.map { $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) } ?? false
            : Self.literals.contains(kept)
        guard valid else {
            failScalar()
            return false
        }
        valueEnded()
        return true
    }

    private mutating func failScalar() {
        invalid = ("a value that is not JSON", FilePosition(line: line, column: column), false)
        isSettled = true
    }

    private mutating func valueEnded() {
        if stack.isEmpty {
            shape.complete = true
            isSettled = true
            return
        }
        expect = .commaOrClose
        if shape.isArray, stack.count == 1, path.first == .index(0) {
            shape.firstElementEnded = true
            isSettled = true
        }
    }

    @discardableResult
    private mutating func fail(byte: UInt8, _ what: String) -> Bool {
        invalid = (byte == 0 ? "a NUL byte" : what, FilePosition(line: line, column: column - 1), byte == 0)
        isSettled = true
        return false
    }

    // MARK: - Shape

    /// Inside the top-level object, or inside the first element of a top-level array.
    private var atShapeLevel: Bool {
        if stack.count == 1 { return stack[0] == UInt8(ascii: "{") }
        return stack.count == 2 && stack[0] == UInt8(ascii: "[") && stack[1] == UInt8(ascii: "{")
            && path.first == .index(0)
    }

    /// At `runs[0].tool.driver.name`.
    private var isDriverName: Bool {
        stack.count == 5 && path[0] == .key("runs") && path[1] == .index(0) && path[2] == .key("tool")
            && path[3] == .key("driver") && path[4] == .key("name")
    }

    private mutating func keyRead(_ key: String) {
        if stack.count == 4, path[0] == .key("runs"), path[2] == .key("tool"), key == "driver" {
            shape.runsHaveDriver = true
        }
        if stack.count == 2, stack[0] == UInt8(ascii: "{"), path[0] == .key("properties"),
            key == OwnOutput.sarifPropertyKey
        {
            shape.hasOwnMarker = true
        }
    }

    private mutating func valueStarted(_ value: Value) {
        if stack.isEmpty {
            shape.isArray = value == .array
            return
        }
        if stack.count == 1, stack[0] == UInt8(ascii: "["), path.first == .index(0) {
            shape.firstElement = value
            return
        }
        // Safety's old format is an array of arrays of strings: `[["django", ...]]`, not TOML's `[[package]]`.
        if stack.count == 2, stack[0] == UInt8(ascii: "["), stack[1] == UInt8(ascii: "["),
            path == [.index(0), .index(0)]
        {
            shape.firstInnerElement = value
            isSettled = true
            return
        }
        guard atShapeLevel, case .key(let key) = path[stack.count - 1] else { return }
        if shape.order.count < 6, !shape.order.contains(key) { shape.order.append(key) }
        if stack.count == 1, !JSONKeys.sarifLog.contains(key) { shape.hasNonSARIFKey = true }
        guard JSONKeys.interesting.contains(key) else { return }
        if shape.keys[key] == nil { shape.keys[key] = value }
        if case .string = value { return }  // settled once its text is read
        settleIfKnown()
    }

    /// Stops reading once the kind is known; a SARIF log is read on until its first tool is named (or marked as
    /// gatecheck's own), since gatecheck's own output is told by that name.
    private mutating func settleIfKnown() {
        if JSONKeys.ownOutput(shape) != nil {
            isSettled = true
            return
        }
        guard let kind = JSONKeys.classify(shape) else { return }
        if kind != .sarif || shape.driverName != nil { isSettled = true }
    }
}
