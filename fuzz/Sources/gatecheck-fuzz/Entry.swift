import FuzzTargets

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The target named by `GATECHECK_FUZZ_TARGET`, looked up once.
private let target: FuzzTarget = {
    let name = getenv("GATECHECK_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(name: name) else {
        fatalError("set GATECHECK_FUZZ_TARGET to one of: " + FuzzTarget.all.map(\.name).joined(separator: ", "))
    }
    return target
}()

/// libFuzzer's entry point: one input through the chosen target; a broken invariant is a crash with its reason.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try target.run(bytes)
    } catch {
        fatalError("\(target.name): invariant broken: \(error)")
    }
    return 0
}
