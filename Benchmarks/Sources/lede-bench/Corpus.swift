import Foundation

/// A labeled corpus loaded whole from JSON Lines, for benchmarks: document = title + newline + field
/// (or the field alone when `withTitle` is false).
struct Corpus {
    var texts: [String] = []
    var labels: [String] = []

    init(path: String, textField: String, withTitle: Bool = true) {
        guard let data = FileManager.default.contents(atPath: path) else { usage("cannot read \(path)") }
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                usage("\(path): a line is not a JSON object")
            }
            let text = object[textField] as? String ?? ""
            texts.append(withTitle ? "\(object["title"] as? String ?? "")\n\(text)" : text)
            labels.append(object["label"] as? String ?? "")
        }
    }

    var byteCount: Int { texts.reduce(0) { $0 + $1.utf8.count } }
}
