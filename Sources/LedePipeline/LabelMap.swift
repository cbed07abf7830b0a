import LedeClassifier

/// A map from the labels of training or evaluation data to the labels of a model, so that corpora
/// whose label sets differ train one model (`lede train --data A --data B --label-map MAP`).
///
/// The text form is UTF-8, one rule a line: `source-label<TAB>target-label`. A target of `-` drops
/// the records with that label. Blank lines and lines starting with `#` are ignored; a CR before the
/// line feed and a byte-order mark are fine. Labels are compared exactly (case matters, spaces inside
/// a label are part of it). A label may appear as a source once.
public struct LabelMap: Sendable, Equatable {
    /// One line of the map: records labelled `source` get `target`, or are dropped when it is nil.
    public struct Rule: Sendable, Equatable, Codable {
        /// The label as the data spells it.
        public var source: String
        /// The model's label, or nil to drop the record (`-` in the file).
        public var target: String?

        /// Creates a rule; a nil target drops the label.
        public init(source: String, target: String?) {
            self.source = source
            self.target = target
        }
    }

    /// What to do with a record whose label the map does not name.
    public enum Unmapped: String, Sendable, CaseIterable {
        /// Stop with `LabelMapError` naming the labels.
        case error
        /// Drop the record and count it in `MappedSource.unmappedDropped`.
        case drop
    }

    /// The rules, in the order of the file.
    public private(set) var rules: [Rule]
    private var targets: [String: String?]

    /// A map of these rules; two rules for one source label are an error.
    public init(rules: [Rule]) throws(LabelMapError) {
        self.rules = []
        targets = [:]
        for (index, rule) in rules.enumerated() { try add(rule, line: index + 1, path: "label map") }
        guard !self.rules.isEmpty else { throw LabelMapError(path: "label map", line: nil, "the label map has no rules") }
    }

