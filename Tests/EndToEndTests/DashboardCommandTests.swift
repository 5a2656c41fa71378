import Foundation
import Testing

/// `plantrack dashboard` on the built binary: the page and its sections, escaping, atomic
/// replacement, refusals, and a headless-Chromium rendering when Chromium is installed.
@Suite struct DashboardCommandTests {
    static func withData() throws -> PlantrackProcess {
        let cli = try ProgressCommandTests.initialised()
        try cli.succeed(["progress", "add", "1", "<script>alert(1)</script> & done", "--status", "completed", "--date", "2025-03-01"])
        try cli.succeed(["progress", "add", "3", "Exchange visas delayed", "--status", "blocked", "--date", "2025-04-10"])
        try cli.succeed(["progress", "add", "4", "数据标注基地建设延迟", "--status", "at-risk", "--date", "2025-06-18"])
        for (date, place) in [("2025-03-18", "上海"), ("2025-05-20", "Nairobi"), ("2025-07-08", "Dhaka"), ("2025-09-02", "Tashkent")] {
            try cli.succeed(["training", "add", "--title", "AI capacity-building workshop", "--start", date, "--location", place,
                             "--participants", "40", "--countries", "18"])
        }
        return cli
    }

    @Test func writesOnePageWithEverySection() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        let file = cli.path("dashboard.html")
        #expect(try cli.succeed(["dashboard", "--out", file, "--as-of", "2025-10-01"]) == file + "\n")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        for id in ["summary", "actions", "milestone", "activity", "indicators"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.contains("<time datetime=\"2025-10-01\">2025-10-01</time>"))
        #expect(html.contains("4 of 10 sessions held"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; done"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        // Written through a temporary file that is gone once renamed.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".dashboard.html.") }
        #expect(leftovers.isEmpty)
        // Regenerating replaces the page.
        try cli.succeed(["dashboard", "--out", file, "--as-of", "2025-04-01"])
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("1 of 10 sessions held"))
    }

    @Test func unwritableTargetsAreRefused() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        try cli.refuse(["dashboard", "--out", cli.path("missing-folder/page.html")], "missing-folder/page.html: No such file or directory")
        try cli.refuse(["dashboard", "--out", cli.directory.path], "is a directory")
        try cli.refuse(["dashboard", "--out", cli.path("page.html"), "--as-of", "yesterday"], "--as-of")
    }

    static let chromium: String? = {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Renders the page as a browser would. Set PLANTRACK_DASHBOARD_PNG=path to keep the picture.
    @Test(.enabled(if: chromium != nil, "Chromium is not installed"), .timeLimit(.minutes(2)))
    func rendersInHeadlessChromium() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        let page = cli.path("dashboard.html")
        let png = cli.path("dashboard.png")
        try cli.succeed(["dashboard", "--out", page, "--as-of", "2025-10-01"])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(cli.path("chromium-profile"))", "--window-size=1200,2600", "--screenshot=\(png)",
            URL(fileURLWithPath: page).absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("Chromium did not finish within 90 s")
            return
        }

        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        let width = bytes.count > 24 ? bytes[16..<20].reduce(0) { $0 << 8 | Int($1) } : 0
        #expect(width == 1200)
        #expect(bytes.count > 30_000, "the screenshot looks empty (\(bytes.count) bytes)")
        if let keep = ProcessInfo.processInfo.environment["PLANTRACK_DASHBOARD_PNG"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: png, toPath: keep)
        }
    }
}
