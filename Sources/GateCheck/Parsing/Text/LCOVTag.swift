/// The tags an LCOV reader acts on; every other tag (`TN`, `FN`, `FNDA`, `VER`, ...) is skipped.
enum LCOVTag {
    case sourceFile, line, branch, linesFound, linesHit, branchesFound, branchesHit, other

    /// The tag of the bytes before a line's first `:`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Byte comparisons: `elementsEqual` on a `String.UTF8View` is not specialised, and costs a call per byte.
        switch bytes.count {
        case 2:
            switch (bytes[0], bytes[1]) {
            case (UInt8(ascii: "S"), UInt8(ascii: "F")): self = .sourceFile
            case (UInt8(ascii: "D"), UInt8(ascii: "A")): self = .line
            case (UInt8(ascii: "L"), UInt8(ascii: "F")): self = .linesFound
            case (UInt8(ascii: "L"), UInt8(ascii: "H")): self = .linesHit
            default: self = .other
            }
        case 3:
            guard bytes[0] == UInt8(ascii: "B"), bytes[1] == UInt8(ascii: "R") else {
                self = .other
                return
            }
            switch bytes[2] {
            case UInt8(ascii: "F"): self = .branchesFound
            case UInt8(ascii: "H"): self = .branchesHit
            default: self = .other
            }
        case 4:
            let isBranch =
                bytes[0] == UInt8(ascii: "B") && bytes[1] == UInt8(ascii: "R") && bytes[2] == UInt8(ascii: "D")
                && bytes[3] == UInt8(ascii: "A")
            self = isBranch ? .branch : .other
        default: self = .other
        }
    }
}
