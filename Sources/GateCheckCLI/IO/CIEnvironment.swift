@_spi(Internals) import GateCheck

/// The CI system a run is in, read from the environment it is given (never from the process directly), so that
/// tests can pretend to be GitHub Actions.
enum CIEnvironment: Equatable {
    /// GitHub Actions, which sets `GITHUB_ACTIONS=true` in every step.
    case gitHubActions
    /// Anything else: a terminal, another CI system.
    case other

    static func detect(_ environment: Environment) -> CIEnvironment {
        environment["GITHUB_ACTIONS"] == "true" ? .gitHubActions : .other
    }

    /// What goes to standard output when the user names no `--format`: on GitHub Actions, annotations and then
    /// the text verdict (the workflow commands are hidden in the log, the text stays readable); elsewhere text.
    var defaultFormats: [OutputFormat] {
        switch self {
        case .gitHubActions: [.github, .text]
        case .other: [.text]
        }
    }
}
