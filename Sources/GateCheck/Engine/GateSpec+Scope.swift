extension GateSpec {
    /// The gate's scope as its message shows it (`` in scope paths `src/**` ``), so that every output names it;
    /// empty for a gate without `scope`.
    var scopeLabel: String {
        if let classes = scopeClasses { return " in scope classes " + Self.quoted(classes) }
        if let paths = scope { return " in scope paths " + Self.quoted(paths) }
        return ""
    }

    /// Globs in backticks, so that Markdown does not read `**` as emphasis.
    private static func quoted(_ globs: [String]) -> String {
        globs.map { "`\($0)`" }.joined(separator: ", ")
    }
}
