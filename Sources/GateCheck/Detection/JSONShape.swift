/// What a ``JSONSniffer`` keeps of the JSON it reads, and the byte classes its scanner needs.
extension JSONSniffer {
    /// The value of a top-level key as far as classification needs it.
    enum Value: Equatable {
        case string(String), number, object, array, bool, null
    }

    /// What the bytes read so far showed.
    struct Shape {
        var isArray = false
        var firstElement: Value?
        /// The first value inside the first element, when that is an array.
        var firstInnerElement: Value?
        /// The keys classification and own-output recognition look at (``JSONKeys/interesting``), with their values.
        var keys: [String: Value] = [:]
        /// The first keys, in order, for messages and for ordering rules.
        var order: [String] = []
        /// Whether a key outside ``JSONKeys/sarifLog`` was seen.
        var hasNonSARIFKey = false
        var complete = false
        /// The first element of a top-level array has ended.
        var firstElementEnded = false
        /// A run's `tool.driver` object was seen under `runs`.
        var runsHaveDriver = false
        /// The name of the first run's `tool.driver`.
        var driverName: String?
        /// The log's property bag holds gatecheck's own-output marker (``OwnOutput/sarifPropertyKey``).
        var hasOwnMarker = false
    }

    /// The bare words a JSON value may be (with Python's `NaN` and `Infinity`, which gatecheck's own formats accept).
    static let literals: [[UInt8]] = ["true", "false", "null", "NaN", "Infinity", "-Infinity"].map {
        Array($0.utf8)
    }

    /// A byte a JSON number may contain.
    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// A byte that ends a number or a bare word.
    static func endsScalar(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ",")
            || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ":")
    }
}
