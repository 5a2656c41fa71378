import Foundation
import Testing
@testable import DocumentFormats

/// The repository root: this file lives in <root>/Tests/DocumentFormatsTests.
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/formats/" + name)))
}

private func outline(_ name: String) throws -> Outline {
    let bytes = try fixture(name)
    let format: DocumentFormat = name.hasSuffix(".pdf") ? .pdf : name.hasSuffix(".docx") ? .docx : .html
    return try format.read(bytes, fileName: name)
}

private func refusal(_ name: String) -> String? {
    do {
        _ = try outline(name)
        return nil
    } catch let error as ConversionError {
        return error.message
    } catch {
        return "\(error)"
    }
}

/// Each reader against the fixture plan kept in every format (scripts/make_format_fixtures.py).
@Suite struct FormatReaderTests {
    /// The Markdown original, as the readers should give it back: the same front matter and blocks.
    private var markdown: String { get throws { String(decoding: try fixture("compute-plan.md"), as: UTF8.self) } }

    @Test func aSavedPageGivesBackTheMarkdownOriginal() throws {
        let page = try outline("compute-plan.html")
        #expect(page.render().text == (try markdown))
        #expect(page.render().pages == [])
    }

    @Test func aGB2312PageReadsAsItsUTF8Twin() throws {
        let gb = try outline("compute-plan-gb2312.html")
        #expect(gb.render().text == (try markdown))
        #expect(gb.dropped == (try outline("compute-plan.html")).dropped)
    }

    @Test func aGovCNPageInGBKReadsAsItsUTF8Twin() throws {
        let gbk = try outline("govcn-notice-gbk.html")
        let utf8 = try outline("govcn-notice.html")
        #expect(gbk == utf8)
        #expect(gbk.title == "关于加快推进数据要素市场建设的实施方案")
        #expect(gbk.publisher == "国务院办公厅")
        #expect(gbk.date == "2025-02-14")
        // Bold centred paragraphs are gov.cn's headings: the first is the title, the others sections.
        #expect(gbk.blocks.first?.block == .heading(1, "关于加快推进数据要素市场建设的实施方案"))
        #expect(gbk.blocks.contains { $0.block == .heading(2, "二、培育数据要素市场主体") })
        #expect(gbk.dropped.contains("首页 > 政策 > 国务院政策文件库 > 国务院文件"))
    }

    @Test func aStrayByteInAGBKPageLosesOnlyItself() throws {
        var bytes = try fixture("govcn-notice-gbk.html")
        // Two bytes no GB charset has, just after the article starts.
        let article = try #require(PDFReader.firstIndex(of: Array("UCAP-CONTENT".utf8), in: bytes[...]))
        bytes.insert(contentsOf: [0xFF, 0xFF], at: article + 200)
        let page = try HTMLReader.read(bytes, fileName: "stray.html")
        #expect(page.blocks.last?.block == .paragraph("（六）强化组织实施。各地区各部门要加强统筹协调，抓好贯彻落实。"))
        #expect(page.blocks.count == (try outline("govcn-notice.html")).blocks.count)
    }

    @Test func thePageFurnitureIsDroppedAndListed() throws {
        let page = try outline("compute-plan.html")
        let text = page.render().text
        for furniture in ["首页", "京ICP备", "分享到", "相关文件", "English", "版权所有", "analytics"] {
            #expect(!text.contains(furniture), "\(furniture) is page furniture")
        }
        #expect(page.dropped.contains("首页 > 政策 > 政策文件库"))
        #expect(page.dropped.contains("主办单位：示例政务网 版权所有 京ICP备05070218号 京公网安备11010202000001号"))
        #expect(page.dropped.contains("分享到：微信 微博 QQ空间"))
    }

    @Test func aWordFileGivesBackTheMarkdownOriginal() throws {
        #expect(try outline("compute-plan.docx").render().text == (try markdown))
    }

    @Test func aPrintedPDFGivesBackTheMarkdownOriginalWithPages() throws {
        let pdf = try outline("compute-plan.pdf")
        let (text, pages) = pdf.render()
        #expect(text == (try markdown))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(pages.count == lines.count)
        #expect(pages.first == 1)
        #expect(pages.last == 3)
        // The running header (print date, page title), footer (file URL, "1/3") and the site's masthead are gone.
        #expect(pdf.dropped.contains("1/3"))
        #expect(pdf.dropped.contains("示例政务网 English 搜索 首页 政策 互动 首页 > 政策 > 政策文件库"))
        #expect(pdf.dropped.contains("京ICP备05070218号京公网安备11010202000001号"))
        #expect(!text.contains("file://"))
        #expect(!text.contains("示例政务网"))
    }

