@_spi(Internals) import GateCheck
import Testing

/// Reads the single number in `text` as a Double.
private func double(_ text: String, options: JSONReaderOptions = .init()) throws(JSONError) -> Double {
    var reader = makeReader(text, options: options)
    let value = try reader.readDouble()
    try reader.finish()
    return value
}

/// Reads the single number in `text` as an Int64.
private func int64(_ text: String) throws(JSONError) -> Int64 {
    var reader = makeReader(text)
    let value = try reader.readInt64()
    try reader.finish()
    return value
}

@Suite("JSON numbers")
struct JSONNumberTests {
    @Test(
        "readDouble is correctly rounded, like the standard library's parser",
        arguments: [
            "0", "-0", "1", "-1", "0.1", "0.3", "7.5", "9.8", "1e22", "1e23", "123456789012345678",
            "0.30000000000000004",
            "2.2250738585072014e-308", "4.9e-324", "1.7976931348623157e308", "9007199254740993", "1e-400", "3.14159e-5",
            "100000000000000000000000000000000000000001", "0.000000000000000000000000000000000000000001e41",
        ])
    func doubleRounding(text: String) throws {
        #expect(try double(text).bitPattern == Double(text)?.bitPattern)
    }

    @Test("readDouble agrees with Double(String) on 5,000 random numbers")
    func randomDoubles() throws {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<5000 {
            let mantissa = String(
                UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random))
            let point = Int.random(in: 0...mantissa.count, using: &random)
            var text =
                point == mantissa.count
                ? mantissa : String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasPrefix("0"), text.count > 1, !text.hasPrefix("0.") { text = "0." + text.dropFirst() }
            if Bool.random(using: &random) { text += "e\(Int.random(in: -330...310, using: &random))" }
            guard let expected = Double(text), expected.isFinite else { continue }
            #expect(try double(text).bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test("readDouble rejects magnitudes beyond Double as numberOutOfRange")
    func doubleOverflow() {
        expectJSONError(.numberOutOfRange("1e400", at(1))) { () throws(JSONError) in _ = try double(" 1e400") }
        expectJSONError(.numberOutOfRange("-2e308", at(0))) { () throws(JSONError) in _ = try double("-2e308") }
    }

    @Test("readInt64 accepts integral fractions and exponents and the full Int64 range")
    func int64Values() throws {
        #expect(try int64("0") == 0)
        #expect(try int64("-0") == 0)
        #expect(try int64("1.0") == 1)
        #expect(try int64("2e3") == 2000)
        #expect(try int64("1.5e1") == 15)
        #expect(try int64("12300e-2") == 123)
        #expect(try int64("0.0e99999999999") == 0)
        #expect(try int64("9223372036854775807") == .max)
        #expect(try int64("-9223372036854775808") == .min)
        #expect(try int64("-922337203685477580.8e1") == .min)
    }

    @Test(
        "readInt64 rejects fractions and values out of range",
        arguments: [
            "1.5", "9223372036854775808", "-9223372036854775809", "1e19", "1e-1", "123456789012345678901234567890",
        ])
    func int64OutOfRange(text: String) {
        expectJSONError(.numberOutOfRange(text, at(0))) { () throws(JSONError) in _ = try int64(text) }
    }

    @Test("readNumber keeps the literal text; JSONNumber converts on demand")
    func literalText() throws {
        var reader = makeReader("[7.50, -1E+2, 1e400]", chunk: 1)
        try reader.beginArray()
        var numbers: [JSONNumber] = []
        while try reader.nextElement() { numbers.append(try reader.readNumber()) }
        #expect(numbers.map(\.text) == ["7.50", "-1E+2", "1e400"])
        #expect(numbers.map(\.double) == [7.5, -100, nil])
        #expect(numbers.map(\.int64) == [nil, -100, nil])
        #expect(numbers.allSatisfy { !$0.isNonFinite })
    }

    @Test("NaN and Infinity are rejected by default with a message naming Python's json.dumps")
    func nonFiniteRejected() throws {
        expectJSONError(.nonFiniteNumber("NaN", at(10))) { () throws(JSONError) in
            _ = try parseDocument(Array(#"{"score": NaN}"#.utf8))
        }
        let message = JSONError.nonFiniteNumber("NaN", at(10)).description
        #expect(message.contains("json.dumps"))
        #expect(message.contains("line 1, column 11"))
    }

    @Test(
        "With allowNonFiniteNumbers, NaN and ±Infinity are read and their positions recorded", arguments: jsonChunkSizes
    )
    func nonFiniteAllowed(chunk: Int) throws {
        let options = JSONReaderOptions(allowNonFiniteNumbers: true)
        var reader = makeReader("[NaN, Infinity,\n -Infinity, NaN, 1]", chunk: chunk, options: options)
        try reader.beginArray()
        _ = try reader.nextElement()
        #expect(try reader.readDouble().isNaN)
        _ = try reader.nextElement()
        #expect(try reader.readDouble() == .infinity)
        _ = try reader.nextElement()
        let number = try reader.readNumber()
        #expect(number.isNonFinite && number.double == -.infinity && number.text == "-Infinity")
        _ = try reader.nextElement()
        try reader.skipValue()
        try reader.finish()
        #expect(
            reader.nonFiniteNumbersSeen == [
                at(1), at(6), JSONPosition(offset: 17, line: 2, column: 2),
                JSONPosition(offset: 28, line: 2, column: 13),
            ])
    }

    @Test(
        "Non-finite look-alikes are still errors with the option on",
        arguments: [
            ("[nan]", JSONError.unexpectedByte(0x61, at(2), expected: "'null'")),
            ("[Infinit]", JSONError.unexpectedByte(0x49, at(1), expected: "a value")),
            ("[-Inf", JSONError.unexpectedEnd(at(5), expected: "the rest of '-Infinity'")),
            ("[NaNa]", JSONError.unexpectedByte(0x4E, at(1), expected: "a value")),
        ])
    func nonFiniteLookAlikes(text: String, error: JSONError) {
        expectJSONError(error) { () throws(JSONError) in
            try skipDocument(Array(text.utf8), options: JSONReaderOptions(allowNonFiniteNumbers: true))
        }
    }

    @Test("A number literal longer than 4,096 bytes is skipped but not materialised")
    func hugeNumberLiteral() throws {
        let digits = "1" + String(repeating: "0", count: 5000)
        try skipDocument(Array(digits.utf8), chunk: 7)
        var reader = makeReader(digits)
        expectJSONError(.numberOutOfRange(String(digits.prefix(40)) + "…", at(0))) { () throws(JSONError) in
            _ = try reader.readNumber()
        }
    }
}
