import Foundation

/// A PDF → outline through poppler's `pdftotext` (Debian's poppler-utils): the text layer page by
/// page; running headers, footers and page numbers dropped; lines broken inside a sentence joined
/// (without a space between CJK characters); every block keeps the page it starts on.
public enum PDFReader {
    public static let maximumFileBytes = 100 << 20
    public static let maximumPages = 2_000
    public static let maximumTextBytes = 64 << 20

    public static func read(_ bytes: [UInt8], fileName: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Outline {
        guard bytes.count <= maximumFileBytes else {
            throw ConversionError(fileName, "PDF of \(bytes.count) bytes is larger than the \(maximumFileBytes >> 20) MB limit; nothing imported")
        }
        guard let start = firstIndex(of: Array("%PDF-".utf8), in: bytes.prefix(1024)) else {
            throw ConversionError(fileName, "not a PDF (no %PDF- header)")
        }
        _ = start
        guard firstIndex(of: Array("%%EOF".utf8), in: bytes.suffix(2048)) != nil else {
            throw ConversionError(fileName, "truncated PDF (no %%EOF marker at the end); nothing imported")
        }
        guard let pdftotext = Tools.find("pdftotext", environment: environment), let pdfinfo = Tools.find("pdfinfo", environment: environment) else {
            throw ConversionError(fileName, "reading a PDF needs pdftotext and pdfinfo from poppler-utils (apt-get install poppler-utils); not found")
        }
        let file = try Tools.temporaryFile(bytes, fileName: fileName)
        defer { unlink(file) }

        let info = try Tools.run(pdfinfo, ["-enc", "UTF-8", file], limit: 1 << 20)
        let infoText = String(decoding: info.output, as: UTF8.self)
        if info.status != 0 {
            let reason = String(decoding: info.errors, as: UTF8.self)
            if reason.contains("Incorrect password") { throw ConversionError(fileName, "encrypted PDF (password protected); nothing imported") }
            throw ConversionError(fileName, "damaged PDF (pdfinfo: \(firstLine(reason)))")
        }
        var fields: [String: String] = [:]
        for line in infoText.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if let encrypted = fields["Encrypted"], encrypted.hasPrefix("yes") {
            throw ConversionError(fileName, "encrypted PDF; remove its encryption first; nothing imported")
        }
        let pages = Int(fields["Pages"] ?? "") ?? 0
        guard pages <= maximumPages else {
            throw ConversionError(fileName, "PDF of \(pages) pages is longer than the \(maximumPages)-page limit; nothing imported")
        }
        let text = try Tools.run(pdftotext, ["-enc", "UTF-8", "-eol", "unix", file, "-"], limit: maximumTextBytes)
        if text.status != 0 {
            throw ConversionError(fileName, "damaged PDF (pdftotext: \(firstLine(String(decoding: text.errors, as: UTF8.self))))")
        }
        var outline = Outline()
        if let title = fields["Title"].flatMap(HTMLTitle.clean) { outline.title = title }
        let pageTexts = String(decoding: text.output, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        guard pageTexts.contains(where: { !Whitespace.collapse($0).isEmpty }) else {
            throw ConversionError(fileName, "no text layer; run OCR first")
        }
        PageText.read(pageTexts, into: &outline)
        guard !outline.blocks.isEmpty else { throw ConversionError(fileName, "no text layer; run OCR first") }
        return outline
    }

    private static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map { Whitespace.collapse(String($0)) } ?? "failed"
    }

    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

enum HTMLTitle {
    static func clean(_ raw: String) -> String? {
        let title = Whitespace.collapse(raw)
        let parts = title.split(whereSeparator: { $0 == "_" || $0 == "|" }).map { Whitespace.collapse(String($0)) }
        return parts.first { !$0.isEmpty }
    }
}

/// Pages of plain text → blocks: what repeats at the top or bottom of the pages is furniture.
enum PageText {
    static func read(_ pages: [String], into outline: inout Outline) {
        let pageLines = pages.map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { Whitespace.collapse(String($0)) }
        }
        let furniture = repeatedEdgeLines(pageLines)
        var paragraphs: [(text: String, page: Int, lines: [String])] = []
        var current: [String] = []
        var currentPage = 1
        func endParagraph() {
            if !current.isEmpty { paragraphs.append((join(current), currentPage, current)) }
            current = []
        }
        for (pageIndex, lines) in pageLines.enumerated() {
            let nonEmpty = lines.indices.filter { !lines[$0].isEmpty }
            let edges = Set(nonEmpty.prefix(3) + nonEmpty.suffix(3))
            var removedKeys: Set<String> = []
            // A paragraph runs on across the page break unless it ended a sentence.
            if let last = current.last, endsSentence(last) { endParagraph() }
            for (index, line) in lines.enumerated() {
                if line.isEmpty {
                    endParagraph()
                    continue
                }
                if edges.contains(index) {
                    let key = normalisedKey(line)
                    if isPageNumber(line) || (furniture.contains(key) && !removedKeys.contains(key)) {
                        removedKeys.insert(key)
                        outline.drop(line)
                        continue
                    }
                }
                // Furniture and metadata lines stand alone, never joined to the text beside them.
                let alone = Furniture.isFurniture(line) || Furniture.startsTrailer(line) || !Metadata.fields(in: line).isEmpty
                if startsBlock(line) || alone { endParagraph() }
                if current.isEmpty { currentPage = pageIndex + 1 }
                current.append(line)
                if alone { endParagraph() }
            }
        }
        endParagraph()
        // A printed web page: what comes before the document's title is the site's masthead,
        // navigation and breadcrumbs (metadata lines there are still read).
        if let title = outline.title, let titleIndex = paragraphs.firstIndex(where: { $0.text == title }) {
            for (text, _, lines) in paragraphs[..<titleIndex] {
                _ = Metadata.absorb(text, into: &outline)
                outline.drop(lines.joined(separator: " "))
            }
            paragraphs.removeFirst(titleIndex)
        }
        var trailing = false
        for (text, page, lines) in paragraphs {
            // "相关文件" and what follows it (related links, then the site's footer) closes a printed page.
            if trailing || Furniture.startsTrailer(text) {
                trailing = true
                outline.drop(lines.joined(separator: " "))
                continue
            }
            if Furniture.isFurniture(text) {
                outline.drop(lines.joined(separator: " "))
                continue
            }
            if Metadata.absorb(text, into: &outline) {
                outline.drop(lines.joined(separator: " "))
                continue
            }
            if outline.blocks.isEmpty, let title = outline.title, text == title {
                outline.append(.heading(1, text), page: page)
            } else if isSectionHeading(text) {
                outline.append(.heading(2, text), page: page)
            } else {
                outline.append(.paragraph(text), page: page)
            }
        }
        if outline.title == nil, let first = outline.blocks.first, case .paragraph(let text) = first.block, text.count <= 80 {
            outline.title = text
            outline.blocks[0].block = .heading(1, text)
        }
    }

    /// Lines (digits ignored) found near the top or bottom of at least half the pages, and of two or more.
    static func repeatedEdgeLines(_ pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for lines in pages {
            let nonEmpty = lines.filter { !$0.isEmpty }
            for key in Set((nonEmpty.prefix(3) + nonEmpty.suffix(3)).map(normalisedKey)) { counts[key, default: 0] += 1 }
        }
        let pagesWithText = pages.filter { $0.contains { !$0.isEmpty } }.count
        return Set(counts.filter { $0.value >= 2 && $0.value * 2 >= pagesWithText }.keys)
    }

    static func normalisedKey(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { ("0"..."9").contains($0) ? "#" : $0 }))
    }

    /// "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 9 页", "Page 3", "Page 3 of 9", "3 / 9", "3/9".
    static func isPageNumber(_ line: String) -> Bool {
        let compact = line.lowercased().unicodeScalars.filter { !Whitespace.isSpace($0) }
        let text = String(String.UnicodeScalarView(compact))
        let digitsOnly = text.unicodeScalars.map { ("0"..."9").contains($0) ? "#" : String($0) }.joined()
        let collapsed = digitsOnly.replacingOccurrences(of: "##", with: "#").replacingOccurrences(of: "##", with: "#")
            .replacingOccurrences(of: "##", with: "#")
        return ["#", "-#-", "—#—", "–#–", "第#页", "第#页共#页", "page#", "page#of#", "#/#", "#of#", "p.#", "(#)"].contains(collapsed)
    }

    private static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "”", "\"", "）", ")"]

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return true }
        return sentenceEnds.contains(last)
    }

    /// A line that begins a list item or a numbered section starts a new block.
    static func startsBlock(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        guard let first = scalars.first else { return false }
        if ["•", "●", "▪", "◆", "■", "-", "*", "·"].contains(first) && scalars.count > 1 { return true }
        if first == "（" || first == "(" { return scalars.count > 2 && (Chinese.isNumeral(scalars[1]) || ("0"..."9").contains(scalars[1])) }
        if first == "第" { return scalars.count > 2 && Chinese.isNumeral(scalars[1]) }
        var index = 0
        while index < scalars.count && (Chinese.isNumeral(scalars[index]) || ("0"..."9").contains(scalars[index])) { index += 1 }
        guard index > 0, index < scalars.count, index <= 3 else { return false }
        return ["、", ".", "．", ")", "）"].contains(scalars[index])
    }

    /// "一、总体要求": a short line numbered with a Chinese numeral and 、, not a sentence.
    static func isSectionHeading(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count && Chinese.isNumeral(scalars[index]) { index += 1 }
        guard index > 0, index < scalars.count, scalars[index] == "、" else { return false }
        return scalars.count <= 40 && !text.contains("。")
    }

    /// Lines of one paragraph: no space between CJK characters, a space between words, a hyphen
    /// broken at the line end rejoined.
    static func join(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            guard let last = result.unicodeScalars.last, let first = line.unicodeScalars.first else {
                result += line
                continue
            }
            if last == "-", first.properties.isLowercase {
                result.removeLast()
            } else if !(Whitespace.isCJK(last) || Whitespace.isCJK(first)) {
                result += " "
            }
            result += line
        }
        return result
    }
}

/// The lines a government site prints around a document: filing numbers, copyright, share and
/// print links; and the headings that open the list of related links at the end.
enum Furniture {
    private static let markers = [
        "ICP备", "ICP证", "公网安备", "版权所有", "主办单位", "承办单位", "技术支持", "网站标识码", "分享到", "扫一扫", "打印本页",
        "关闭窗口", "【打印】", "【关闭】", "字体：", "字号：", "Copyright", "copyright", "All rights reserved", "All Rights Reserved",
    ]
    private static let trailers: Set<String> = ["相关文件", "相关链接", "相关阅读", "相关新闻", "相关稿件", "相关政策", "Related links", "Related"]

    static func isFurniture(_ text: String) -> Bool {
        text.count <= 120 && markers.contains { text.contains($0) }
    }

    static func startsTrailer(_ text: String) -> Bool {
        trailers.contains(text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "：:")))
    }
}

enum Chinese {
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        "〇零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾".unicodeScalars.contains(scalar)
    }
}