    @Test func wordsAutomaticNumberingIsPrintedAsWordPrintsIt() throws {
        let numbered = try outline("numbered-plan.docx")
        #expect(numbered.render().text == """
            ---
            title: 数字乡村建设行动方案
            publisher: 示例农业农村部门
            date: 2025-03-12
            ---

            为加快数字乡村建设，制定本方案。

            ## 一、总体目标

            （一）主要目标。到2027年，乡村5G网络覆盖率达到90%，建成100个数字乡村示范县。

            ## 二、重点任务

            （一）夯实乡村数字基础设施。推进千兆光网向乡村延伸。

            （二）发展智慧农业。推广农业物联网和智能农机装备应用。

            （三）提升乡村数字治理水平。建设县域数字治理平台。

            ## 三、保障措施

            1. 加强组织领导。

            2. 加大资金投入。

            """)
    }

    @Test func badFilesAreRefusedInOneLine() throws {
        #expect(refusal("bad/scan.pdf") == "bad/scan.pdf: no text layer; run OCR first")
        #expect(refusal("bad/encrypted.pdf") == "bad/encrypted.pdf: encrypted PDF (password protected); nothing imported")
        #expect(refusal("bad/truncated.pdf") == "bad/truncated.pdf: truncated PDF (no %%EOF marker at the end); nothing imported")
        #expect(refusal("bad/truncated.docx") == "bad/truncated.docx: damaged or truncated Word file (unreadable ZIP directory)")
        #expect(refusal("bad/bomb.docx") == "bad/bomb.docx: word/document.xml expands beyond 64 MB (a zip bomb?); nothing imported")
        #expect(refusal("bad/empty-page.html") == "bad/empty-page.html: no article text found in the page")
        // A mutated archive whose header points past the end (ZIPFoundation's in-memory reader trapped on it).
        #expect(refusal("bad/damaged-header.docx") == "bad/damaged-header.docx: word/document.xml is not well-formed XML")
    }

    @Test func emptyAndHostileValuesAreHandled() throws {
        #expect(throws: ConversionError("empty.html", "empty page")) { try HTMLReader.read([], fileName: "empty.html") }
        let page = Array("<html><body><main><ol start=\"9223372036854775807\"><li>one</li><li>two</li></ol></main></body></html>".utf8)
        let items = try HTMLReader.read(page, fileName: "big-start.html").blocks.map(\.block)
        #expect(items == [.numbered("1000000.", "one"), .numbered("1000001.", "two")])
        #expect(Numbering.label(100_000, format: "lowerLetter") == "100000")
    }

    @Test func oversizedFilesAreRefusedBeforeParsing() throws {
        let page = [UInt8](repeating: 0x20, count: HTMLReader.maximumBytes + 1)
        #expect(throws: ConversionError("big.html", "page of 20971521 bytes is larger than the 20 MB limit; nothing imported")) {
            try HTMLReader.read(page, fileName: "big.html")
        }
        let pdf = [UInt8](repeating: 0x20, count: PDFReader.maximumFileBytes + 1)
        #expect(throws: ConversionError("big.pdf", "PDF of 104857601 bytes is larger than the 100 MB limit; nothing imported")) {
            try PDFReader.read(pdf, fileName: "big.pdf")
        }
    }

    @Test func withoutPopplerThePDFReaderNamesThePackage() throws {
        #expect(throws: ConversionError(
            "plan.pdf", "reading a PDF needs pdftotext and pdfinfo from poppler-utils (apt-get install poppler-utils); not found"
        )) {
            try PDFReader.read(try fixture("compute-plan.pdf"), fileName: "plan.pdf", environment: ["PATH": "/nonexistent"])
        }
    }
}

@Suite struct FormatPieceTests {
    @Test func wordNumberFormats() {
        #expect(Numbering.chinese(1) == "一")
        #expect(Numbering.chinese(10) == "十")
        #expect(Numbering.chinese(11) == "十一")
        #expect(Numbering.chinese(27) == "二十七")
        #expect(Numbering.chinese(105) == "一百零五")
        #expect(Numbering.label(4, format: "lowerLetter") == "d")
        #expect(Numbering.label(14, format: "upperRoman") == "XIV")
        #expect(Numbering.label(3, format: "decimalEnclosedCircle") == "③")
    }

    @Test func metadataLinesAndDates() {
        #expect(Metadata.isoDate("2024年06月18日") == "2024-06-18")
        #expect(Metadata.isoDate("2024-06-20 09:30") == "2024-06-20")
        #expect(Metadata.isoDate("2024年6月") == "2024-06")
        var outline = Outline()
        #expect(Metadata.absorb("发文机关： 国务院 成文日期： 2024年06月18日", into: &outline))
        #expect(outline.publisher == "国务院")
        #expect(outline.date == "2024-06-18")
        #expect(!Metadata.absorb("（一）指导思想。以新发展理念为引领", into: &outline))
    }

    @Test func pageNumbersAndSentenceJoins() {
        for line in ["3", "- 3 -", "第 3 页", "第3页 共9页", "Page 3 of 9", "3/9"] { #expect(PageText.isPageNumber(line), "\(line)") }
        #expect(!PageText.isPageNumber("2025年"))
        #expect(PageText.join(["算力是数字经济的核心生产", "力。截至2023年底"]) == "算力是数字经济的核心生产力。截至2023年底")
        #expect(PageText.join(["capacity build-", "ing for all", "countries"]) == "capacity building for all countries")
    }
}
