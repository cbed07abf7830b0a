// swift-tools-version: 6.1
import PackageDescription

// `lede` links the Swift runtime statically, so that the binary is one file to copy. ThreadSanitizer
// cannot run in such a binary (its allocator meets memory the static runtime allocated before it), so
// the sanitizer phase of `.ci/run` sets LEDE_DYNAMIC_RUNTIME=1 for a build that links it dynamically.
let runtimeFlags: [String] = Context.environment["LEDE_DYNAMIC_RUNTIME"] == "1" ? [] : ["-static-stdlib"]

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
        // Text: UTF-8 tokenizers (scikit-learn's and Lede's), case folding, stop words, n-grams.
        // Also the hash table from byte strings (ByteKeyTable) that the vectorizer, summarizer and ROUGE share.
        .target(name: "LedeText", dependencies: ["LedeParallel", "CPrefetch"]),

        // Sentences: the sentence segmenter, over raw UTF-8 bytes.
        .target(name: "LedeSentences"),

        // A cache prefetch hint (one static inline C function) for the hash-table lookups.
        .target(name: "CPrefetch"),

        // Atomic loads, stores and adds on words of a buffer (static inline C), for the shared token dictionary.
        .target(name: "CAtomicWords"),

        // Work in parallel: a parallel-for over fixed blocks, a locked value, and the ordered bounded stage that
        // streams records, all on threads that are joined before the call that started them returns.
        .target(name: "LedeParallel"),

        .target(name: "LedeFeatures", dependencies: ["LedeText", "LedeParallel", "CPrefetch", "CAtomicWords"]),

        // Summarizer: TextRank over sentences (TF-IDF rows, cosine graph by gemm, PageRank by gemv), budgets; a learned
        // sentence scorer (Lede's logistic regression over TextRank features) and its safetensors model file.
        .target(name: "LedeSummarizer", dependencies: ["LedeSentences", "LedeText", "LedeFeatures", "LedeBLAS", "LedeROUGE", "LedeExtract", "LedeClassifier", "LedeSafetensors", "LedeParallel"]),

        // Classifier: multinomial logistic regression, its optimizer and metrics.
        .target(name: "LedeClassifier", dependencies: ["LedeFeatures", "LedeText", "LedeBLAS", "LedeSafetensors", "LedeParallel", "CPrefetch"]),

        // Pipeline: record readers and writers, and the streaming stage every verb runs in.
        .target(name: "LedePipeline", dependencies: ["LedeFeatures", "LedeClassifier", "LedeExtract", "LedeParallel"]),

        // libxml2 as a system library: its HTML parser, with recovery and no network.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Extraction: the article inside a web page (HTML through libxml2) or a page saved as plain text.
        .target(name: "LedeExtract", dependencies: ["CLibXML2", "LedeText"]),

        // Safetensors: a validating, memory-mapped reader and an atomic writer of the file format.
        .target(name: "LedeSafetensors"),

        // ROUGE: rouge-score 0.1.2's tokenizer, NLTK's Porter stemmer, ROUGE-1/2/L/Lsum; LedeText for its hash table.
        .target(name: "LedeROUGE", dependencies: ["LedeText"]),

        // Reports: self-contained HTML pages of an evaluation or a model, with inline SVG charts; plain values in.
        .target(name: "LedeReport"),

        // The library a Swift program imports: every stage, re-exported.
        .target(name: "Lede", dependencies: ["LedeBLAS", "LedeFeatures", "LedeText", "LedeSentences", "LedeClassifier", "LedeSafetensors", "LedeSummarizer", "LedePipeline", "LedeROUGE", "LedeExtract", "LedeReport"]),

        // The command line, a thin layer over the library: its verbs and options, as a library that tests parse and
        // run in-process.
        .target(
            name: "LedeCLI",
            dependencies: [
                "Lede",
                "LedeParallel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The `lede` executable: one file that calls LedeCLI, linked with Swift's runtime inside.
        .executableTarget(
            name: "lede",
            dependencies: ["LedeCLI"],
            path: "Sources/LedeExecutable",
            swiftSettings: [.unsafeFlags(runtimeFlags)],
            linkerSettings: [.unsafeFlags(runtimeFlags)]
        ),

        // The benchmark harness `Benchmarks/compare` runs beside the peer tools; in this package so that it can time
        // the stages' package-level pieces (BLAS calls, cross-validation) that the library does not make public.
        .executableTarget(
            name: "lede-bench",
            dependencies: ["Lede"],
            path: "Benchmarks/Sources/lede-bench"
        ),

        // Helpers shared by the test targets.
        .target(name: "LedeTestSupport", dependencies: ["LedeClassifier", "LedeParallel"], path: "Tests/LedeTestSupport"),
        .testTarget(name: "LedeBLASTests", dependencies: ["LedeBLAS", "LedeTestSupport"]),
        .testTarget(name: "LedeSafetensorsTests", dependencies: ["LedeSafetensors", "LedeTestSupport"]),
        .testTarget(name: "LedeClassifierTests", dependencies: ["LedeClassifier", "LedeFeatures", "LedeText", "LedePipeline", "LedeTestSupport"]),
        .testTarget(name: "LedePipelineTests", dependencies: ["LedePipeline", "LedeParallel", "LedeTestSupport"]),
        .testTarget(name: "LedeParallelTests", dependencies: ["LedeParallel"]),
        // Spawns the built `lede` (which `swift build` and `swift test` build beside the tests), and parses verbs
        // in-process through the LedeCLI library (which carries no static-runtime flags).
        .testTarget(name: "LedeCLITests", dependencies: ["LedeCLI", "LedeTestSupport"]),
        .testTarget(name: "LedeSentencesTests", dependencies: ["LedeSentences", "LedeTestSupport"]),
        .testTarget(name: "LedeROUGETests", dependencies: ["LedeROUGE", "LedeTestSupport"]),
        .testTarget(name: "LedeSummarizerTests", dependencies: ["LedeSummarizer", "LedeSentences", "LedeText", "LedeFeatures", "LedeTestSupport", "LedeClassifier", "LedeSafetensors"]),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText"]),
        // LedePipeline for `fitTransform(jsonLinesAt:)`, the streamed fit over its line reader and JSON scanner.
        .testTarget(name: "LedeFeaturesTests", dependencies: ["LedeFeatures", "LedeText", "LedePipeline", "LedeParallel", "LedeTestSupport"]),
        .testTarget(name: "LedeExtractTests", dependencies: ["LedeExtract", "LedeTestSupport"]),
        .testTarget(name: "LedeReportTests", dependencies: ["LedeReport", "LedeTestSupport"]),
        // The library as a Swift program imports it: the README's example.
        .testTarget(name: "LedeTests", dependencies: ["Lede", "LedeTestSupport"]),
    ]
)
