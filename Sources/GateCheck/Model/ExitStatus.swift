/// gatecheck's exit codes, named once: the command-line tool exits with these and library callers that wrap
/// gatecheck in a process of their own should too.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Every blocking gate that was judged passed, and at least one was judged.
    case pass = 0
    /// A blocking gate failed.
    case fail = 1
    /// A gate cannot be judged: a required report is missing or unreadable, the configuration is unusable, or an
    /// output could not be written.
    case cannotJudge = 2
    /// The command line is wrong (no inputs, an output that would overwrite an input); nothing was judged.
    case usage = 64

    /// The code a process exits with.
    public var code: Int32 { rawValue }
}
