// lede-bench: one measurement per process, printed as a JSON line. `Benchmarks/compare` runs it.
//   lede-bench blas --call gemm --size 30x30x300 --backend openblas [--seconds 2]
let arguments = CommandLine.arguments.dropFirst()
guard let benchmark = arguments.first else { usage("name a benchmark: blas") }
let options = Options(arguments.dropFirst())
switch benchmark {
case "blas": blasBenchmark(options).print()
case "train": trainBenchmark(options).print()
case "multilabel-train": multiLabelTrainBenchmark(options).print()
case "multilabel-cv": multiLabelCrossValidationBenchmark(options).print()
case "segment": segmentBenchmark(options).print()
case "cv": crossValidationBenchmark(options).print()
case "grid-search": gridSearchBenchmark(options).print()
case "tokenize": tokenizeBenchmark(options).print()
case "summarize": summarizeBenchmark(options).print()
case "summary-sentences": summarySentences(options)
case "summary-rouge": summaryROUGE(options).print()
default: usage("unknown benchmark \(benchmark)")
}
