import Foundation
import Lede

/// A labeled corpus loaded whole from JSON Lines, for benchmarks: document = title + newline + field,
/// the title repeated `titleWeight` times as a model's input has it (`classifierInput`), or the field
/// alone when `withTitle` is false.
struct Corpus {
    var texts: [String] = []
    var labels: [String] = []

    init(path: String, textField: String, withTitle: Bool = true, titleWeight: Int = 1) {
        guard let data = FileManager.default.contents(atPath: path) else { usage("cannot read \(path)") }
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                usage("\(path): a line is not a JSON object")
            }
            let text = object[textField] as? String ?? ""
            let title = object["title"] as? String ?? ""
            texts.append(withTitle ? classifierInput(title: title, text: text, titleWeight: titleWeight) : text)
            labels.append(object["label"] as? String ?? "")
        }
    }

    var byteCount: Int { texts.reduce(0) { $0 + $1.utf8.count } }
}
