/// The CSV dialect Python's `csv.writer` writes for Locust: fields separated by `,`, a field with a comma, quote or
/// line break enclosed in `"` with inner quotes doubled (an endpoint name such as `/search?q=a,b`).
enum LocustCSV {
    /// The fields of one line, as strings (bytes that are not UTF-8 repaired).
    ///
    /// Locust opens its CSV files without an encoding (`open(path, "w")` in `StatsCSVFileWriter`), so they are in the
    /// platform's encoding: an endpoint name such as `首页` is GBK on a Chinese Windows, `/café` is cp1252 on a western
    /// one. Only the `Type` and `Name` columns hold text, and they are only told apart from `Aggregated` (ASCII in
    /// every such encoding); the counts and times are checked to be digits, so a repaired byte there is still refused.
    ///
    /// - Throws: ``ReportError/malformed(_:at:)`` for a quote left open (Locust never writes a line break inside a
    ///   name, so an open quote is damage, not a field that continues).
    static func fields(_ line: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        func finish() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < line.count {
            let byte = line[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < line.count, line[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                finish()
            } else if byte == UInt8(ascii: "\""), field.isEmpty {
                quoted = true
            } else {
                field.append(byte)
            }
        }
        guard !quoted else {
            throw .malformed(
                "line \(number) opens a quoted field that never closes", at: FilePosition(line: number))
        }
        finish()
        return fields
    }
}
