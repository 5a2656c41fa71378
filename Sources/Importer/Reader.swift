/// A decoded file: its scalars and the range of each line (1-based line `n` is `lines[n - 1]`).
struct SourceText {
    var scalars: Scalars
    /// Line ranges without their terminators (`\n`, `\r\n`).
    var lines: [Range<Int>]
}

/// Turns bytes into validated text; every failure names the file (and the line when there is one).
enum Reader {
    static func decode(fileName: String, bytes: [UInt8]) throws -> SourceText {
        guard !bytes.isEmpty else { throw ImportError(file: fileName, message: "empty document") }
        if let nul = bytes.firstIndex(of: 0) {
            throw ImportError(file: fileName, line: lineNumber(of: nul, in: bytes), message: "binary file")
        }
        let scalars = try decodeUTF8(fileName: fileName, bytes: bytes)
        guard scalars.contains(where: { !$0.isWhitespaceOrNewline }) else {
            throw ImportError(file: fileName, message: "empty document")
        }
        return SourceText(scalars: scalars, lines: lineRanges(of: scalars))
    }

    /// Strict UTF-8 (no overlongs, surrogates or values above U+10FFFF); a leading BOM is dropped.
    /// The reported byte is the 0-based offset of the first byte of the bad sequence.
    private static func decodeUTF8(fileName: String, bytes: [UInt8]) throws -> Scalars {
        var scalars: Scalars = []
        scalars.reserveCapacity(bytes.count)
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let count = bytes.count
        func fail(_ offset: Int) -> ImportError {
            ImportError(file: fileName, line: lineNumber(of: offset, in: bytes), message: "invalid UTF-8 at byte \(offset)")
        }
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                index += 1
                continue
            }
            let length: Int
            var value: UInt32
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
            case 0xE0: length = 3; value = 0; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(lead & 0x0F)
            case 0xED: length = 3; value = 0x0D; secondRange = 0x80...0x9F
            case 0xF0: length = 4; value = 0; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4; value = UInt32(lead & 0x07)
            case 0xF4: length = 4; value = 4; secondRange = 0x80...0x8F
            default: throw fail(index)
            }
            guard index + length <= count else { throw fail(index) }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let allowed = offset == 1 ? secondRange : 0x80...0xBF
                guard allowed.contains(byte) else { throw fail(index) }
                value = (value << 6) | UInt32(byte & 0x3F)
            }
            guard let scalar = Unicode.Scalar(value) else { throw fail(index) }
            scalars.append(scalar)
            index += length
        }
        return scalars
    }

    private static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes[..<offset] where byte == 0x0A { line += 1 }
        return line
    }

    private static func lineRanges(of scalars: Scalars) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            let end = index > start && scalars[index - 1] == "\r" ? index - 1 : index
            lines.append(start..<end)
            start = index + 1
        }
        if start < scalars.count { lines.append(start..<scalars.count) }
        return lines
    }
}

/// YAML-style `key: value` front matter between `---` lines at the top of the file.
struct FrontMatter {
    var fields: [String: String] = [:]
    /// Index (0-based) of the first line after the front matter.
    var contentLineIndex = 0

    subscript(key: String) -> String? {
        guard let value = fields[key], !value.isEmpty else { return nil }
        return value
    }

    init() {}

    init(_ source: SourceText) {
        guard let first = source.lines.first, isFence(source, first) else { return }
        for lineIndex in 1..<min(source.lines.count, 200) {
            let line = source.lines[lineIndex]
            if isFence(source, line) {
                contentLineIndex = lineIndex + 1
                return
            }
            let text = source.scalars.string(source.scalars.trimmingWhitespace(line))
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = text[..<colon].trimming(characters: " \t").lowercased()
            var value = text[text.index(after: colon)...].trimming(characters: " \t")
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            fields[key] = value
        }
        // No closing fence: not front matter after all.
        fields = [:]
    }

    private func isFence(_ source: SourceText, _ line: Range<Int>) -> Bool {
        let trimmed = source.scalars.trimmingWhitespace(line)
        return source.scalars.string(trimmed) == "---"
    }
}

extension StringProtocol {
    func trimming(characters: String) -> String {
        var lower = startIndex
        var upper = endIndex
        while lower < upper, characters.contains(self[lower]) { lower = index(after: lower) }
        while upper > lower, characters.contains(self[index(before: upper)]) { upper = index(before: upper) }
        return String(self[lower..<upper])
    }
}
