import GateCheck

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

// The C entry points declared in include/gatecheck.h. Nothing here may trap: a Swift runtime error would abort the
// caller's process (a Python interpreter, say), so every argument is checked before it is used and every problem
// becomes an exit-2 verdict. There is no global mutable state: each call builds its own checker.

/// Checks reports against a configuration; the JSON verdict, `malloc`ed (free it with `gatecheck_free`).
@_cdecl("gatecheck_check")
public func gatecheck_check(
    _ configJSON: UnsafePointer<CChar>?, _ configLength: Int, _ count: Int,
    _ names: UnsafePointer<UnsafePointer<CChar>?>?, _ bodies: UnsafePointer<UnsafePointer<UInt8>?>?,
    _ lengths: UnsafePointer<Int>?, _ today: UnsafePointer<CChar>?, _ exitCode: UnsafeMutablePointer<CInt>?
) -> UnsafeMutablePointer<CChar>? {
    gatecheck_check_ex(configJSON, configLength, count, names, bodies, lengths, nil, today, exitCode)
}

/// `gatecheck_check`, with a flag per input saying it was found by walking a directory: such an input that is not a
/// report is listed as ignored, as the command-line tool does, instead of being an error.
@_cdecl("gatecheck_check_ex")
public func gatecheck_check_ex(
    _ configJSON: UnsafePointer<CChar>?, _ configLength: Int, _ count: Int,
    _ names: UnsafePointer<UnsafePointer<CChar>?>?, _ bodies: UnsafePointer<UnsafePointer<UInt8>?>?,
    _ lengths: UnsafePointer<Int>?, _ walked: UnsafePointer<UInt8>?, _ today: UnsafePointer<CChar>?,
    _ exitCode: UnsafeMutablePointer<CInt>?
) -> UnsafeMutablePointer<CChar>? {
    let call = CCall(
        configJSON: configJSON, configLength: configLength, count: count, names: names, bodies: bodies,
        lengths: lengths, walked: walked, today: today)
    let verdict = call.verdict()
    exitCode?.pointee = verdict.exitCode
    return strdup(OutputFormat.json.reporter().render(verdict))
}

/// Frees a verdict returned by `gatecheck_check`; `NULL` is ignored.
@_cdecl("gatecheck_free")
public func gatecheck_free(_ verdict: UnsafeMutablePointer<CChar>?) {
    free(verdict)
}

/// The library's version, as `gatecheck --version` prints it; a static string, never freed.
@_cdecl("gatecheck_version")
public func gatecheck_version() -> UnsafePointer<CChar>? {
    UnsafePointer(versionText)
}

// Initialized once, thread-safely (a global is initialized on first use under `swift_once`), and never written again,
// so sharing it between threads is safe; it lives as long as the process, as the header promises.
nonisolated(unsafe) private let versionText: UnsafeMutablePointer<CChar>? = strdup(gateCheckVersion)
