import Testing
@testable import Tracker

/// Which files go to plantrack-convert, and how its answer is read back.
@Suite struct DocumentConversionTests {
    @Test func theFormatComesFromTheContentThenTheName() {
        #expect(DocumentConversion.format(fileName: "plan.txt", bytes: Array("%PDF-1.7\n".utf8)) == "pdf")
        #expect(DocumentConversion.format(fileName: "plan", bytes: [0x50, 0x4B, 0x03, 0x04, 0]) == "docx")
        #expect(DocumentConversion.format(fileName: "PLAN.HTM", bytes: Array("hello".utf8)) == "html")
        #expect(DocumentConversion.format(fileName: "saved.txt", bytes: Array("\u{FEFF}\n  <!DOCTYPE html><html>".utf8)) == "html")
        #expect(DocumentConversion.format(fileName: "plan.md", bytes: Array("# 行动计划\n".utf8)) == nil)
        #expect(DocumentConversion.format(fileName: "notes.txt", bytes: Array("<b>not a page</b>".utf8)) == nil)
    }

    @Test func theConvertersAnswerIsReadBack() throws {
        let output = Array("plantrack-convert 1\nformat pdf\npages 1 1 2\ndropped 1/3\ndropped 京ICP备05070218号\ntext\n# 标题\n\n正文\n".utf8)
        let document = PlanDocument(fileName: "plan.pdf", bytes: [1, 2, 3])
        let converted = try DocumentConversion.parse(output, format: "pdf", document: document)
        #expect(String(decoding: converted.text, as: UTF8.self) == "# 标题\n\n正文\n")
        #expect(converted.pages == [1, 1, 2])
        #expect(converted.page(ofLine: 3) == 2)
        #expect(converted.page(ofLine: 4) == nil)
        #expect(converted.dropped == ["1/3", "京ICP备05070218号"])
        #expect(converted.original == [1, 2, 3])
        #expect(throws: TrackerError(.file, "plan.pdf: the converter's output was not understood; nothing imported")) {
            try DocumentConversion.parse(Array("garbage".utf8), format: "pdf", document: document)
        }
    }
}
