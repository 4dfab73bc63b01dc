@_spi(Internals) import GateCheck
import Testing

/// Documents every strict RFC 8259 reader must accept, in the spirit of JSONTestSuite's `y_` files.
private let validDocuments: [JSONCase] = [
    JSONCase("y_array_empty", "[]"),
    JSONCase("y_object_empty", "{}"),
    JSONCase("y_array_one_number", "[1]"),
    JSONCase("y_object_one_member", #"{"a":1}"#),
    JSONCase("y_array_spaces_around_comma", " [1 , 2 ] "),
    JSONCase("y_top_level_string", #""simple""#),
    JSONCase("y_top_level_number", "123"),
    JSONCase("y_number_minus_zero", "-0"),
    JSONCase("y_number_minus_zero_fraction_exponent", "-0.0e+0"),
    JSONCase("y_number_capital_exponent", "1E22"),
    JSONCase("y_number_negative_exponent", "1e-7"),
    JSONCase("y_number_fraction", "0.5"),
    JSONCase("y_true", "true"),
    JSONCase("y_false", "false"),
    JSONCase("y_null", "null"),
    JSONCase("y_string_unicode_escapes", #"["\u0041\u00e9\u4E2D"]"#),
    JSONCase("y_string_surrogate_pair", #"["\ud83d\ude00"]"#),
    JSONCase("y_string_simple_escapes", #"["\"\\\/\b\f\n\r\t"]"#),
    JSONCase("y_string_raw_utf8", "[\"é中😀\"]"),
    JSONCase("y_object_nested", #"{"a":{"b":{"c":[]}}}"#),
    JSONCase("y_array_nested", "[[[[[[]]]]]]"),
    JSONCase("y_object_duplicate_keys", #"{"a":1,"a":2}"#),
    JSONCase("y_object_empty_key", #"{"":0}"#),
    JSONCase("y_string_empty", #"[""]"#),
    JSONCase("y_byte_order_mark", bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8)),
    JSONCase("y_whitespace_all_kinds", "\t\r\n [ \n ] \n"),
    JSONCase("y_numbers_mixed", "[1,-1,1.5,-1.5e10,0e0,0E-0]"),
    JSONCase("y_string_escaped_nul", #"{"\u0000":"\u0000"}"#),
    JSONCase("y_string_lone_surrogate_replaced", #"["\ud800", "\udc00x"]"#),
    JSONCase("y_number_huge_integer", "[123456789012345678901234567890]"),
    JSONCase("y_number_beyond_double_range", "[1e400, -1e400, 1e-400]"),
    JSONCase("y_literals_in_object", #"{"k":[true,false,null]}"#),
    JSONCase("y_string_raw_delete", "\"\u{7F}\""),
    JSONCase("y_object_spaces_everywhere", #" { "a" : [ { } , [ ] ] } "#),
    JSONCase("y_string_long_ascii", "\"" + String(repeating: "abcdefghij", count: 1000) + "\""),
    JSONCase("y_string_escaped_slash_and_unicode_mix", #"["a\/b\u00E9c\uD834\uDD1Ed"]"#),
    JSONCase("y_string_max_scalar", "[\"\u{10FFFF}\"]"),
]

/// Documents a strict reader must reject, with the exact error and position (JSONTestSuite's `n_` files).
private let invalidDocuments: [JSONFailure] = [
    JSONFailure("n_empty", "", .empty),
    JSONFailure("n_only_whitespace", " \n\t ", .empty),
    JSONFailure("n_only_byte_order_mark", bytes: [0xEF, 0xBB, 0xBF], .empty),
    JSONFailure("n_array_unclosed", "[", .unexpectedEnd(at(1), expected: "a value or ']'")),
    JSONFailure("n_array_trailing_comma", "[1,]", .unexpectedByte(0x5D, at(3), expected: "a value after ','")),
    JSONFailure(
        "n_object_trailing_comma", #"{"a":1,}"#, .unexpectedByte(0x7D, at(7), expected: "a string key after ','")),
    JSONFailure("n_object_single_quotes", "{'a':1}", .unexpectedByte(0x27, at(1), expected: "a string key or '}'")),
    JSONFailure("n_number_leading_zero", "[01]", .invalidNumber(at(1))),
    JSONFailure("n_number_trailing_point", "[1.]", .invalidNumber(at(1))),
    JSONFailure("n_number_leading_point", "[.5]", .unexpectedByte(0x2E, at(1), expected: "a value")),
    JSONFailure("n_number_plus_sign", "[+1]", .unexpectedByte(0x2B, at(1), expected: "a value")),
    JSONFailure("n_number_empty_exponent", "[1e]", .invalidNumber(at(1))),
    JSONFailure("n_number_minus_alone", "[-]", .invalidNumber(at(1))),
    JSONFailure("n_number_hex", "[0x10]", .invalidNumber(at(1))),
    JSONFailure("n_number_exponent_sign_only", "[1.5e+]", .invalidNumber(at(1))),
    JSONFailure("n_number_minus_leading_zero_top_level", "-01", .invalidNumber(at(0))),
    JSONFailure("n_number_truncated_exponent", "1.5e+", .unexpectedEnd(at(5), expected: "a digit")),
    JSONFailure("n_array_missing_comma", "[1 2]", .unexpectedByte(0x32, at(3), expected: "',' or ']'")),
    JSONFailure("n_array_double_comma", "[1,,2]", .unexpectedByte(0x2C, at(3), expected: "a value")),
    JSONFailure("n_array_leading_comma", "[,1]", .unexpectedByte(0x2C, at(1), expected: "a value")),
    JSONFailure("n_object_missing_colon", #"{"a" 1}"#, .unexpectedByte(0x31, at(5), expected: "':' after the key")),
    JSONFailure("n_object_missing_comma", #"{"a":1 "b":2}"#, .unexpectedByte(0x22, at(7), expected: "',' or '}'")),
    JSONFailure("n_object_number_key", "{1:2}", .unexpectedByte(0x31, at(1), expected: "a string key or '}'")),
    JSONFailure(
        "n_object_key_without_value", #"{"a":1,"b"}"#, .unexpectedByte(0x7D, at(10), expected: "':' after the key")),
    JSONFailure("n_string_invalid_escape", #"["a\x"]"#, .invalidEscape(at(3))),
    JSONFailure("n_string_invalid_unicode_escape", #"["\u12G4"]"#, .invalidEscape(at(2))),
    JSONFailure("n_string_incomplete_escape_after_surrogate", #"["\uD800\u"]"#, .invalidEscape(at(8))),
    JSONFailure("n_string_raw_tab", "[\"a\tb\"]", .controlCharacterInString(at(3))),
    JSONFailure("n_string_raw_newline", "[\"a\nb\"]", .controlCharacterInString(at(3))),
    JSONFailure("n_string_raw_control_top_level", "\"\u{1}\"", .controlCharacterInString(at(1))),
    JSONFailure("n_string_invalid_utf8_byte", bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D], .invalidUTF8(at(2))),
    JSONFailure("n_string_overlong_utf8", bytes: [0x5B, 0x22, 0xC0, 0x80, 0x22, 0x5D], .invalidUTF8(at(2))),
    JSONFailure("n_string_utf8_surrogate", bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8(at(1))),
    JSONFailure("n_string_truncated_utf8", bytes: [0x5B, 0x22, 0xE2, 0x82, 0x22, 0x5D], .invalidUTF8(at(2))),
    JSONFailure("n_string_utf8_beyond_max", bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8(at(1))),
    JSONFailure("n_string_lone_continuation", bytes: [0x22, 0x61, 0x80, 0x22], .invalidUTF8(at(2))),
    JSONFailure("n_nan", "[NaN]", .nonFiniteNumber("NaN", at(1))),
    JSONFailure("n_minus_infinity", "[-Infinity]", .nonFiniteNumber("-Infinity", at(1))),
    JSONFailure("n_infinity_in_object", #"{"a":Infinity}"#, .nonFiniteNumber("Infinity", at(5))),
    JSONFailure("n_true_truncated", "[tru]", .unexpectedByte(0x5D, at(4), expected: "'true'")),
    JSONFailure("n_true_glued", "[truex]", .unexpectedByte(0x78, at(5), expected: "a delimiter after 'true'")),
    JSONFailure("n_python_true", "[True]", .unexpectedByte(0x54, at(1), expected: "a value")),
    JSONFailure("n_python_none", "[None]", .unexpectedByte(0x4E, at(1), expected: "a value")),
    JSONFailure("n_two_arrays", "[1] [2]", .trailingContent(at(4))),
    JSONFailure("n_object_then_garbage", "{}x", .trailingContent(at(2))),
    JSONFailure("n_extra_closing_brace", #"{"a":1}}"#, .trailingContent(at(7))),
    JSONFailure("n_trailing_nul", "[1]\u{0}", .trailingContent(at(3))),
    JSONFailure(
        "n_string_unclosed", #"["abc"#,
        .unexpectedEnd(at(5), expected: "'\"' to close the string that starts at line 1, column 2")),
    JSONFailure("n_object_no_value", #"{"a":"#, .unexpectedEnd(at(5), expected: "a value")),
    JSONFailure("n_object_no_colon_at_end", #"{"a""#, .unexpectedEnd(at(4), expected: "':' after the key")),
    JSONFailure("n_array_comma_at_end", "[1,", .unexpectedEnd(at(3), expected: "a value")),
    JSONFailure("n_array_unclosed_after_value", #"["a""#, .unexpectedEnd(at(4), expected: "',' or ']'")),
    JSONFailure("n_comment", "/* c */ []", .unexpectedByte(0x2F, at(0), expected: "a value")),
    JSONFailure("n_closing_bracket_only", "]", .unexpectedByte(0x5D, at(0), expected: "a value")),
    JSONFailure(
        "n_multiline_trailing_comma", "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}",
        .unexpectedByte(0x5D, JSONPosition(offset: 25, line: 3, column: 14), expected: "a value after ','")),
    JSONFailure(
        "n_multiline_truncated", "{\n  \"a\": [\n    1,\n",
        .unexpectedEnd(JSONPosition(offset: 18, line: 4, column: 1), expected: "a value")),
    JSONFailure(
        "n_utf16_byte_order_mark", bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00],
        .unexpectedByte(0xFF, at(0), expected: "a value")),
]

@Suite("JSON conformance")
struct JSONConformanceTests {
    @Test(
        "A valid document is read whole, and skipping consumes exactly the same bytes", arguments: validDocuments,
        jsonChunkSizes)
    func acceptsValidDocument(document: JSONCase, chunk: Int) throws {
        var reader = makeReader(document.bytes, chunk: chunk)
        _ = try reader.readValue()
        let readEnd = reader.position.offset
        try reader.finish()
        let skipEnd = try skipDocument(document.bytes, chunk: chunk)
        #expect(skipEnd == readEnd)
    }

    @Test(
        "An invalid document fails with the same error and position whether read or skipped",
        arguments: invalidDocuments, jsonChunkSizes)
    func rejectsInvalidDocument(failure: JSONFailure, chunk: Int) {
        expectJSONError(failure.error) { () throws(JSONError) in
            _ = try parseDocument(failure.document.bytes, chunk: chunk)
        }
        expectJSONError(failure.error) { () throws(JSONError) in
            try skipDocument(failure.document.bytes, chunk: chunk)
        }
    }

    @Test("The tables hold at least 30 valid and 40 invalid documents")
    func tableSizes() {
        #expect(validDocuments.count >= 30)
        #expect(invalidDocuments.count >= 40)
    }
}
