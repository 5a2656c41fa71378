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
        #expect(try cli.succeed(["dashboard", "--out", file, "--as-of", "2025-10-01", "--lang", "en"]) == file + "\n")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        for id in ["summary", "visions", "actions", "milestone", "activity", "indicators"] {
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
        try cli.succeed(["dashboard", "--out", file, "--as-of", "2025-04-01", "--lang", "en"])
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("1 of 10 sessions held"))
        // The bundled plan is Chinese, so without --lang the labels are too.
        try cli.succeed(["dashboard", "--out", file, "--as-of", "2025-04-01"])
        let chinese = try String(contentsOfFile: file, encoding: .utf8)
        #expect(chinese.contains("<html lang=\"zh-Hans\">") && chinese.contains("已举办 1/10 期") && chinese.contains("<h2>十项行动</h2>"))
        try cli.refuse(["dashboard", "--out", file, "--lang", "fr"], "--lang")
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

    /// Runs headless Chromium on `arguments` and waits for it (90 s at most).
    static func chromium(_ arguments: [String], profile: String) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
            "--allow-file-access-from-files", "--user-data-dir=\(profile)",
        ] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            Issue.record("Chromium did not finish within 90 s")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A page that shows the dashboard in a frame `width` px wide (headless Chromium's window is
    /// at least 500 px) and writes onto its own body which elements stick out of the frame.
    static func probe(for page: String, width: Int) -> String {
        """
        <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="\(URL(fileURLWithPath: page).lastPathComponent)" style="width:\(width)px;height:5000px;border:0"></iframe>
        <script>
        document.getElementById('f').addEventListener('load', function () {
          var d = this.contentDocument, viewport = d.documentElement.clientWidth, wide = [];
          d.querySelectorAll('body *').forEach(function (e) {
            var r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > viewport + 0.5 || r.left < -0.5)) wide.push(e.tagName + '.' + (e.getAttribute('class') || ''));
          });
          document.body.setAttribute('data-viewport', String(viewport));
          document.body.setAttribute('data-scroll-width', String(d.documentElement.scrollWidth));
          document.body.setAttribute('data-overflow', wide.join(' '));
          var narrow = d.querySelector('.chart-narrow svg'), cards = d.querySelector('table.cards thead');
          document.body.setAttribute('data-narrow-chart', narrow && narrow.getBoundingClientRect().width > 0 ? 'shown' : 'hidden');
          document.body.setAttribute('data-table-head', cards && cards.getBoundingClientRect().height > 0 ? 'shown' : 'hidden');
        });
        </script></body></html>
        """
    }

    /// The page at 1280 px (a laptop) and 390 px (a phone): no element is wider than the viewport,
    /// phones get the cards and the narrow charts, and both screenshots are real pictures.
    /// Set PLANTRACK_DASHBOARD_PNG=prefix to keep them (prefix-1280.png, prefix-390.png).
    @Test(.enabled(if: chromium != nil, "Chromium is not installed"), .timeLimit(.minutes(3)))
    func rendersInHeadlessChromiumOnScreenAndPhone() throws {
        let cli = try Self.withData()
        defer { cli.cleanUp() }
        try cli.succeed(["progress", "add", "6", "Evidence of the fourth session, with a very long address attached", "--status", "in-progress",
                         "--date", "2025-09-03", "--evidence", "https://example.org/" + String(repeating: "a", count: 120)])
        let page = cli.path("dashboard.html")
        try cli.succeed(["dashboard", "--out", page, "--as-of", "2025-10-01"])

        for (width, narrow) in [(1280, false), (390, true)] {
            let probe = try cli.write("probe-\(width).html", Self.probe(for: page, width: width))
            guard let dom = try Self.chromium(
                ["--window-size=\(max(width, 500)),900", "--dump-dom", URL(fileURLWithPath: probe).absoluteString],
                profile: cli.path("chromium-\(width)")) else { return }
            let body = try #require(dom.firstMatch(of: /<body[^>]*>/)).output
            #expect(body.contains("data-viewport=\"\(width)\""), "\(width): \(body)")
            #expect(body.contains("data-scroll-width=\"\(width)\""), "\(width): page scrolls sideways: \(body)")
            #expect(body.contains("data-overflow=\"\""), "\(width): wider than the viewport: \(body)")
            #expect(body.contains("data-narrow-chart=\"\(narrow ? "shown" : "hidden")\""), "\(width): \(body)")
            #expect(body.contains("data-table-head=\"\(narrow ? "hidden" : "shown")\""), "\(width): \(body)")

            let png = cli.path("dashboard-\(width).png")
            let target = width == 1280 ? URL(fileURLWithPath: page).absoluteString : URL(fileURLWithPath: probe).absoluteString
            guard try Self.chromium(["--window-size=\(max(width, 500)),2400", "--screenshot=\(png)", target],
                                    profile: cli.path("chromium-shot-\(width)")) != nil else { return }
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
            #expect(bytes.count > 30_000, "the \(width) px screenshot looks empty (\(bytes.count) bytes)")
            if let keep = ProcessInfo.processInfo.environment["PLANTRACK_DASHBOARD_PNG"], !keep.isEmpty {
                try? FileManager.default.removeItem(atPath: "\(keep)-\(width).png")
                try FileManager.default.copyItem(atPath: png, toPath: "\(keep)-\(width).png")
            }
        }
    }
}
