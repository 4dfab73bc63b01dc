#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A calendar day in UTC, as waivers write their expiry (`2026-12-31`).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year (`2026`).
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31.
    public var day: Int

    /// Parses `YYYY-MM-DD`; `nil` for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC day a moment falls on.
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Civil-from-days (H. Hinnant), exact for the proleptic Gregorian calendar.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// An exception written down in gates.json: a finding id that may be present, why, and until when.
@_spi(Internals) public struct Waiver: Sendable, Hashable {
    /// The finding id matched against a finding's id and aliases (CVE, GHSA, PYSEC, rule or test id).
    public var id: String
    /// Why the exception is acceptable; required.
    public var reason: String
    /// The last day (UTC, inclusive) the waiver applies.
    public var expires: Day
    /// Only findings from reports of these kinds (`nil`: any).
    public var kinds: [ReportKind]?
    /// Only findings whose file path matches one of these globs (`nil`: any path).
    public var paths: [String]?
    /// Only findings about this package (`nil`: any package).
    public var package: String?
    /// Who owns the exception, shown in the verdict.
    public var owner: String?

    /// Creates a waiver.
    public init(
        id: String, reason: String, expires: Day, kinds: [ReportKind]? = nil, paths: [String]? = nil,
        package: String? = nil, owner: String? = nil
    ) {
        self.id = id
        self.reason = reason
        self.expires = expires
        self.kinds = kinds
        self.paths = paths
        self.package = package
        self.owner = owner
    }

    /// Whether the waiver still applies on `today` (through the end of its expiry day).
    public func isActive(on today: Day) -> Bool { today <= expires }
}
