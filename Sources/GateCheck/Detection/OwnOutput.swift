/// The marks by which gatecheck's own outputs are told from reports, so that a verdict written into a scanned
/// directory is never read back as evidence (a JUnit verdict would otherwise satisfy the test gates).
enum OwnOutput {
    /// The tool name gatecheck's SARIF output gives its first run's driver.
    static let toolName = "gatecheck"
    /// The key of the SARIF log's property bag that marks the log as gatecheck's; the writer sorts keys, so the bag
    /// comes before `runs` and detection sees it within the first bytes.
    static let sarifPropertyKey = "gatecheck.verdict"
    /// The text of that property.
    static let sarifPropertyValue = "gatecheck's verdict, not a scan: gatecheck never reads it back as evidence"
    /// The comment gatecheck's JUnit output carries before its root element.
    static let junitComment = "gatecheck verdict: not a test report; gatecheck never reads it back as evidence"
    /// What detection looks for at the start of a comment in an XML prolog.
    static let junitCommentPrefix = Array("gatecheck verdict".utf8)
    /// The start of the `schema` of gatecheck's JSON verdict.
    static let verdictSchemaPrefix = "gatecheck.verdict/"
    /// The start of the `schema` of a baseline (`--output baseline=PATH`).
    static let baselineSchemaPrefix = "gatecheck.baseline/"

    /// The reason given for ignoring (or refusing) gatecheck's own output of a format.
    static func description(_ format: String) -> String {
        "gatecheck's own output (its \(format)), never counted as evidence"
    }
}
