/// A baseline document's root object, read member by member: its `packages` array checked and kept as bytes, its
/// `findings` straight into tallies when they are as gatecheck writes them, every other member as a tree for
/// ``BaselineNodeDecoder``.
///
/// `packages` lists every package version of the base run (53,000 in the benchmark's 100 MB SARIF, most of a
/// 2.6 MB baseline) and `findings` one object per fingerprint; as a tree they cost more than tallying the SARIF's
/// findings, and 10 MiB.
enum BaselineRoot {
    /// What the root's `packages` member holds.
    enum Packages {
        /// No `packages` member.
        case absent
        /// An array of strings, kept as the document's bytes.
        case list(BaselinePackages)
        /// Anything else, for the decoder to name: a value other than an array of strings, or the key twice.
        case invalid(String)
    }

    /// The root's members other than an array `packages`, and that array; `nil` when the document is not a JSON
    /// object (a value of another kind, or not JSON: then ``JSONError`` names where).
    static func read(_ bytes: [UInt8]) throws(JSONError) -> (
        members: [JSONMember], packages: Packages, findings: [String: FindingTally]?
    )? {
        if let read = try read(bytes, fast: true) { return read }
        return try read(bytes, fast: false)
    }

    /// One reading; `nil` when `fast` and the findings are not as gatecheck writes them (then a reading with the
    /// tree names what is wrong), or when the document is not an object.
    private static func read(_ bytes: [UInt8], fast: Bool) throws(JSONError) -> (
        members: [JSONMember], packages: Packages, findings: [String: FindingTally]?
    )? {
        var reader = JSONReader(BytesSource(bytes), options: JSONReaderOptions(maxDepth: 16))
        guard try reader.peek() == .object else {
            // Whatever it is, the whole of it must be JSON for the reason to say "not an object".
            _ = try reader.readValue()
            try reader.finish()
            return nil
        }
        try reader.beginObject()
        var members: [JSONMember] = []
        var packages = Packages.absent
        var findings: [String: FindingTally]?
        while try reader.nextKey(in: .noKeys) != nil {
            let key = reader.lastKey
            let keyPosition = reader.position
            if fast, key == "findings" {
                guard findings == nil, try reader.peek() == .object, let read = try BaselineFindings.read(&reader)
                else { return nil }
                findings = read
                continue
            }
            guard key == "packages", try reader.peek() == .array else {
                members.append(JSONMember(key: key, keyPosition: keyPosition, node: try reader.readValue()))
                continue
            }
            if case .absent = packages {
                let start = reader.position.offset
                if let problem = try BaselinePackages.check(&reader) {
                    packages = .invalid(problem)
                } else {
                    packages = .list(BaselinePackages(encoded: bytes[start..<reader.position.offset]))
                }
            } else {
                try reader.skipValue()
                packages = .invalid("packages: the key appears twice")
            }
        }
        try reader.finish()
        if members.contains(where: { $0.key == "packages" }), case .list = packages {
            packages = .invalid("packages: the key appears twice")
        }
        return (members, packages, findings)
    }
}
