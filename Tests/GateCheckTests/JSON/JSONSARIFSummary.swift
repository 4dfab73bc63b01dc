@_spi(Internals) import GateCheck

/// The aggregate the speed study computed from SARIF: results by level, a severity bucket per result from its rule's
/// `security-severity` (joined by `ruleIndex`, else `ruleId`), the maximum severity, location URIs and message text.
///
/// It is written the way a gatecheck parser would use ``JSONReader``, and serves as the "typical extraction"
/// benchmark and as a truncation test driver.
struct SARIFSummary: Equatable {
    var results = 0
    var levels: [String: Int] = [:]
    /// Critical (≥ 9), high (≥ 7), medium (≥ 4), low (> 0), unknown.
    var buckets = [0, 0, 0, 0, 0]
    var maxSeverity = 0.0
    var locations = 0
    var uriBytes = 0
    var messageBytes = 0

    private static let topKeys = JSONKeySet(["runs"])
    private static let runKeys = JSONKeySet(["tool", "results"])
    private static let toolKeys = JSONKeySet(["driver"])
    private static let driverKeys = JSONKeySet(["rules"])
    private static let ruleKeys = JSONKeySet(["id", "properties"])
    private static let propertyKeys = JSONKeySet(["security-severity"])
    private static let resultKeys = JSONKeySet(["ruleId", "ruleIndex", "level", "message", "locations"])
    private static let messageKeys = JSONKeySet(["text"])
    private static let locationKeys = JSONKeySet(["physicalLocation"])
    private static let physicalKeys = JSONKeySet(["artifactLocation"])
    private static let artifactKeys = JSONKeySet(["uri"])

    /// Reads a whole SARIF document.
    static func read(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> SARIFSummary {
        var summary = SARIFSummary()
        var severityByIndex: [Double] = []
        var severityByID: [String: Double] = [:]
        try reader.beginObject()
        while let key = try reader.nextKey(in: topKeys) {
            guard key == 0 else { continue }
            try reader.beginArray()
            while try reader.nextElement() {
                try reader.beginObject()
                while let key = try reader.nextKey(in: runKeys) {
                    if key == 0 {
                        try readTool(&reader, &severityByIndex, &severityByID)
                    } else if key == 1 {
                        try reader.beginArray()
                        while try reader.nextElement() {
                            try summary.readResult(&reader, severityByIndex, severityByID)
                        }
                    }
                }
            }
        }
        try reader.finish()
        return summary
    }

    private static func readTool(
        _ reader: inout JSONReader<BytesSource>, _ byIndex: inout [Double], _ byID: inout [String: Double]
    ) throws(JSONError) {
        try reader.beginObject()
        while let key = try reader.nextKey(in: toolKeys) {
            guard key == 0 else { continue }
            try reader.beginObject()
            while let key = try reader.nextKey(in: driverKeys) {
                guard key == 0 else { continue }
                try reader.beginArray()
                while try reader.nextElement() {
                    var id = ""
                    var severity = 0.0
                    try reader.beginObject()
                    while let key = try reader.nextKey(in: ruleKeys) {
                        if key == 0 {
                            id = try reader.readString()
                        } else if key == 1 {
                            try reader.beginObject()
                            while let key = try reader.nextKey(in: propertyKeys) {
                                guard key == 0 else { continue }
                                severity = Double(try reader.readString()) ?? 0
                            }
                        }
                    }
                    byIndex.append(severity)
                    byID[id] = severity
                }
            }
        }
    }

    private mutating func readResult(
        _ reader: inout JSONReader<BytesSource>, _ byIndex: [Double], _ byID: [String: Double]
    ) throws(JSONError) {
        var ruleID = ""
        var ruleIndex = -1
        var level = "warning"
        try reader.beginObject()
        while let key = try reader.nextKey(in: Self.resultKeys) {
            switch key {
            case 0: ruleID = try reader.readString()
            case 1: ruleIndex = Int(try reader.readInt64())
            case 2: level = try reader.readString()
            case 3: messageBytes += try Self.readMessage(&reader)
            case 4:
                try reader.beginArray()
                while try reader.nextElement() { try readLocation(&reader) }
            default: try reader.skipValue()
            }
        }
        let severity = byIndex.indices.contains(ruleIndex) ? byIndex[ruleIndex] : byID[ruleID] ?? 0
        let bucket = severity >= 9 ? 0 : severity >= 7 ? 1 : severity >= 4 ? 2 : severity > 0 ? 3 : 4
        buckets[bucket] += 1
        maxSeverity = max(maxSeverity, severity)
        levels[level, default: 0] += 1
        results += 1
    }

    private static func readMessage(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> Int {
        var bytes = 0
        try reader.beginObject()
        while let key = try reader.nextKey(in: messageKeys) {
            guard key == 0 else { continue }
            bytes += try reader.readStringPrefix(maxBytes: 4096).0.utf8.count
        }
        return bytes
    }

    private mutating func readLocation(_ reader: inout JSONReader<BytesSource>) throws(JSONError) {
        locations += 1
        try reader.beginObject()
        while let key = try reader.nextKey(in: Self.locationKeys) {
            guard key == 0 else { continue }
            try reader.beginObject()
            while let key = try reader.nextKey(in: Self.physicalKeys) {
                guard key == 0 else { continue }
                try reader.beginObject()
                while let key = try reader.nextKey(in: Self.artifactKeys) {
                    guard key == 0 else { continue }
                    uriBytes += try reader.readString().utf8.count
                }
            }
        }
    }
}
