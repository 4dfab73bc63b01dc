/// The GateCheck library: turns CI reports into one pass/fail verdict.
public enum GateCheck {
    /// The library's version, shown by `gatecheck --version` and written into verdicts.
    public static let version = "0.1.0"
}
