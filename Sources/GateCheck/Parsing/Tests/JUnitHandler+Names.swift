/// The element and attribute names a JUnit document is read by, matched once per distinct name (``XMLNameCache``).
extension JUnitHandler {
    /// The attributes of a testcase read.
    enum Attribute: UInt8 {
        case other, classname, name, file, line, time, status
    }

    /// The element a name is.
    static func classify(_ name: XMLName) -> Element {
        if name.equals("testcase") { return .testcase }
        if name.equals("testsuite") { return .testsuite }
        if name.equals("failure") { return .failure }
        if name.equals("error") { return .error }
        if name.equals("skipped") { return .skipped }
        if name.equals("flakyFailure") || name.equals("flakyError") { return .flaky }
        if name.equals("rerunFailure") || name.equals("rerunError") { return .rerun }
        if name.equals("testsuites") { return .testsuites }
        return .other
    }

    /// The attribute a name is.
    static func classifyAttribute(_ name: XMLName) -> Attribute {
        if name.equals("name") { return .name }
        if name.equals("classname") { return .classname }
        if name.equals("time") { return .time }
        if name.equals("file") { return .file }
        if name.equals("line") { return .line }
        if name.equals("status") { return .status }
        return .other
    }
}
