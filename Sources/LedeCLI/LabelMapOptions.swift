import ArgumentParser
import Foundation
import Lede

/// `--label-map` and `--unmapped` (train and evaluate classifier): the labels of the data mapped to a model's.
struct LabelMapOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Map the data's labels: a TSV file of source-label<TAB>target-label lines (target - drops the label).",
                               discussion: "Blank lines and lines starting with # are ignored. A label the map does not name is an error unless --unmapped drop.",
                               valueName: "map"))
    var labelMap: String?
    @Option(help: "With --label-map, what to do with a label the map does not name: 'error' (stop, exit 65) or 'drop' (drop its records and report the count).")
    var unmapped: LabelMap.Unmapped = .error

    /// The map the flag names, or nil; a missing file exits 66, a bad line 65 naming file and line.
    func read() throws -> LabelMap? {
        guard let labelMap else { return nil }
        do { return try LabelMap(contentsOf: labelMap) } catch let error as InputError {
            throw Exit.fail(error)
        } catch {
            throw Exit.fail(Exit.badData, "\(error)")
        }
    }

    /// `corpus` (read from `path`) mapped, with its record (under `name`, default the file name); reports the counts on stderr.
    func apply(_ map: LabelMap, to corpus: LabeledCorpus, path: String, name: String? = nil) throws -> (LabeledCorpus, MappedSource) {
        do {
            let (mapped, source) = try map.apply(to: corpus, name: name ?? URL(fileURLWithPath: path).lastPathComponent, unmapped: unmapped)
            var line = "\(path): \(source.recordCount) records, \(mapped.count) kept"
            if source.droppedByMap > 0 { line += "; \(source.droppedByMap) dropped by the map" }
            if source.unmappedDropped > 0 {
                let labels = source.labelCounts.filter { map.target(of: $0.key) == nil }.sorted { $0.key < $1.key }
                line += "; \(source.unmappedDropped) dropped with labels the map does not name: "
                    + labels.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            }
            log(line)
            return (mapped, source)
        } catch {
            throw Exit.fail(Exit.badData, "\(path): \(error.message)")
        }
    }

    /// `corpus` mapped when there is a map, else unchanged.
    func applyIfGiven(_ map: LabelMap?, to corpus: LabeledCorpus, path: String) throws -> LabeledCorpus {
        guard let map else { return corpus }
        return try apply(map, to: corpus, path: path).0
    }
}

extension LabelMap.Unmapped: ExpressibleByArgument {}
