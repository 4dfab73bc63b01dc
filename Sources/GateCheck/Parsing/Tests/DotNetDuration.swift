extension DotNetDialect {
    /// A test's duration in seconds: NUnit's `duration` and xUnit's `time` (seconds), TRX's `duration` (a .NET
    /// `TimeSpan`, `[d.]hh:mm:ss[.fffffff]`); `nil` when absent or blank, `.failure` when written but not a duration.
    func duration(_ attributes: XMLAttributes) -> Result<Double, XMLBytes.NotAMeasure>? {
        switch self {
        case .nunit: attributes.value("duration")?.nonNegativeMeasure
        case .xunit: attributes.value("time")?.nonNegativeMeasure
        case .trx: attributes.value("duration").flatMap(Self.timeSpan)
        }
    }

    /// Parses a `TimeSpan` as vstest writes it: hours and minutes are whole numbers, seconds a decimal.
    static func timeSpan(_ value: XMLBytes) -> Result<Double, XMLBytes.NotAMeasure>? {
        if value.isBlank { return nil }
        let text = value.string(limit: 64)
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(XMLBytes.NotAMeasure()) }
        var days = 0.0
        var hoursText = parts[0]
        if let dot = hoursText.firstIndex(of: ".") {
            guard let whole = Double(hoursText[..<dot]) else { return .failure(XMLBytes.NotAMeasure()) }
            days = whole
            hoursText = hoursText[hoursText.index(after: dot)...]
        }
        guard let hours = Double(hoursText), let minutes = Double(parts[1]), let seconds = Double(parts[2]),
            days >= 0, hours >= 0, minutes >= 0, seconds >= 0
        else { return .failure(XMLBytes.NotAMeasure()) }
        let total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
        return total.isFinite ? .success(total) : .failure(XMLBytes.NotAMeasure())
    }
}
