import Testing

import Tracker
@testable import WebApp

struct WebHelpersTests {
    @Test func formBodyDecoding() {
        let form = FormBody("note=%E8%BF%9B%E5%B1%95+made&percent=40&empty=&bad=%ZZ&csrf=a&csrf=b")
        #expect(form["note"] == "进展 made")
        #expect(form["percent"] == "40")
        #expect(form["empty"] == "")
        #expect(form["bad"] == nil)
        #expect(form["csrf"] == "b")
    }

    @Test func languageChoice() {
        #expect(Language.choose(cookie: nil, acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .zh)
        #expect(Language.choose(cookie: nil, acceptLanguage: "fr-FR, en-GB;q=0.8") == .en)
        #expect(Language.choose(cookie: "zh", acceptLanguage: "en") == .zh)
        #expect(Language.choose(cookie: "xx", acceptLanguage: nil) == .en)
    }

    @Test func serverOptions() throws {
        let options = try ServerOptions(arguments: ["--db", "x.db", "--port", "0", "--public", "--behind-proxy"])
        #expect(options.databasePath == "x.db" && options.port == 0 && options.isPublic && options.secureCookies && options.host == "127.0.0.1")
        #expect(options.behindProxy && options.headerTimeout == 10)
        let tls = try ServerOptions(arguments: ["--tls", "--header-timeout", "2.5"])
        #expect(tls.secureCookies && !tls.behindProxy && tls.headerTimeout == 2.5)
        #expect(throws: (any Error).self) { try ServerOptions(arguments: ["--header-timeout", "0"]) }
        #expect(throws: (any Error).self) { try ServerOptions(arguments: ["--port", "70000"]) }
        #expect(throws: (any Error).self) { try ServerOptions(arguments: ["--what"]) }
    }

    /// Only a path on this site: browsers drop TAB and newlines inside a URL and read `\` as `/`.
    @Test func sameSitePaths() {
        for back in ["/\t/evil.example", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "evil", "", "/ /x"] {
            #expect(WebApp.sameSitePath(back) == "/", "\(back)")
        }
        #expect(WebApp.sameSitePath("/targets?as_of=2025-06-30") == "/targets?as_of=2025-06-30")
        // Beyond ASCII, percent-encoded: a Chinese search comes back to itself, and nothing is reread as a separator.
        #expect(WebApp.sameSitePath("/search?q=算力") == "/search?q=%E7%AE%97%E5%8A%9B")
        #expect(WebApp.sameSitePath("/é\u{2028}/x") == "/%C3%A9%E2%80%A8/x")
        #expect(WebApp.authority(of: "http://127.0.0.1:8080/login") == "127.0.0.1:8080")
        #expect(WebApp.authority(of: "HTTPS://Tracker.Example.org") == "tracker.example.org")
        #expect(WebApp.authority(of: "null") == nil)
        #expect(WebApp.authority(of: "http://user@evil.example/") == nil)
        #expect(Bidi.needsIsolation("Phase \u{202E}gnp.exe") && Bidi.needsIsolation("مرحبا") && !Bidi.needsIsolation("人工智能 2025"))
    }

    @Test func constantTimeComparison() {
        #expect(constantTimeEqual("abc", "abc"))
        #expect(!constantTimeEqual("abc", "abd"))
        #expect(!constantTimeEqual("abc", "ab"))
    }
}
