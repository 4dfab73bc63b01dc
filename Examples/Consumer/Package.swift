// swift-tools-version:6.1
import PackageDescription

// A package that uses GateCheck as a fresh consumer would: through its product only, from outside the repository's
// own package. scripts/test-consumer.sh builds it and compares its verdicts with the CLI's.
let package = Package(
    name: "GateCheckConsumer",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, because a path dependency's identity is its folder's name, which depends on the clone.
        .package(name: "gatecheck", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "GateCheckConsumer",
            dependencies: [.product(name: "GateCheck", package: "gatecheck")]
        )
    ],
    swiftLanguageModes: [.v6]
)
