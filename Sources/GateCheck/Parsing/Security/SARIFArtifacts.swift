/// Reads a SARIF run's `artifacts` (SARIF 2.1.0 §3.14.15, §3.24): the files the tool analysed, for gates with
/// `scope.paths`, so that a scope over scanned files without results is a clean scan rather than a typo.
enum SARIFArtifacts {
    /// Records each artifact's `location.uri` (as a path, like a result's) as scanned.
    static func read<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into collector: inout FindingCollector
    ) throws {
        guard try reader.peek() == .array else {
            try reader.skipValue()
            return
        }
        try reader.forEachElement { reader throws in
            guard try reader.peek() == .object else {
                try reader.skipValue()
                return
            }
            try reader.beginObject()
            while let key = try reader.nextKey(ArtifactKey.self) {
                guard key == .known(.location), try reader.peek() == .object else {
                    try reader.skipValue()
                    continue
                }
                try reader.beginObject()
                while let field = try reader.nextKey(LocationKey.self) {
                    if field == .known(.uri), let uri = try reader.readOptionalString() {
                        collector.scanned(SARIFResult.displayPath(uri))
                    } else {
                        try reader.skipValue()
                    }
                }
            }
        }
    }

    /// The keys of an artifact read.
    enum ArtifactKey: String, JSONKeyEnum {
        case location
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an artifact's `location` read.
    enum LocationKey: String, JSONKeyEnum {
        case uri
        static let table = JSONKeyTable<Self>()
    }
}
