import Foundation
import LedeParallel

/// The class of a scalar for Lede's own tokenizer rules.
@usableFromInline
enum LedeScalarClass: UInt32 {
    case other = 0, letter, number, mark, apostrophe, hyphen, numberJoiner, whitespace, ignorable, urlStop
}

/// Per-scalar facts the tokenizers need, computed once from `Unicode.Scalar.Properties`: the lower-case
/// mapping as Python's `str.lower()` applies it, whether a scalar is a Python `\w` character, the two
/// properties the final-sigma rule reads, and the class Lede's own rules use. The Basic Multilingual Plane
/// is one flat table of 32-bit entries (256 KiB); scalars above it are computed when met.
@usableFromInline
struct ScalarTable: Sendable {
    /// Bits 0-20: the lower-case scalar, when lower-casing gives a single scalar.
    @usableFromInline static let lowerMask: UInt32 = 0x1F_FFFF
    /// Python's `\w` holds for the lower-case scalar.
    @usableFromInline static let lowerIsWord: UInt32 = 1 << 21
    /// Lower-casing needs the slow path: it gives several scalars, or it is the capital sigma.
    @usableFromInline static let special: UInt32 = 1 << 22
    /// Unicode's `Cased` property.
    @usableFromInline static let cased: UInt32 = 1 << 23
    /// Unicode's `Case_Ignorable` property.
    @usableFromInline static let caseIgnorable: UInt32 = 1 << 24
    /// Python's `\w` holds for the scalar itself.
    @usableFromInline static let isWord: UInt32 = 1 << 25
    /// Bits 26-29: the `LedeScalarClass`.
    @usableFromInline static let classShift: UInt32 = 26

    @usableFromInline let bmp: [UInt32]
    @usableFromInline let limit: UnicodeVersion?
    /// For each byte: its lower-case form when it is an ASCII Python `\w` character, else 0 (all bytes ≥ 0x80).
    @usableFromInline let asciiWordLower: [UInt8]

    init(limit: UnicodeVersion?) {
        self.limit = limit
        let bmp = (0..<0x10000).map { Self.computeEntry(UInt32($0), limit: limit) }
        self.bmp = bmp
        asciiWordLower = (0..<256).map { b in
            b < 0x80 && bmp[b] & Self.lowerIsWord != 0 ? UInt8(truncatingIfNeeded: bmp[b] & Self.lowerMask) : 0
        }
    }

    /// The table for Swift's own Unicode data.
    static let standard = ScalarTable(limit: nil)
    /// Tables for Unicode versions other than Swift's, built on first use.
    private static let limited = LockedValue<[UnicodeVersion: ScalarTable]>([:])

    /// The table treating scalars assigned after `limit` as unassigned (nil: Swift's own Unicode data). Built once per version.
    static func table(limit: UnicodeVersion?) -> ScalarTable {
        guard let limit else { return standard }
        return limited.withLock { tables in
            if let table = tables[limit] { return table }
            let table = ScalarTable(limit: limit)
            tables[limit] = table
            return table
        }
    }

    /// The entry of any scalar value (the BMP from the table, others computed).
    @inlinable @inline(__always)
    func entry(_ value: UInt32, _ bmp: UnsafeBufferPointer<UInt32>) -> UInt32 {
        value < 0x10000 ? bmp[Int(value)] : Self.computeEntry(value, limit: limit)
    }

    /// The scalars `value` lower-cases to (full mapping; the capital sigma is not handled here).
    func lowercaseScalars(_ value: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(value), Self.isAssigned(scalar, limit: limit) else { return [value] }
        return scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
    }

    static func isAssigned(_ scalar: Unicode.Scalar, limit: UnicodeVersion?) -> Bool {
        guard let limit else { return true }
        guard let age = scalar.properties.age else { return false }
        return UnicodeVersion(age.major, age.minor) <= limit
    }

    /// Python's `\w`: `str.isalnum()` (letters Lu/Ll/Lt/Lm/Lo, or any numeric type) or the underscore.
    static func isPythonWord(_ scalar: Unicode.Scalar, limit: UnicodeVersion?) -> Bool {
        guard isAssigned(scalar, limit: limit) else { return false }
        return isPythonWord(scalar, category: scalar.properties.generalCategory)
    }

    /// `isPythonWord` of an assigned scalar whose general category is known.
    private static func isPythonWord(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Bool {
        if scalar.value == 0x5F { return true }
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    static func ledeClass(_ scalar: Unicode.Scalar) -> LedeScalarClass {
        ledeClass(scalar, category: scalar.properties.generalCategory)
    }

    /// `ledeClass` of a scalar whose general category is known.
    private static func ledeClass(_ scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> LedeScalarClass {
        switch scalar.value {
        case 0x27, 0x2018, 0x2019, 0x02BC, 0xFF07: return .apostrophe
        case 0x2D, 0x2010, 0x2011: return .hyphen
        case 0x2E, 0x2C: return .numberJoiner
        case 0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF: return .ignorable
        case 0x3C, 0x3E, 0x22, 0x60, 0x7B, 0x7C, 0x7D, 0x5C, 0x5E, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB:
            return .urlStop
        default: break
        }
        if scalar.properties.isWhitespace { return .whitespace }
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .decimalNumber, .letterNumber, .otherNumber: return .number
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .control, .format, .lineSeparator, .paragraphSeparator: return .whitespace
        default: return .other
        }
    }

    @usableFromInline
    static func computeEntry(_ value: UInt32, limit: UnicodeVersion?) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return value }
        guard isAssigned(scalar, limit: limit) else {
            return value | (LedeScalarClass.other.rawValue << classShift)
        }
        let properties = scalar.properties
        var entry: UInt32 = 0
        var lower = value
        if value == 0x3A3 {
            entry |= special
        } else if properties.changesWhenLowercased {
            let mapped = properties.lowercaseMapping.unicodeScalars
            if mapped.count == 1, let first = mapped.first {
                lower = first.value
            } else {
                entry |= special
            }
        }
        entry |= lower & lowerMask
        // The general category is read once and shared by the word test and the class.
        let category = properties.generalCategory
        let word = isPythonWord(scalar, category: category)
        if entry & special == 0, let lowerScalar = Unicode.Scalar(lower),
           lower == value ? word : isPythonWord(lowerScalar, limit: limit) {
            entry |= lowerIsWord
        }
        if word { entry |= isWord }
        if properties.isCased { entry |= cased }
        if properties.isCaseIgnorable { entry |= caseIgnorable }
        entry |= ledeClass(scalar, category: category).rawValue << classShift
        return entry
    }
}
