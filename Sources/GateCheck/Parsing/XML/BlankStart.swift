/// Whether a document so far is nothing but a byte order mark (UTF-8 or UTF-16) and whitespace: such a file is
/// empty, like one of 0 bytes, rather than "not XML".
struct BlankStart {
    private(set) var isBlank = true
    private var offset = 0
    private var first: UInt8 = 0
    private var utf16 = false

    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            defer { offset += 1 }
            switch (offset, first, byte) {
            case (0, _, 0xEF), (0, _, 0xFF), (0, _, 0xFE):
                first = byte
                continue
            case (1, 0xEF, 0xBB), (2, 0xEF, 0xBF):
                continue
            case (1, 0xFF, 0xFE), (1, 0xFE, 0xFF):
                utf16 = true
                continue
            default:
                if offset == 1 && first != 0 || offset == 2 && first == 0xEF && !utf16 && byte != 0xBF {
                    isBlank = false
                    return
                }
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || (utf16 && byte == 0) { continue }
            isBlank = false
            return
        }
    }
}
