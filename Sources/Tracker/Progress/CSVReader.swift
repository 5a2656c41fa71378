#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One CSV record and the physical line it starts on, for error messages.
public struct CSVRecord: Sendable {
    public var fields: [String]
    /// 1-based physical line where the record starts.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

public struct CSVError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// Excel saves "CSV (Comma delimited)" in the system code page (GBK on Chinese Windows); say
    /// how to get UTF-8 instead of only that the bytes are wrong.
    public static let notUTF8 = #"invalid UTF-8: the file is not saved as UTF-8 (GBK?); in Excel choose File > Save As > "CSV UTF-8 (Comma delimited)", or convert it with `iconv -f GBK -t UTF-8`"#
}

/// A streaming RFC 4180 reader: fixed-size reads, so memory stays at one chunk plus the
/// longest record however large the file is.
///
/// Quoted fields may hold commas, doubled quotes and CR/LF/CRLF (kept as-is). Records end in
/// LF, CRLF or a lone CR. A UTF-8 BOM is skipped. A quote inside an unquoted field is taken
/// literally, as spreadsheets write it.
public final class CSVReader {
    private static let chunkSize = 64 * 1024

    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Unconsumed bytes are buffer[position..<filled].
    private var position = 0
    private var filled = 0
    private var atEndOfInput = false
    private var checkedForBOM = false
    /// Physical line of buffer[position].
    private var line = 1
    private var failure: CSVError?
    /// Reused for quoted fields with doubled quotes, the only fields that need rewriting.
    private var unescaped: [UInt8] = []
    private var expectedFieldCount = 8

    public init(path: String) throws {
        guard let file = fopen(path, "rb") else {
            throw CSVError(line: 0, message: "cannot open \(path): \(Self.describeErrno())")
        }
        self.file = file
        capacity = Self.chunkSize
        buffer = .allocate(capacity: capacity)
        // Read the first chunk now, so an unreadable path (a directory, say) fails here.
        do {
            try refill()
        } catch {
            throw CSVError(line: 0, message: "cannot open \(path): \(error.message)")
        }
    }

