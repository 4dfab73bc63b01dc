/// The CSV dialect Python's `csv.writer` writes for Locust: fields separated by `,`, a field with a comma, quote or
/// line break enclosed in `"` with inner quotes doubled (an endpoint name such as `/search?q=a,b`).
enum LocustCSV {
    /// The fields of one line, as UTF-8 strings.
    ///
    /// - Throws: ``ReportError/malformed(_:at:)`` for bytes that are not UTF-8 or a quote left open (Locust never
    ///   writes a line break inside a name, so an open quote is damage, not a field that continues).
    static func fields(_ line: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        func finish() throws(ReportError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw .malformed(
                    "line \(number) has bytes that are not UTF-8; Locust writes UTF-8", at: FilePosition(line: number))
            }
            fields.append(text)
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
                try finish()
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
        try finish()
        return fields
    }
}
