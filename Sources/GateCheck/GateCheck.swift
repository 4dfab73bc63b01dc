/// The library's version, shown by `gatecheck --version` and written into verdicts.
///
/// A top-level constant, not a member of a type named `GateCheck`: a type named like the module hides the module,
/// so a consumer could no longer write `GateCheck.Configuration` to tell the library's type from one of its own.
public let gateCheckVersion = "0.1.0"
