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
        #expect(throws: (any Error).self) { try ServerOptions(arguments: ["--port", "70000"]) }
        #expect(throws: (any Error).self) { try ServerOptions(arguments: ["--what"]) }
    }

    @Test func constantTimeComparison() {
        #expect(constantTimeEqual("abc", "abc"))
        #expect(!constantTimeEqual("abc", "abd"))
        #expect(!constantTimeEqual("abc", "ab"))
    }
}
