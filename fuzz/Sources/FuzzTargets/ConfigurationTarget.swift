@_spi(Internals) import GateCheck

/// gates.json decoding: any bytes give a configuration or problems, at least one of them an error (never both,
/// never neither), the same each time; a decoded configuration has gates with unique ids and limits in range, and
/// judged with no report at all it never passes a required gate.
enum ConfigurationTarget {
    static let file = "gates.json"

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let decoded = ConfigurationDecoder.decode(bytes, file: file)
        try expect(ConfigurationDecoder.decode(bytes, file: file) == decoded, "two decodings differ")
        let configuration: Configuration
        switch decoded {
        case .failure(let error):
            // Warnings (a near-miss tool name) are listed beside the errors that made the file unusable.
            try expect(error.problems.contains { $0.severity == .error }, "a configuration error without an error")
            for problem in error.problems {
                try expect(
                    problem.severity == .error || problem.severity == .warning,
                    "problem '\(problem.message)' is a \(problem.severity)")
                try expect(problem.file == file, "problem '\(problem.message)' names '\(problem.file ?? "nil")'")
                try expect(!problem.message.isEmpty, "a problem without a message (\(problem.code))")
            }
            return
        case .success(let value):
            configuration = value
        }
        try expect(configuration.version == Configuration.currentVersion, "version \(configuration.version) accepted")
        try expect(!configuration.gates.isEmpty, "a configuration without gates accepted")
        try expect(
            Set(configuration.gates.map(\.id)).count == configuration.gates.count, "duplicate gate ids accepted")
        try expect(configuration.limits.maxReportBytes >= 1, "max_report_bytes \(configuration.limits.maxReportBytes)")
        try expect((8...1024).contains(configuration.limits.maxDepth), "max_depth \(configuration.limits.maxDepth)")
        try expect(configuration.waiverWarningDays >= 0, "waiver_warning_days \(configuration.waiverWarningDays)")
        for waiver in configuration.waivers {
            try expect(!waiver.reason.isEmpty, "waiver \(waiver.id) without a reason accepted")
        }

        let verdict = GateEngine.evaluate(ReportSet(), configuration: configuration, today: FuzzFixtures.today)
        try VerdictChecks.check(verdict)
        try expect(verdict.gates.count == configuration.gates.count, "gates lost in the verdict")
        for (gate, result) in zip(configuration.gates, verdict.gates) {
            try expect(gate.id == result.id, "gate \(gate.id) reported as \(result.id)")
            try expect(
                result.status == (gate.required ? .error : .skipped),
                "gate \(gate.id) (required: \(gate.required)) is \(result.status) with no report")
        }
        if configuration.gates.contains(where: \.required) {
            try expect(verdict.status == .error, "required gates with no report give \(verdict.status)")
        }
    }
}
