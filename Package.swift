// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Lede",
    products: [
        .library(name: "Lede", targets: ["Lede"]),
        .executable(name: "lede", targets: ["lede"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // BLAS bridge: OpenBLAS as a system library, and a typed Swift face over it.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "LedeBLAS", dependencies: ["COpenBLAS"]),

        // Features: vocabulary, document frequencies, TF-IDF weighting, sparse matrices.
        .target(name: "LedeFeatures"),

        // Sentences: the sentence segmenter, over raw UTF-8 bytes.
        .target(name: "LedeSentences"),

        // Safetensors: a validating, memory-mapped reader and an atomic writer of the file format.
        .target(name: "LedeSafetensors"),

        // The library a Swift program imports: every stage, re-exported.
        .target(name: "Lede", dependencies: ["LedeBLAS", "LedeFeatures", "LedeSentences", "LedeSafetensors"]),

        // The command line, a thin layer over the library.
        .executableTarget(
            name: "lede",
            dependencies: [
                "Lede",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "LedeBLASTests", dependencies: ["LedeBLAS"]),
        .testTarget(name: "LedeSafetensorsTests", dependencies: ["LedeSafetensors"]),
        .testTarget(name: "LedeSentencesTests", dependencies: ["LedeSentences"]),
    ]
)