    public init(bytes: [UInt8]) {
        capacity = max(bytes.count, 1)
        buffer = .allocate(capacity: capacity)
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.initialize(from: base, count: source.count) }
        }
        filled = bytes.count
        atEndOfInput = true
    }

    deinit {
        if let file { fclose(file) }
        buffer.deallocate()
    }

    /// The next record, or nil at the end of the input.
    public func next() throws -> CSVRecord? {
        if let failure { throw failure }
        do {
            try skipBOM()
            while true {
                switch try parseRecord() {
                case .record(let fields, let end, let nextLine):
                    let record = CSVRecord(fields: fields, line: line)
                    position = end
                    line = nextLine
                    expectedFieldCount = fields.count
                    return record
                case .endOfInput:
                    return nil
                case .needMoreInput:
                    try refill()
                }
            }
        } catch {
            failure = error
            throw error
        }
    }

    private enum Outcome {
        case record([String], end: Int, nextLine: Int)
        case needMoreInput
        case endOfInput
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Parses the record at `position`. When the buffer ends before the record does, it asks for
    /// more input and is run again from the record's start once the buffer holds more; the
    /// buffer grows geometrically so that re-parsing stays linear overall.
    private func parseRecord() throws(CSVError) -> Outcome {
        let base = UnsafePointer(buffer)
        let end = filled
        let final = atEndOfInput
        var index = position
        if index == end { return final ? .endOfInput : .needMoreInput }
        var line = self.line
        var fields: [String] = []
        fields.reserveCapacity(expectedFieldCount)

        while true {
            let fieldLine = line
            if index == end {  // only after a comma that ends the input or the buffer
                if !final { return .needMoreInput }
                fields.append("")
                return .record(fields, end: index, nextLine: line)
            }
            var highBits: UInt64 = 0
            if base[index] == Self.quote {
                index += 1
                let contentStart = index
                var hasDoubledQuotes = false
                while true {
                    index = Self.firstIndex(of: Self.quote, Self.lineFeed, Self.carriageReturn,
                                            in: base, from: index, to: end, highBits: &highBits)
                    if index == end {
                        if final { throw CSVError(line: fieldLine, message: "unterminated quoted field") }
                        return .needMoreInput
                    }
                    let byte = base[index]
                    if byte == Self.lineFeed {
                        line += 1
                        index += 1
                    } else if byte == Self.carriageReturn {
                        if index + 1 < end {
                            if base[index + 1] == Self.lineFeed { index += 1 }
                        } else if !final {
                            return .needMoreInput  // a CRLF may be split across reads
                        }
                        line += 1
                        index += 1
                    } else if index + 1 < end, base[index + 1] == Self.quote {
                        hasDoubledQuotes = true
                        index += 2
                    } else if index + 1 == end, !final {
                        return .needMoreInput  // the next read may start with the quote's twin
                    } else {
                        break
                    }
                }
                let content = UnsafeBufferPointer(start: base + contentStart, count: index - contentStart)
                index += 1  // the closing quote
                let isASCII = highBits & 0x8080_8080_8080_8080 == 0
                fields.append(try hasDoubledQuotes
                    ? unescapedString(content, isASCII: isASCII, line: fieldLine)
                    : Self.string(content, isASCII: isASCII, line: fieldLine))
                if index < end {
                    let byte = base[index]
                    if byte == Self.comma {
                        index += 1
                        continue
                    } else if byte != Self.lineFeed && byte != Self.carriageReturn {
                        throw CSVError(line: line, message: "unexpected character after closing quote")
                    }
                }
            } else {
                let fieldStart = index
                index = Self.firstIndex(of: Self.comma, Self.lineFeed, Self.carriageReturn,
                                        in: base, from: index, to: end, highBits: &highBits)
                if index == end, !final { return .needMoreInput }
                let content = UnsafeBufferPointer(start: base + fieldStart, count: index - fieldStart)
                fields.append(try Self.string(content, isASCII: highBits & 0x8080_8080_8080_8080 == 0, line: fieldLine))
                if index < end, base[index] == Self.comma {
                    index += 1
                    continue
                }
            }
            // At a record terminator, or at the end of the input.
            if index < end {
                if base[index] == Self.carriageReturn {
                    if index + 1 < end {
                        if base[index + 1] == Self.lineFeed { index += 1 }
                    } else if !final {
                        return .needMoreInput
                    }
                }
                index += 1
                line += 1
            }
            return .record(fields, end: index, nextLine: line)
        }
    }

    /// The index of the first of `a`, `b` or `c` in base[start..<end], or `end`. The bytes passed
    /// over are ORed into `highBits`, so the caller can skip UTF-8 validation of pure ASCII.
    /// Eight bytes are tested at a time with the SWAR "has zero byte" trick.
    @inline(__always)
    private static func firstIndex(of a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>,
                                   from start: Int, to end: Int, highBits: inout UInt64) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let (patternA, patternB, patternC) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c))
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        var index = start
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
            let matches = zeroBytes(word ^ patternA) | zeroBytes(word ^ patternB) | zeroBytes(word ^ patternC)
            if matches != 0 {
                // The lowest flagged byte is always a true match; borrows only flag bytes above one.
                let offset = matches.trailingZeroBitCount >> 3
                highBits |= word & ((1 &<< UInt64(offset * 8)) &- 1)
                return index + offset
            }
            highBits |= word
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == a || byte == b || byte == c { return index }
            highBits |= UInt64(byte)
            index += 1
        }
        return index
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, line: Int) throws(CSVError) -> String {
        if bytes.isEmpty { return "" }
        // The stdlib's String(validating:as:) runs unspecialized here (generic-metadata lookups
        // per field cost more than the parsing), so validate first and then decode, which then
        // has nothing to repair.
        guard isASCII || isValidUTF8(bytes) else { throw CSVError(line: line, message: CSVError.notUTF8) }
        // NUL is valid UTF-8 but never text: a binary file or a damaged export, and C tools
        // (the sqlite3 shell among them) would cut the value short at it.
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            throw CSVError(line: line, message: "NUL byte (is this a binary file?)")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A quoted field's content with each doubled quote made single.
    private func unescapedString(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, line: Int) throws(CSVError) -> String {
        // Borrow the scratch buffer into a local: one exclusivity check instead of one per append.
        var scratch: [UInt8] = []
        swap(&scratch, &unescaped)
        defer { swap(&scratch, &unescaped) }
        scratch.removeAll(keepingCapacity: true)
        guard let base = bytes.baseAddress else { return "" }
        var ignored: UInt64 = 0
        var start = 0
        while true {
            let quoteIndex = Self.firstIndex(of: Self.quote, Self.quote, Self.quote, in: base,
                                             from: start, to: bytes.count, highBits: &ignored)
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: quoteIndex - start))
            if quoteIndex == bytes.count { break }
            scratch.append(Self.quote)
            start = quoteIndex + 2
        }
        return try scratch.withUnsafeBufferPointer { buffer throws(CSVError) in
            try Self.string(buffer, isASCII: isASCII, line: line)
        }
    }

    /// Well-formed UTF-8 per the Unicode Standard, table 3-7 (no overlongs, surrogates or values
    /// past U+10FFFF); ASCII is skipped eight bytes at a time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        func isContinuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            guard index + offset < count else { return false }
            let byte = base[index + offset]
            return byte >= low && byte <= high
        }
        while index < count {
            if index + 8 <= count,
               UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            let length: Int
            switch lead {
            case 0x00...0x7F:
                length = 1
            case 0xC2...0xDF:
                guard isContinuation(1) else { return false }
                length = 2
            case 0xE0:
                guard isContinuation(1, 0xA0, 0xBF), isContinuation(2) else { return false }
                length = 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard isContinuation(1), isContinuation(2) else { return false }
                length = 3
            case 0xED:
                guard isContinuation(1, 0x80, 0x9F), isContinuation(2) else { return false }
                length = 3
            case 0xF0:
                guard isContinuation(1, 0x90, 0xBF), isContinuation(2), isContinuation(3) else { return false }
                length = 4
            case 0xF1...0xF3:
                guard isContinuation(1), isContinuation(2), isContinuation(3) else { return false }
                length = 4
            case 0xF4:
                guard isContinuation(1, 0x80, 0x8F), isContinuation(2), isContinuation(3) else { return false }
                length = 4
            default:
                return false
            }
            index += length
        }
        return true
    }

    private func skipBOM() throws(CSVError) {
        guard !checkedForBOM else { return }
        while filled - position < 3, !atEndOfInput { try refill() }
        checkedForBOM = true
        if filled - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
        }
    }

    /// Keeps the unconsumed bytes, moved to the front, and reads more after them; grows the
    /// buffer when a single record fills more than half of it.
    private func refill() throws(CSVError) {
        guard let file, !atEndOfInput else {
            atEndOfInput = true
            return
        }
        let kept = filled - position
        if position > 0 {
            if kept > 0 { memmove(buffer, buffer + position, kept) }
            position = 0
            filled = kept
        }
        if kept > capacity / 2 {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.initialize(from: buffer, count: kept)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = fread(buffer + filled, 1, capacity - filled, file)
        filled += count
        if count == 0 {
            if ferror(file) != 0 {
                throw CSVError(line: line, message: "read error: \(Self.describeErrno())")
            }
            atEndOfInput = true
        }
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}
