import Glibc
import Storage
import Testing

@testable import Tracker

@Suite struct ProgressImportUnitTests {
    /// The byte-by-byte check of an ASCII URL answers as the check by Characters does; quotes and
    /// angle brackets never link (a URL may not hold them unescaped).
    @Test func asciiURLCheckAgreesWithTheGeneralOne() {
        let cases = [
            "https://example.org/x", "http://example.org", "HTTPS://EXAMPLE.ORG/a b", "HtTp://x", "https://", "http:///x",
            "https:///", "ftp://example.org", "https:/example.org", "http://a\tb", "http://a\nb", "http://a\r\nb",
            "http://a\u{7F}b", "http://a\u{1B}[31m", "https://a/b?c=d#e", "http:", "", "h", "https://\u{0C}x",
            "http://x\u{0B}", "https://example.org/", " https://example.org", "https://example.org ",
            "https://x.org/\"onmouseover", "https://x.org/<script>", "https://x.org/a>b",
        ]
        for text in cases {
            #expect(WebLink.isLinkable(ascii: text) == WebLink.isLinkable(characters: text), "\(text.debugDescription)")
        }
        #expect(cases.filter { WebLink.isLinkable(ascii: $0) } == [
            "https://example.org/x", "http://example.org", "HtTp://x", "https://a/b?c=d#e", "https://example.org/",
        ])
    }

    /// Imports run one after another on one connection (the staging database is attached and
    /// detached each time, also after a refused file), and the page cache is put back.
    @Test func importsInARowOnOneConnection() throws {
        let fixture = try TrackerFixture()
        let directory = "/tmp/plantrack-import-unit-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(directory, 0o700)
        defer {
            for name in ["good.csv", "bad.csv", "more.csv"] { unlink("\(directory)/\(name)") }
            rmdir(directory)
        }
        func write(_ name: String, _ text: String) -> String {
            let path = "\(directory)/\(name)"
            let file = fopen(path, "w")!
            fputs(text, file)
            fclose(file)
            return path
        }
        let header = "action,reported_on,status,note,evidence_url\n"
        let good = write("good.csv", header + "1,2025-01-02,in-progress,first,https://example.org/1\n2,2025-01-03,at-risk,second,\n")
        let bad = write("bad.csv", header + "1,2025-01-04,in-progress,fine,\n9,2025-13-01,done,,ftp://x\n")
        let more = write("more.csv", header + "3,2025-01-05,completed,third,HTTP://EXAMPLE.ORG\n")
        let cacheSize = try fixture.db.scalarInt("PRAGMA main.cache_size")
        #expect(try fixture.tracker.importProgress(ImportProgressRequest(path: good)).updates == 2)
        let failure = try #require(throws: ProgressImport.Failure.self) {
            try fixture.tracker.importProgress(ImportProgressRequest(path: bad, displayName: "bad.csv"))
        }
        #expect(failure.total == 5)  // action, date, status, empty note, URL
        #expect(failure.problems.first == "bad.csv:3: action: action 9 does not exist in plan test-plan (it has actions 1–3)")
        #expect(try fixture.tracker.importProgress(ImportProgressRequest(path: more)).updates == 1)
        #expect(try fixture.db.fetchAll("SELECT note, reported_on, evidence_url FROM progress_updates ORDER BY id") {
            "\($0.string(at: 0)) \($0.string(at: 1)) \($0.optionalString(at: 2) ?? "-")"
        } == ["first 2025-01-02 https://example.org/1", "second 2025-01-03 -", "third 2025-01-05 HTTP://EXAMPLE.ORG"])
        #expect(try !fixture.db.fetchAll("PRAGMA database_list") { $0.string(at: 1) }.contains("import_staging"))
        #expect(try fixture.db.scalarInt("PRAGMA main.cache_size") == cacheSize)
    }
}
