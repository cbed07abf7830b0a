/// Settings of TF-IDF weighting and vocabulary pruning, with scikit-learn's names and defaults.
public struct TfidfOptions: Sendable, Hashable {
    /// A document-frequency bound: an absolute count of documents, or a fraction of them.
    public enum DocumentFrequency: Sendable, Hashable, CustomStringConvertible {
        /// A number of documents.
        case count(Int)
        /// A fraction of the documents, in [0, 1].
        case fraction(Double)

        /// Reads a bound as `description` writes it: digits are a count ("2"), a number with a point a
        /// fraction in [0, 1] ("0.5", "1.0"); nil for anything else.
        public init?(_ text: String) {
            if text.contains("."), let f = Double(text), f >= 0, f <= 1 { self = .fraction(f) }
            else if let n = Int(text), n >= 0 { self = .count(n) }
            else { return nil }
        }

        /// A count as its digits ("2"), a fraction with its point ("0.5", "1.0"), as `lede train` reads them.
        public var description: String {
            switch self {
            case .count(let n): "\(n)"
            case .fraction(let f): "\(f)"
            }
        }
    }

    /// How each row is scaled.
    public enum Norm: String, Sendable, Hashable {
        /// Rows of Euclidean length 1.
        case l2
        /// Rows whose absolute values sum to 1.
        case l1
        /// No scaling.
        case none
    }

    /// Drop terms in fewer documents than this (`min_df`).
    public var minDF: DocumentFrequency
    /// Drop terms in more documents than this (`max_df`).
    public var maxDF: DocumentFrequency
    /// Keep only this many terms, those with the highest total counts (`max_features`); ties go to the earlier term.
    public var maxFeatures: Int?
    /// Count each term once per document (`binary`); `maxFeatures` then ranks by document frequency.
    public var binary: Bool
    /// Weight by inverse document frequency (`use_idf`).
    public var useIDF: Bool
    /// idf = ln((1 + n) / (1 + df)) + 1 when true, ln(n / df) + 1 when false (`smooth_idf`).
    public var smoothIDF: Bool
    /// tf = 1 + ln(count) instead of count (`sublinear_tf`).
    public var sublinearTF: Bool
    /// Row scaling (`norm`).
    public var norm: Norm

    /// Creates options; the defaults are scikit-learn's.
    public init(minDF: DocumentFrequency = .count(1), maxDF: DocumentFrequency = .fraction(1.0), maxFeatures: Int? = nil,
                binary: Bool = false, useIDF: Bool = true, smoothIDF: Bool = true, sublinearTF: Bool = false, norm: Norm = .l2) {
        self.minDF = minDF
        self.maxDF = maxDF
        self.maxFeatures = maxFeatures
        self.binary = binary
        self.useIDF = useIDF
        self.smoothIDF = smoothIDF
        self.sublinearTF = sublinearTF
        self.norm = norm
    }

    /// Checks the ranges scikit-learn checks (counts ≥ 0, fractions in [0, 1], maxFeatures ≥ 1).
    public func validate() throws {
        for (name, bound) in [("minDF", minDF), ("maxDF", maxDF)] {
            switch bound {
            case .count(let c) where c < 0:
                throw VectorizerError(.invalidOptions, "\(name) must be a count ≥ 0, not \(c)")
            case .fraction(let f) where !(f >= 0 && f <= 1):
                throw VectorizerError(.invalidOptions, "\(name) must be a fraction in [0, 1], not \(f)")
            default: break
            }
        }
        if let m = maxFeatures, m < 1 { throw VectorizerError(.invalidOptions, "maxFeatures must be ≥ 1, not \(m)") }
    }

    /// The bound as a number of documents among `n` (a fraction f gives f·n, not rounded, as scikit-learn does).
    static func documents(_ bound: DocumentFrequency, of n: Int) -> Double {
        switch bound {
        case .count(let c): return Double(c)
        case .fraction(let f): return f * Double(n)
        }
    }
}
