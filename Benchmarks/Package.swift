// swift-tools-version: 6.1
// The benchmark harness: its own package, so that `swift test` at the root never builds it.
// `Benchmarks/compare` builds it in release and runs it beside the peer tools.
import PackageDescription

let package = Package(
    name: "LedeBenchmarks",
    dependencies: [
        .package(name: "Lede", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "lede-bench",
            dependencies: [.product(name: "Lede", package: "Lede")]
        ),
    ]
)
