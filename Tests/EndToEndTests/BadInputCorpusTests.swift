import Foundation
import Testing

/// Runs every case of Tests/Fixtures/bad-inputs/MANIFEST on the built binary: each bad argument,
/// CSV file, plan document or database file must be refused with its exit status, its message and
/// exactly one line on stderr (a CSV report: one per bad line plus a summary), and must leave the
/// database byte-identical (sha256 of `sqlite3 DB .dump`) and every named file untouched.
@Suite(.serialized) struct BadInputCorpusTests {
    static let folder = PlantrackProcess.root.appendingPathComponent("Tests/Fixtures/bad-inputs")

    struct Case: CustomStringConvertible {
        var name: String
        var exitStatus: Int32
        var stderrLines: Int
        var fragment: String
        var arguments: [String]
        var line: Int

        var description: String { "\(name) (MANIFEST:\(line))" }
    }

    enum ManifestError: Error, CustomStringConvertible {
        case malformed(line: Int, String)
        var description: String {
            switch self { case .malformed(let line, let why): "MANIFEST:\(line): \(why)" }
        }
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: folder.appendingPathComponent("MANIFEST"), encoding: .utf8)
        var cases: [Case] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = try Self.words(line, line: index + 1)
            guard words.count >= 4 else { throw ManifestError.malformed(line: index + 1, "expected NAME EXIT 'fragment' ARGUMENTS…") }
            let status = words[1].split(separator: "/")
            guard let exit = Int32(status[0]), let lines = status.count > 1 ? Int(status[1]) : 1 else {
                throw ManifestError.malformed(line: index + 1, "bad EXIT[/LINES] '\(words[1])'")
            }
            cases.append(Case(name: words[0], exitStatus: exit, stderrLines: lines, fragment: words[2],
                              arguments: Array(words.dropFirst(3)), line: index + 1))
        }
        return cases
    }

    /// Shell-like words: blanks separate; '…' is literal; "…" takes \" \\ \n \t \e (ESC) escapes.
    static func words(_ text: String, line: Int) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            switch character {
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw ManifestError.malformed(line: line, "unterminated '") }
                    if next == "'" { break }
                    current.append(next)
                }
            case "\"":
                inWord = true
                while true {
                    guard let next = iterator.next() else { throw ManifestError.malformed(line: line, "unterminated \"") }
                    if next == "\"" { break }
                    if next == "\\" {
                        guard let escaped = iterator.next() else { throw ManifestError.malformed(line: line, "dangling \\") }
                        switch escaped {
                        case "n": current.append("\n")
                        case "t": current.append("\t")
                        case "e": current.append("\u{1B}")
                        default: current.append(escaped)
                        }
                    } else {
                        current.append(next)
                    }
                }
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func manifestHasEnoughCasesWithUniqueNames() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 60)
        #expect(Set(cases.map(\.name)).count == cases.count)
    }

    @Test func everyBadInputIsRefusedAndChangesNothing() throws {
        let cases = try Self.cases()
        let cli = try PlantrackProcess()
        defer { cli.cleanUp() }
        try cli.succeed(["init"])
        try cli.succeed(["progress", "add", "1", "First meeting", "--date", "2025-01-10"])
        try cli.succeed(["progress", "correct", "1", "First meeting, corrected"])
        try cli.succeed(["training", "add", "--title", "AI workshop", "--start", "2025-05-10", "--location", "Beijing"])

        // A copy of the fixtures (a case that wrongly wrote to one would not touch the repository),
        // the generated inputs, and a folder that must stay empty.
        let dir = cli.path("fixtures")
        try FileManager.default.copyItem(atPath: Self.folder.path, toPath: dir)
        let gen = cli.path("generated")
        try FileManager.default.createDirectory(atPath: gen, withIntermediateDirectories: true)
        try Self.generateInputs(in: gen, template: cli.database)
        let tmp = cli.path("empty")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)

        func substitute(_ text: String) -> String {
            var text = text.replacingOccurrences(of: "{dir}", with: dir)
                .replacingOccurrences(of: "{gen}", with: gen)
                .replacingOccurrences(of: "{tmp}", with: tmp)
                .replacingOccurrences(of: "{root}", with: PlantrackProcess.root.path)
            while let range = text.range(of: #"\{(.)\*(\d+)\}"#, options: .regularExpression) {
                let token = text[range]
                let character = token[token.index(after: token.startIndex)]
                let count = Int(token.dropFirst(3).dropLast()) ?? 0
                text.replaceSubrange(range, with: String(repeating: character, count: count))
            }
            return text
        }

        var dump = try cli.dump()
        var refusedUnchanged = 0
        for item in cases {
            let arguments = item.arguments.map(substitute)
            let fragment = substitute(item.fragment)
            // Files the case names must come out as they went in.
            let named = arguments.filter { ($0.hasPrefix(dir) || $0.hasPrefix(gen)) && Self.isFile($0) }
            let before = try named.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            let databaseBefore = FileManager.default.contents(atPath: cli.database)

            let result = try cli.run(arguments.contains("--db") ? arguments : ["--db", cli.database] + arguments,
                                     useDatabase: false)

            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(result.status == item.exitStatus, "\(item): exit \(result.status), stderr: \(result.stderr.prefix(300))")
            #expect(result.stdout.isEmpty, "\(item): stdout: \(result.stdout.prefix(300))")
            #expect(lines.count == item.stderrLines, "\(item): \(lines.count) stderr lines: \(result.stderr.prefix(600))")
            #expect(lines.last?.hasPrefix("plantrack: error: ") == true, "\(item): \(result.stderr.prefix(300))")
            #expect(result.stderr.contains(fragment), "\(item): '\(fragment)' not in: \(result.stderr.prefix(600))")

            // Equal dumps are equal sha256s of them; comparing the text skips hashing 200 KB a case.
            // The file itself, byte for byte (read before the dump below opens it again), and its content.
            let byteIdentical = FileManager.default.contents(atPath: cli.database) == databaseBefore
            #expect(byteIdentical, "\(item): the database file's bytes changed")
            let after = try cli.dump()
            let unchanged = after == dump
            #expect(unchanged, "\(item): the database changed (dump sha256 \(sha256Hex(Data(dump.utf8))) → \(sha256Hex(Data(after.utf8))))")
            dump = after
            #expect(try named.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before, "\(item): a named file changed")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp)
            #expect(leftovers.isEmpty, "\(item): created \(leftovers)")
            let namedUnchanged = try named.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before
            if result.status == item.exitStatus, result.status != 0, byteIdentical, unchanged, namedUnchanged, leftovers.isEmpty {
                refusedUnchanged += 1
            }
            for leftover in leftovers { try FileManager.default.removeItem(atPath: tmp + "/" + leftover) }
        }
        Reliability.report("bad inputs: \(cases.count) tried, \(refusedUnchanged) refused in one line with the database file byte-identical")
    }

    /// The inputs too big (or too database-specific) to commit.
    static func generateInputs(in gen: String, template: String) throws {
        // 50 MB lines in the full suite (`make reliability`); 1 MB keeps `make test` quick.
        let huge = Reliability.size(reduced: 1_000_000, full: 50_000_000)
        let header = "action,reported_on,status,note,evidence_url,author\n"
        try write(gen + "/huge-line.csv", header + "1,2025-01-10,in-progress," + String(repeating: "x", count: huge) + ",,\n")
        try write(gen + "/huge-author.csv", header + "1,2025-01-10,in-progress,note,," + String(repeating: "x", count: huge) + "\n")
        try write(gen + "/huge-line.txt", "# 人工智能能力建设普惠计划\n\n十项行动：\n\n* " + String(repeating: "很", count: huge / 3) + "\n")
        try write(gen + "/repeated-markers.txt", "# 人工智能能力建设普惠计划\n\n十项行动：\n\n" + String(repeating: "（一）", count: 100_000) + "\n")
        try write(gen + "/repeated-numerals.txt", "# 人工智能能力建设普惠计划\n\n十项行动：\n\n"
                  + String(repeating: "* 一、二、三、四、五、六、七、八、九、十、", count: 10_000) + "\n")
        var lastLineBad = header
        for index in 0..<500 { lastLineBad += "\(index % 10 + 1),2025-01-10,in-progress,row \(index),,\n" }
        try write(gen + "/last-line-bad.csv", lastLineBad + "3,2025-01-10,in-progress,,,\n")

        // Databases whose migration history plantrack must refuse.
        for (name, sql) in [
            ("newer-schema.db", "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99, 'future', 'x', '2030-01-01T00:00:00Z')"),
            ("tampered.db", "UPDATE schema_migrations SET checksum = '0000' WHERE version = 1"),
            ("old-schema.db", "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)"),
        ] {
            let path = gen + "/" + name
            try FileManager.default.copyItem(atPath: template, toPath: path)
            _ = try PlantrackProcess.sqlite(path, sql)
        }
    }

    static func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
