import Tracker
/// Terminal column widths, so tables line up when Chinese text sits next to ASCII.
public enum DisplayWidth {
    /// Columns `text` occupies on one terminal line (newlines and other controls count 0).
    public static func of(_ text: String) -> Int {
        // Printable ASCII, most cells: a column a byte, without splitting the text into grapheme
        // clusters (that split was most of rendering a table: callgrind, docs/PERFORMANCE.md).
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if character.isASCII {
            // "\r\n" is one ASCII Character; like every control it has no width.
            guard let byte = character.asciiValue, byte >= 0x20, byte != 0x7F else { return 0 }
            return 1
        }
        let scalars = character.unicodeScalars
        let base = scalars.first!
        // Emoji are two columns when shown as pictures: by default or when asked with VS16.
        if base.properties.isEmojiPresentation { return 2 }
        if base.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
        // The base decides; marks, joiners and Hangul medial/final jamo that follow add nothing.
        return width(of: base)
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, from Unicode's EastAsianWidth.txt, merged.
    /// Emoji with default emoji presentation are caught earlier, so they are not listed.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // kana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,    // CJK extension A
        0x4DC0...0x4DFF,    // Yijing hexagrams (wide since Unicode 16)
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth ASCII and punctuation
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x16FF0...0x16FF1,
        0x17000...0x18CD5,  // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1B2FB,  // kana supplements, Nushu
        0x1F200...0x1F202,  // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= wideRanges[0].lowerBound else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
