import ArgumentParser
@_spi(Internals) import GateCheck

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

/// The world a command runs in, passed in so that tests run every command in-process with their own
/// environment, console and date.
struct CommandContext {
    var environment: Environment
    var console: Console
    /// Today's UTC date (waiver expiry).
    var today: Day
    /// The clock's reading: the default of `--now` and of `record --at`.
    var now: Timestamp = .clock

    /// The real process environment, standard output and error, and today's date.
    static var live: CommandContext {
        CommandContext(environment: .current, console: .standard, today: Day(Date()))
    }
}

extension Timestamp {
    /// The system clock's reading; only the CLI reads it, and passes it into the library.
    static var clock: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int64(spec.tv_sec), nanoseconds: Int64(spec.tv_nsec))
    }
}

/// A command whose work is ``execute(in:)``: it returns its exit code instead of exiting.
protocol ContextCommand: ParsableCommand {
    func execute(in context: CommandContext) -> Int32
}

extension ContextCommand {
    /// Runs the command in the live context; a failed write to standard output makes the exit code at least 2.
    func run() throws {
        let context = CommandContext.live
        var code = execute(in: context)
        if code < ExitStatus.cannotJudge.code, let failure = context.console.standardOutputError {
            context.console.writeError(
                "Error: cannot write to standard output: \(String(cString: strerror(failure)))\n")
            code = ExitStatus.cannotJudge.code
        }
        if code != 0 { throw ExitCode(code) }
    }
}
