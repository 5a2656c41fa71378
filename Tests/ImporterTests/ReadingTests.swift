import Testing
@testable import Importer

@Suite struct ReaderTests {
    @Test func invalidUTF8NamesTheFileLineAndByte() {
        let bytes: [UInt8] = Array("第一行\n第二行".utf8) + [0xE4, 0x41] + Array("\n".utf8)
        expectImportError(ImportError(file: "bad.txt", line: 2, message: "invalid UTF-8 at byte 19")) {
            _ = try DocumentImporter.importDocument(fileName: "bad.txt", bytes: bytes, curation: .empty, today: "2025-06-01")
        }
    }

    @Test func rejectsOverlongsAndSurrogates() {
        #expect(throws: ImportError.self) { try Reader.decode(fileName: "x", bytes: [0x61, 0xC0, 0xAF]) }
        #expect(throws: ImportError.self) { try Reader.decode(fileName: "x", bytes: [0xED, 0xA0, 0x80]) }
        #expect(throws: ImportError.self) { try Reader.decode(fileName: "x", bytes: [0xF4, 0x90, 0x80, 0x80]) }
        #expect(throws: ImportError.self) { try Reader.decode(fileName: "x", bytes: [0xE4, 0xB8]) }
    }

    @Test func nulBytesMeanABinaryFile() {
        expectImportError(ImportError(file: "image.png", line: 1, message: "binary file")) {
            _ = try importText("PNG\u{0}\u{1}", fileName: "image.png")
        }
    }

    @Test func emptyAndBlankFilesAreEmptyDocuments() {
        expectImportError(ImportError(file: "empty.md", message: "empty document")) {
            _ = try DocumentImporter.importDocument(fileName: "empty.md", bytes: [], curation: .empty, today: "2025-06-01")
        }
        expectImportError(ImportError(file: "blank.md", message: "empty document")) {
            _ = try importText(" \n\u{3000}\n\t\r\n", fileName: "blank.md")
        }
        expectImportError(ImportError(file: "meta.md", message: "empty document")) {
            _ = try importText("---\ntitle: Only metadata\n---\n", fileName: "meta.md")
        }
    }

    @Test func errorsPrintAsFileLineMessage() {
        #expect(ImportError(file: "a.txt", line: 3, message: "binary file").description == "a.txt:3: binary file")
        #expect(ImportError(file: "a.txt", message: "empty document").description == "a.txt: empty document")
    }

    @Test func readsFrontMatter() throws {
        let document = try importText("""
            ---
            title: "Regional AI Skills Action Plan"
            url: https://example.org/plan?a=1&b=2
            source: Example Ministry
            date: 2025-02-10
            ---
            # Regional AI Skills Action Plan

            Body text.
            """)
        #expect(document.title == "Regional AI Skills Action Plan")
        #expect(document.url == "https://example.org/plan?a=1&b=2")
        #expect(document.publisher == "Example Ministry")
        #expect(document.publishedOn == "2025-02-10")
        #expect(!document.body.contains("---"))
        #expect(document.body.hasPrefix("Regional AI Skills Action Plan"))
    }

    @Test func handlesBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# 标题\r\n\r\n第一段。\r\n".utf8)
        let document = try DocumentImporter.importDocument(fileName: "crlf.md", bytes: bytes, curation: .empty, today: "2025-06-01")
        #expect(document.body == "标题\n\n第一段。")
        #expect(document.title == "标题")
    }
}

@Suite struct NormaliserTests {
    @Test func dropsImagesAndKeepsLinkText() throws {
        let text = try normalise("""
            ![cover_image](https://mmbiz.qpic.cn/a.jpg?wx_fmt=jpeg)
            See [the plan](https://example.org/(plan)) and [![](https://img/x.png)](http://mp.weixin.qq.com/s?x=1) here.
            """)
        #expect(text.bodyString == "See the plan and here.")
    }

    @Test func dropsEmphasisAndHeadingMarkersButRemembersBold() throws {
        let text = try normalise("#### **四、展望：深化国际合作**\n\n**一是促进普惠发展。**我国所提出的行动。\n")
        #expect(text.bodyString == "四、展望：深化国际合作\n\n一是促进普惠发展。我国所提出的行动。")
        #expect(text.blocks[0].kind == .heading(level: 4))
        let lead = try #require(text.blocks[1].bold.first)
        #expect(text.text(lead) == "一是促进普惠发展。")
    }

    @Test func rejoinsSentencesSplitByPageBreaks() throws {
        let document = try Seed.imported(Seed.article, curated: false)
        for joined in ["其目标是加速人工智能技术的广泛应用", "有望激发传统文化的魅力和活力", "形成政府引导、企业自治、行业自律、社会监督的共治体系", "推动产业智能化升级，实现跨界融合和效率提升。"] {
            #expect(document.body.contains(joined))
        }
        #expect(!document.body.contains("激发传\n"))
    }

    @Test func rejoinsEnglishWithASpace() throws {
        let text = try normalise("The plan was adopted by the assembly, and it sets out\n\nten actions for capacity building.\n")
        #expect(text.bodyString == "The plan was adopted by the assembly, and it sets out ten actions for capacity building.")
    }

    @Test func keepsTitlesBylinesAndFinishedParagraphsApart() throws {
        let text = try normalise("## 加强人工智能能力建设\n\n魏 凯 中国信息通信研究院人工智能研究所所长\n\n当前，全球人工智能技术快速发展。\n\n中国作为最大的发展中国家，高度重视。\n")
        #expect(text.blocks.count == 4)
    }

    @Test func joinsHardWrappedLinesOfOneParagraph() throws {
        let text = try normalise("以下文章来源于中国信通院\n，作者杨冰夷\n\nThe plan sets out\nfive visions.\n")
        #expect(text.bodyString.hasSuffix("The plan sets out five visions."))
    }

    @Test func removesWeChatBoilerplate() throws {
        let document = try Seed.imported(Seed.reading)
        for boilerplate in [
            "中国信息安全", "010-82341063", "邮发代号", "2-786", "扫码订阅", "企业成长计划", "阅读原文", "预览时标签不可点",
            "微信扫一扫", "以下文章来源于", "直属科研事业单位", "欢迎关注", "分享网络安全知识", "轻点两下", "cover_image", "mmbiz",
        ] {
            #expect(!document.body.contains(boilerplate), "body still contains \(boilerplate)")
        }
        #expect(document.body.hasPrefix("专家解读 | 《人工智能能力建设普惠计划》\n\n文 | 中国信息通信研究院人工智能研究所工程师 杨冰夷"))
        #expect(document.body.hasSuffix("（来源：中国信通院）"))
        #expect(document.body.ranges(of: "专家解读").count == 1)
    }

    @Test func phoneNumbersAreContactDetails() {
        #expect(Boilerplate.containsPhoneNumber("征订热线：010-82341063".scalars))
        #expect(Boilerplate.containsPhoneNumber("电话 13812345678".scalars))
        #expect(!Boilerplate.containsPhoneNumber("邮发代号 2-786".scalars))
        #expect(!Boilerplate.containsPhoneNumber("企业数量超过4500家".scalars))
    }

    @Test func mapsBodyOffsetsToOriginalLines() throws {
        let document = try Seed.imported(Seed.article, curated: false)
        let text = try normalise(String(decoding: try Seed.bytes(Seed.article), as: UTF8.self))
        let joined = try #require(text.find("统文化的魅力和活力"))
        #expect(text.source(joined).line == 23)
        let before = try #require(text.find("有望激发传"))
        #expect(text.source(before).line == 21)
        #expect(text.bodyString == document.body)
    }
}