    /// Parses the text form; errors name `path` and the line.
    public init(parsing bytes: some Collection<UInt8>, path: String) throws(LabelMapError) {
        rules = []
        targets = [:]
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var number = 0
        for var line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw LabelMapError(path: path, line: number, "not UTF-8")
            }
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw LabelMapError(path: path, line: number,
                                    "expected source-label<TAB>target-label, found \(fields.count == 1 ? "no tab" : "\(fields.count - 1) tabs")")
            }
            let source = String(fields[0]), target = String(fields[1])
            guard !source.isEmpty else { throw LabelMapError(path: path, line: number, "the source label is empty") }
            guard !target.isEmpty else {
                throw LabelMapError(path: path, line: number, "the target label of \"\(source)\" is empty (write - to drop it)")
            }
            try add(Rule(source: source, target: target == "-" ? nil : target), line: number, path: path)
        }
        guard !rules.isEmpty else { throw LabelMapError(path: path, line: nil, "the label map has no rules") }
    }

    /// Reads and parses the file at `path`. Throws `InputError` when it cannot be read (missing or
    /// unreadable), `LabelMapError` when a line is wrong.
    public init(contentsOf path: String) throws {
        var reader = try LineReader(path: path)
        var bytes: [UInt8] = []
        try reader.forEachLine { line in
            if case .text(let text, _) = line {
                bytes.append(contentsOf: text)
                bytes.append(UInt8(ascii: "\n"))
            }
            return true
        }
        try self.init(parsing: bytes, path: path)
    }

    private mutating func add(_ rule: Rule, line: Int, path: String) throws(LabelMapError) {
        if let first = rules.firstIndex(where: { $0.source == rule.source }) {
            throw LabelMapError(path: path, line: line, "\"\(rule.source)\" is mapped twice (also by rule \(first + 1))")
        }
        rules.append(rule)
        targets[rule.source] = .some(rule.target)
    }

    /// The target of `label`: `.some(name)`, `.some(nil)` when the map drops it, nil when the map does not name it.
    public func target(of label: String) -> String?? { targets[label] }

    /// The distinct target labels, sorted.
    public var targetLabels: [String] { Array(Set(rules.compactMap(\.target))).sorted() }

    /// The rules as `[source, target]` pairs (`-` for a dropped label), as a model's provenance keeps them.
    public var pairs: [[String]] { rules.map { [$0.source, $0.target ?? "-"] } }

    /// `corpus` with every label mapped and the dropped records removed, and what happened to it per
    /// label. A label the map does not name is an error (naming the labels and `name`) unless `unmapped`
    /// is `.drop`. `name` and `sha256` describe the input in the returned `MappedSource`.
    ///
    /// In a multi-label corpus each label of a set is mapped on its own: a dropped (or, with `.drop`,
    /// unmapped) label leaves the set, and a record whose labels all leave is dropped (counted in
    /// `droppedByMap`, or in `unmappedDropped` when an unmapped label was among them); a record with an
    /// empty set to begin with stays, about no topic. Counts are of labels as they occur in the sets.
    public func apply(to corpus: LabeledCorpus, name: String, unmapped: Unmapped = .error)
        throws(LabelMapError) -> (corpus: LabeledCorpus, source: MappedSource) {
        var before: [String: Int] = [:], after: [String: Int] = [:], missing: [String: Int] = [:]
        var dropped = 0, unmappedDropped = 0
        var mapped = LabeledCorpus()
        mapped.sha256 = corpus.sha256
        mapped.skipped = corpus.skipped
        mapped.isMultiLabel = corpus.isMultiLabel
        for i in 0..<corpus.count {
            let set = corpus.labelSets[i]
            var targetSet: [String] = []
            var sawUnmapped = false
            for label in set {
                before[label, default: 0] += 1
                switch targets[label] {
                case .some(.some(let target)):
                    if !targetSet.contains(target) { targetSet.append(target) }
                case .some(.none):
                    break
                case .none:
                    missing[label, default: 0] += 1
                    sawUnmapped = true
                }
            }
            if targetSet.isEmpty && !set.isEmpty {
                if sawUnmapped { unmappedDropped += 1 } else { dropped += 1 }
                continue
            }
            for target in targetSet { after[target, default: 0] += 1 }
            mapped.append(corpus, i)
            mapped.labels[mapped.count - 1] = targetSet.first ?? ""
            mapped.labelSets[mapped.count - 1] = targetSet
        }
        if unmapped == .error && !missing.isEmpty {
            throw LabelMapError(path: name, line: nil, "labels the label map does not name: "
                + missing.sorted { $0.key < $1.key }.map { "\"\($0.key)\" (\($0.value) records)" }.joined(separator: ", ")
                + "; add them to the map (- drops a label), or drop them with --unmapped drop")
        }
        let source = MappedSource(name: name, sha256: corpus.sha256, recordCount: corpus.count, labelCounts: before,
                                  mappedCounts: after, droppedByMap: dropped, unmappedDropped: unmappedDropped)
        return (mapped, source)
    }
}

/// A label map that cannot be used: a bad line of its file, or data with labels it does not name.
/// The description is `path:line: message` (`path: message` without a line).
public struct LabelMapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The map's file (or, for unmapped labels, the data's name).
    public var path: String
    /// 1-based line of the map, when the problem has one.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error about `path` (and `line`).
    public init(path: String, line: Int?, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

extension LabeledCorpus {
    /// The corpora one after another (titles, texts, labels, ids and skipped records). The `sha256` is that of
    /// the inputs' digests: SHA-256 over each part's hex digest and a newline, in order.
    public init(concatenating parts: [LabeledCorpus]) {
        self.init(texts: [], labels: [])
        var digest = SHA256()
        for part in parts {
            titles += part.titles
            texts += part.texts
            labels += part.labels
            labelSets += part.labelSets
            isMultiLabel = isMultiLabel || part.isMultiLabel
            ids += part.ids
            skipped += part.skipped
            digest.update(part.sha256 + "\n")
        }
        sha256 = digest.hexDigest()
    }
}

extension MappedSource {
    /// The record of an input read without a label map: its counts before and after are the same.
    public init(identity corpus: LabeledCorpus, name: String) {
        var counts: [String: Int] = [:]
        for set in corpus.labelSets {
            for label in set { counts[label, default: 0] += 1 }
        }
        self.init(name: name, sha256: corpus.sha256, recordCount: corpus.count, labelCounts: counts,
                  mappedCounts: counts, droppedByMap: 0, unmappedDropped: 0)
    }
}
