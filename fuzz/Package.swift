// swift-tools-version:6.1
import PackageDescription

/// libFuzzer targets for gatecheck, kept out of the main package so that `swift build` and `swift test` at the root
/// never build them. Build with sanitizers only:
///
///     swift build --package-path fuzz -c release --sanitize fuzzer --sanitize address
///
/// `scripts/fuzz.sh` builds, seeds and runs every target; docs/fuzzing.md explains it.
let package = Package(
    name: "gatecheck-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "gatecheck", path: "..")
    ],
    targets: [
        /// What each target does with one input and the invariants it asserts. The root test target compiles the
        /// same files (`Tests/GateCheckTests/FuzzTargets` links here) to keep every regression input fixed.
        .target(
            name: "FuzzTargets",
            dependencies: [.product(name: "GateCheck", package: "gatecheck")]
        ),
        /// The libFuzzer entry point; `GATECHECK_FUZZ_TARGET` picks the target.
        .executableTarget(
            name: "gatecheck-fuzz",
            dependencies: ["FuzzTargets"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
