import Testing

@_spi(Internals) @testable import GateCheck

/// The number fast paths of ``XMLBytes`` (every `hits`, `number` and `time` attribute goes through them) agree with
/// Swift's own parsers on the forms they take and leave everything else to the general path.
struct XMLNumberTests {
    static func parse<T>(_ text: String, _ body: (XMLBytes) -> T) -> T {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { body(XMLBytes($0)) }
    }

    @Test("decimals in every plain shape equal Double(String), including the edges the fast path hands on")
    func decimals() {
        var generator = SystemRandomNumberGenerator()
        var texts = [
            "0", "0.0", "0.001", "5.", ".5", "1.2.3", "12345678901234.5", "123456789012345.6", "1234567890123456",
            "9999999999999999", "0.000000000000001", "007.250", "1e3", "1,234.5", " 2.5", "-1.5", "",
        ]
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Bool.random(using: &generator) {
                let point = text.index(text.startIndex, offsetBy: Int.random(in: 0...digits, using: &generator))
                text.insert(".", at: point)
            }
            texts.append(text)
        }
        for text in texts {
            let expected: Double? =
                text.contains(",") ? 1234.5 : text.first == " " ? 2.5 : text.hasPrefix("-") ? -1.5 : Double(text)
            #expect(Self.parse(text, \.double) == expected, "\(text)")
        }
    }

    @Test("non-negative integers: plain digits on the fast path, everything else as before")
    func integers() {
        let cases: [(String, Int?)] = [
            ("0", 0), ("7", 7), ("123456789012345678", 123_456_789_012_345_678),
            ("1234567890123456789", 1_234_567_890_123_456_789),
            ("99999999999999999999", Int.max), (" 42 ", 42), ("+3", 3), ("3.0", 3), ("1e3", 1000), ("3.5", nil),
            ("-1", nil),
            ("", nil), ("4a", nil),
        ]
        for (text, expected) in cases {
            #expect(Self.parse(text, \.nonNegativeInteger) == expected, "\(text)")
        }
    }
}
