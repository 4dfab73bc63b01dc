internal import CLibXML2

/// The library's version, shown by `gatecheck --version` and written into verdicts.
///
/// A top-level constant, not a member of a type named `GateCheck`: a type named like the module hides the module,
/// so a consumer could no longer write `GateCheck.Configuration` to tell the library's type from one of its own.
///
/// It is the version written in the source, except in a release binary built by scripts/release.sh, which stamps
/// in the git tag's version, or marks the build as untagged (docs/install.md).
public let gateCheckVersion: String = gatecheck_build_version().map { String(cString: $0) } ?? sourceVersion

/// The version written in the source (scripts/release.sh reads it from this line).
let sourceVersion = "0.1.0"
