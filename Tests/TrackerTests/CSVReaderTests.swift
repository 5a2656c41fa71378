#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Tracker

private func readAll(_ reader: CSVReader) throws -> [CSVRecord] {
    var records: [CSVRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
}

private func parse(_ bytes: [UInt8]) throws -> [CSVRecord] { try readAll(CSVReader(bytes: bytes)) }
private func parse(_ text: String) throws -> [CSVRecord] { try parse(Array(text.utf8)) }
private func fields(_ text: String) throws -> [[String]] { try parse(text).map(\.fields) }

private func parseError(_ bytes: [UInt8]) -> CSVError? {
    do {
        _ = try parse(bytes)
        return nil
    } catch let error as CSVError {
        return error
    } catch {
        return nil
    }
}

/// Writes `text` to a fresh temporary file and returns its path.
private func temporaryFile(_ text: String) throws -> String {
    var template = Array("/tmp/plantrack-csvreader-XXXXXX.csv".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
    try #require(descriptor >= 0)
    let file = try #require(fdopen(descriptor, "wb"))
    let utf8 = Array(text.utf8)
    let written = utf8.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    try #require(written == utf8.count)
    return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

@Test func quotedFieldsSpanLinesAndRecordsKeepTheirStartingLine() throws {
    let records = try parse("action,note\n6,\"first line\nsecond line\nthird\"\n7,plain\n")
    #expect(records.map(\.fields) == [["action", "note"], ["6", "first line\nsecond line\nthird"], ["7", "plain"]])
    #expect(records.map(\.line) == [1, 2, 5])
}

@Test func embeddedQuotesAndCommas() throws {
    #expect(try fields("\"a, b\",\"say \"\"hi\"\"\",\"\"\"\"\n") == [["a, b", "say \"hi\"", "\""]])
    #expect(try fields("\"\",x,\"\"\n") == [["", "x", ""]])
}

@Test func byteOrderMarkIsStripped() throws {
    let records = try parse([0xEF, 0xBB, 0xBF] + Array("action,note\r\n1,培训\r\n".utf8))
    #expect(records.map(\.fields) == [["action", "note"], ["1", "培训"]])
    #expect(try parse([0xEF, 0xBB, 0xBF]).isEmpty)
}

@Test func crlfRecordsAndNewlinesKeptInsideQuotes() throws {
    let records = try parse("a,b\r\n\"x\r\ny\",\"p\rq\"\r\nlast,row\r\n")
    #expect(records.map(\.fields) == [["a", "b"], ["x\r\ny", "p\rq"], ["last", "row"]])
    #expect(records.map(\.line) == [1, 2, 5])  // "x\r\ny" and "p\rq" each add a line
}

@Test func loneCarriageReturnEndsARecord() throws {
    let records = try parse("a,b\rc,d\r")
    #expect(records.map(\.fields) == [["a", "b"], ["c", "d"]])
    #expect(records.map(\.line) == [1, 2])
}

@Test func endOfInputAndEmptyLines() throws {
    #expect(try fields("a,b\nc,d") == [["a", "b"], ["c", "d"]])  // no trailing newline
    #expect(try fields("a,b\n") == [["a", "b"]])  // the trailing newline adds no record
    #expect(try fields("a\n\nb\n") == [["a"], [""], ["b"]])  // an empty line is one empty field
    #expect(try fields("a,\n,\n") == [["a", ""], ["", ""]])
    #expect(try fields("a,") == [["a", ""]])
    #expect(try fields("\"q\"") == [["q"]])
    #expect(try fields("").isEmpty)
}

@Test func unterminatedQuoteReportsTheLineItStarted() {
    let error = parseError(Array("action,note\n1,\"never\nclosed\n".utf8))
    #expect(error == CSVError(line: 2, message: "unterminated quoted field"))
}

@Test func characterAfterClosingQuoteIsAnError() {
    let error = parseError(Array("a,b\n\"x\"y,z\n".utf8))
    #expect(error == CSVError(line: 2, message: "unexpected character after closing quote"))
}

@Test func invalidUTF8ReportsItsLine() {
    let bytes = Array("action,note\n1,ok\n2,\"multi\nline\"\n3,bad".utf8) + [0xFF] + Array("\n".utf8)
    #expect(parseError(bytes) == CSVError(line: 5, message: CSVError.notUTF8))
    // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
    #expect(parseError([0x61, 0x2C, 0xC0, 0xAF]) == CSVError(line: 1, message: CSVError.notUTF8))
    #expect(parseError([0x22, 0xED, 0xA0, 0x80, 0x22]) == CSVError(line: 1, message: CSVError.notUTF8))
    #expect(parseError([0xF0, 0x9F, 0x98]) == CSVError(line: 1, message: CSVError.notUTF8))  // truncated
}

@Test func unicodeFieldsSurviveIntact() throws {
    #expect(try fields("人工智能,“AI+”,👩‍👩‍👧,e\u{301}\n") == [["人工智能", "“AI+”", "👩‍👩‍👧", "e\u{301}"]])
}

@Test func missingFileCannotBeOpened() {
    #expect {
        _ = try CSVReader(path: "/nonexistent/plantrack/updates.csv")
    } throws: { error in
        guard let error = error as? CSVError else { return false }
        return error.line == 0 && error.message.hasPrefix("cannot open /nonexistent/plantrack/updates.csv")
    }
    #expect {
        _ = try CSVReader(path: "/")  // opens, but cannot be read
    } throws: { error in
        guard let error = error as? CSVError else { return false }
        return error.line == 0 && error.message.hasPrefix("cannot open /:")
    }
}

/// Quoted, multi-line, CRLF and Chinese records, so 64 KiB chunk boundaries fall everywhere.
private func generatedCSV(records: Int) -> String {
    var text = "action,reported_on,status,note,evidence_url,author\r\n"
    for index in 1...records {
        let note = switch index % 4 {
        case 0: "\"第\(index)期研讨会，\"\"AI+\"\"\""
        case 1: "plain note \(index)"
        case 2: "\"two\r\nlines \(index)\""
        default: "人工智能能力建设 \(index)"
        }
        text += "\(index % 10 + 1),2025-06-01,in-progress,\(note),https://example.org/\(index),分析员\r\n"
    }
    return text
}

@Test func streamsALargeFile() throws {
    let path = try temporaryFile(generatedCSV(records: 200_000))
    defer { unlink(path) }
    let reader = try CSVReader(path: path)
    var count = 0
    var middle: CSVRecord?
    var allHaveSixFields = true
    while let record = try reader.next() {
        count += 1
        if count == 100_001 { middle = record }  // the header is record 1
        allHaveSixFields = allHaveSixFields && record.fields.count == 6
    }
    #expect(count == 200_001)
    #expect(allHaveSixFields)
    let record = try #require(middle)
    #expect(record.fields == ["1", "2025-06-01", "in-progress", "第100000期研讨会，\"AI+\"", "https://example.org/100000", "分析员"])
    // Every fourth record before it (index % 4 == 2) spans two lines: 25,000 of them.
    #expect(record.line == 1 + 100_000 + 25_000)
}

@Test func chunkedFileReadingMatchesInMemoryReading() throws {
    let text = generatedCSV(records: 20_000)  // about 1.6 MB: some 25 chunk boundaries
    let path = try temporaryFile(text)
    defer { unlink(path) }
    let fromFile = try readAll(CSVReader(path: path))
    let fromMemory = try parse(text)
    #expect(fromFile.count == 20_001)
    #expect(fromFile.map(\.fields) == fromMemory.map(\.fields))
    #expect(fromFile.map(\.line) == fromMemory.map(\.line))
}

@Test func recordLongerThanAChunk() throws {
    let long = String(repeating: "能力建设, \"x\"\n", count: 20_000)  // ~300 KB in one field
    let escaped = String(repeating: "能力建设, \"\"x\"\"\n", count: 20_000)
    let path = try temporaryFile("a,b\n1,\"\(escaped)\"\n2,after\n")
    defer { unlink(path) }
    let records = try readAll(CSVReader(path: path))
    #expect(records.map(\.fields) == [["a", "b"], ["1", long], ["2", "after"]])
    #expect(records.map(\.line) == [1, 2, 20_003])
}
