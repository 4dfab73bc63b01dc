/// gates.json `paths`: the user's rules that turn report paths into repository paths, applied in order after the
/// built-in ones (strip the first matching prefix, then every replacement).
@_spi(Internals) public struct PathRules: Sendable, Hashable {
    /// One `replace` rule: a regular expression and its replacement (`$1` refers to a group).
    public struct Replacement: Sendable, Hashable {
        /// The pattern, as written.
        public var from: String
        /// The replacement.
        public var to: String

        /// Creates a rule.
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// Prefixes removed from the start of a path; the first that matches applies.
    public var stripPrefix: [String] = []
    /// Regular-expression replacements, each applied in turn.
    public var replace: [Replacement] = []

    /// Creates rules; the defaults change nothing.
    public init(stripPrefix: [String] = [], replace: [Replacement] = []) {
        self.stripPrefix = stripPrefix
        self.replace = replace
    }
}

/// gates.json `diff`: what diff coverage requires.
@_spi(Internals) public struct DiffOptions: Sendable, Hashable {
    /// Globs of changed source files that a coverage report must measure; a changed file that matches one and that
    /// no report measures makes the verdict an error.
    public var requireMeasured: [String] = []

    /// Creates options.
    public init(requireMeasured: [String] = []) {
        self.requireMeasured = requireMeasured
    }
}
