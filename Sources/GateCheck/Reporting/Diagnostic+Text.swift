extension Diagnostic: CustomStringConvertible {
    /// `error: gates.json:4:69 (gates[0].min): message`: severity, place and message on one line, as text output
    /// and the command line print it.
    public var description: String {
        var place = file ?? ""
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        if let keyPath { place += place.isEmpty ? keyPath : " (\(keyPath))" }
        return "\(severity.rawValue): " + (place.isEmpty ? "" : "\(place): ") + message
    }
}
