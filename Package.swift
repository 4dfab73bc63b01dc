// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "gatecheck",
    // macOS 15: the library uses Int128 and the CLI Synchronization's Mutex and Atomic, which are new there.
    platforms: [.macOS(.v15)],
    products: [
        /** The pure library: report bytes and a configuration in, a typed verdict out. */
        .library(name: "GateCheck", targets: ["GateCheck"]),
        /** The command-line tool. */
        .executable(name: "gatecheck", targets: ["gatecheck"]),
        /** The C ABI (Sources/GateCheckC/include/gatecheck.h) as libGateCheckC.so, for C and Python (ctypes). */
        .library(name: "GateCheckC", type: .dynamic, targets: ["GateCheckC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation --target GateCheck`: the library's DocC (scripts/docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        /** libxml2 through pkg-config; only its SAX2 push parser is used. */
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        /** Detection, streaming parsers, configuration, gate engine, verdict and reporters. No I/O. */
        .target(
            name: "GateCheck",
            dependencies: ["CLibXML2"],
            exclude: ["README.md"]
        ),
        /** Commands and all I/O: argument parsing, file walking, reading, writing outputs, exit codes. */
        .target(
            name: "GateCheckCLI",
            dependencies: [
                "GateCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /** C entry points over GateChecker: argument checks, the JSON verdict as a malloc'd string. */
        .target(
            name: "GateCheckC",
            dependencies: ["GateCheck"],
            exclude: ["include"],
            // The Swift runtime and Foundation linked in, so that the library loads in any process (Python's)
            // without the toolchain's libraries on its path. SwiftPM applies --static-swift-stdlib to executables only.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]
        ),
        /** The executable entry point. */
        .executableTarget(
            name: "gatecheck",
            dependencies: ["GateCheckCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        /** Tests only: libxml2's XML Schema validator, to check the JUnit output against an XSD. */
        .systemLibrary(
            name: "CLibXML2Schemas",
            path: "Tests/CLibXML2Schemas",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        /** Tests only: helpers both test targets use (a loopback listener that counts connection attempts). */
        .target(name: "GateCheckTestSupport", path: "Tests/GateCheckTestSupport"),
        .testTarget(
            name: "GateCheckTests",
            dependencies: ["GateCheck", "CLibXML2Schemas", "GateCheckTestSupport"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures"), .copy("Resources")]
        ),
        .testTarget(
            name: "GateCheckCLITests",
            dependencies: [
                "GateCheckCLI", "GateCheck", "GateCheckTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Scenarios"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    // Every `any` spelled out, and imports visible only where they are written.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
