import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `gatecheck_check` call's arguments, checked before any is dereferenced beyond what the header allows.
struct CCall {
    /// The largest configuration read, as the command-line tool: anything bigger is not a hand-written gates.json.
    static let maxConfigurationBytes = 4 << 20
    /// What configuration diagnostics call the configuration: the default name of the file.
    static let configurationName = "gates.json"

    let configJSON: UnsafePointer<CChar>?
    let configLength: Int
    let count: Int
    let names: UnsafePointer<UnsafePointer<CChar>?>?
    let bodies: UnsafePointer<UnsafePointer<UInt8>?>?
    let lengths: UnsafePointer<Int>?
    let walked: UnsafePointer<UInt8>?
    let today: UnsafePointer<CChar>?

    /// The verdict: the check's, or an exit-2 verdict naming every argument that cannot be used.
    func verdict() -> Verdict {
        // The day only matters to waivers; a verdict about bad arguments judges no gate, so any day will do.
        let fallbackDay = Day(Date(timeIntervalSince1970: 0))
        var problems = argumentProblems()
        let day = today.flatMap { Day(String(cString: $0)) }
        if day == nil {
            let given = today.map { "`\(String(cString: $0))`" } ?? "NULL"
            problems.append(problem("today is \(given), not a valid date written YYYY-MM-DD (UTC)"))
        }
        guard problems.isEmpty, let day else {
            return .unusable(ConfigurationError(problems: problems), today: day ?? fallbackDay)
        }
        let configuration: Configuration
        if let configJSON {
            // A negative length is a size_t above Int.max: too large as well, and it must not reach a buffer.
            guard (0...Self.maxConfigurationBytes).contains(configLength) else {
                let message = "the configuration is larger than \(Self.maxConfigurationBytes) bytes"
                return .unusable(
                    ConfigurationError(problems: [
                        Diagnostic(.error, code: "config.too-large", message: message, file: Self.configurationName)
                    ]), today: day)
            }
            let bytes = UnsafeRawBufferPointer(start: configJSON, count: configLength)
            do throws(ConfigurationError) {
                configuration = try Configuration(json: bytes, name: Self.configurationName)
            } catch {
                return .unusable(error, today: day)
            }
        } else {
            configuration = .builtIn
        }
        return check(configuration: configuration, today: day)
    }

    /// The check itself, on arguments known to be usable.
    private func check(configuration: Configuration, today: Day) -> Verdict {
        let checker = GateChecker(
            configuration: configuration, today: today,
            configurationName: configJSON == nil ? nil : Self.configurationName)
        var inputs: [ReportInput] = []
        var diagnostics: [Diagnostic] = []
        for index in 0..<count {
            guard let namePointer = names?[index], let lengths else { continue }
            let nameBytes = UnsafeBufferPointer(start: namePointer, count: strlen(namePointer))
            guard let name = String(validating: nameBytes.lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self) else {
                // As the command-line tool does with such a file name: an error, and the input is not read.
                diagnostics.append(
                    Diagnostic(
                        .error, code: "input.unreadable",
                        message: "names[\(index)] is not valid UTF-8 (shown with U+FFFD for each bad byte), so "
                            + "gatecheck cannot name it in a verdict and does not read it; pass names as UTF-8",
                        file: String(decoding: nameBytes.lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)))
                continue
            }
            let body = bodies?[index].map { Array(UnsafeBufferPointer(start: $0, count: lengths[index])) } ?? []
            inputs.append(ReportInput(name: name, bytes: body, isNamed: (walked?[index] ?? 0) == 0))
        }
        let prepared = inputs.map(checker.prepare)
        let plan = checker.plan(prepared)
        var collection = ReportCollection(plan: plan)
        for input in prepared { checker.read(input, plan: plan, into: &collection) }
        collection.add(diagnostics: diagnostics)
        return checker.verdict(collection)
    }

    /// A problem for every pointer the header requires that is NULL, and every impossible count.
    private func argumentProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard count >= 0 else { return [problem("count is \(UInt(bitPattern: count)): larger than any array can be")] }
        guard count > 0 else { return [] }
        for (array, isNull) in [("names", names == nil), ("bodies", bodies == nil), ("lengths", lengths == nil)]
        where isNull {
            problems.append(problem("\(array) is NULL, but count is \(count)"))
        }
        if let names {
            for index in 0..<count where names[index] == nil {
                problems.append(problem("names[\(index)] is NULL; every input needs a name"))
            }
        }
        if let bodies, let lengths {
            for index in 0..<count where lengths[index] < 0 {
                problems.append(problem("lengths[\(index)] is larger than any report can be"))
            }
            for index in 0..<count where bodies[index] == nil && lengths[index] != 0 {
                problems.append(
                    problem("bodies[\(index)] is NULL, but lengths[\(index)] is \(lengths[index])"))
            }
        }
        return problems
    }

    private func problem(_ message: String) -> Diagnostic {
        Diagnostic(.error, code: "api.invalid-argument", message: message)
    }
}
