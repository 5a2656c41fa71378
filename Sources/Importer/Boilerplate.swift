/// What a WeChat (or similar) page wraps around an article: masthead, account card, subscription
/// and advertising blocks, UI labels and the trailer after the article. None of it is plan content.
enum Boilerplate {
    /// Short blocks containing these are subscription, contact or UI text.
    private static let keywords = LiteralSet([
        "扫码订阅", "扫码关注", "扫描二维码", "二维码", "邮发代号", "征订热线", "订阅热线", "订阅电话", "联系电话",
        "欢迎关注", "倾力推荐", "点击下图", "了解详情", "点击蓝字", "关注我们", "公众号", "长按识别", "小程序",
        "轻点两下", "抖音号", "视频号", "阅读原文", "预览时标签不可点", "微信扫一扫", "滑动看下一个", "往期推荐",
        "推荐阅读", "投稿邮箱", "点击关注", "星标", "点个在看",
    ])
    /// Blocks that are exactly one of these are page controls.
    private static let controlLabels: Set<String> = [
        "知道了", "取消", "允许", "×", "分析", "视频", "小程序", "赞", "在看", "分享", "留言", "收藏", "听过",
        "写留言", "使用完整服务", "确定", "关闭", "更多",
    ]
    /// The first of these marks the page trailer: the article is over.
    private static let trailerMarkers = LiteralSet([
        "预览时标签不可点", "阅读原文", "微信扫一扫", "继续滑动看下一个", "向上滑动看下一个",
    ])
    private static let shortLimit = 40

    static func remove(from blocks: [DraftBlock], sourceName: String?) -> [DraftBlock] {
        var kept = Array(blocks[..<trailerStart(blocks)])
        kept = removeAccountCard(kept)
        var seenHeadings: Set<String> = []
        return kept.filter { block in
            let text = block.string
            if block.kind.isHeading {
                // The page repeats the title heading under the cover image.
                return seenHeadings.insert(text).inserted
            }
            if let sourceName, text == sourceName { return false }
            return !isBoilerplate(block.text)
        }
    }

    static func isBoilerplate(_ text: Scalars) -> Bool {
        if text.allSatisfy({ !$0.isCJKIdeograph && !$0.isASCIIAlphanumeric }) { return true }
        if text.count <= 6, controlLabels.contains(text.string(0..<text.count)) { return true }
        guard text.count <= shortLimit else { return false }
        return keywords.occurs(in: text, range: 0..<text.count) || containsPhoneNumber(text)
    }

    /// 010-82341063, 400-123-4567, 13812345678: telephone numbers only appear in contact blocks.
    static func containsPhoneNumber(_ text: Scalars) -> Bool {
        var index = 0
        while index < text.count {
            guard text[index].isASCIIDigit, index == 0 || !text[index - 1].isASCIIDigit else { index += 1; continue }
            var digits = 0
            var end = index
            while end < text.count, text[end].isASCIIDigit || (text[end] == "-" && end + 1 < text.count && text[end + 1].isASCIIDigit) {
                if text[end].isASCIIDigit { digits += 1 }
                end += 1
            }
            let hyphenated = text[index..<end].contains("-")
            if (hyphenated && digits >= 10) || (!hyphenated && digits == 11 && text[index] == "1") { return true }
            if hyphenated, digits >= 7, text[index] == "0" { return true }
            index = end
        }
        return false
    }

    /// Where the trailer starts: the first short trailer marker, extended back over the short
    /// promotional blocks before it (slogans, ads, "follow us"), stopping at the article's last prose.
    private static func trailerStart(_ blocks: [DraftBlock]) -> Int {
        guard let marker = blocks.indices.dropFirst().first(where: { index in
            blocks[index].text.count <= shortLimit && trailerMarkers.occurs(in: blocks[index].text, range: 0..<blocks[index].text.count)
        }) else { return blocks.count }
        var start = marker
        while start > 0 {
            let previous = blocks[start - 1]
            let endsProse = previous.text.last.map { "。！？）)".unicodeScalars.contains($0) } ?? false
            if previous.kind.isHeading || previous.text.count > shortLimit || endsProse { break }
            start -= 1
        }
        return start
    }

    /// "以下文章来源于<account>，作者…" opens the account card: the account's name and its
    /// self-description follow. The card is dropped; the byline and article stay.
    private static func removeAccountCard(_ blocks: [DraftBlock]) -> [DraftBlock] {
        guard let cardIndex = blocks.firstIndex(where: { $0.text.matches("以下文章来源于", at: 0) }) else { return blocks }
        let card = blocks[cardIndex].text
        var nameEnd = 7
        while nameEnd < card.count, card[nameEnd] != "，", card[nameEnd] != ",", !card[nameEnd].isSpaceLike { nameEnd += 1 }
        let accountName = card.string(7..<nameEnd)
        var dropped: Set<Int> = [cardIndex]
        var index = cardIndex + 1
        while index < blocks.count, isBoilerplate(blocks[index].text) { index += 1 }
        if index < blocks.count, !accountName.isEmpty, blocks[index].string.hasPrefix(accountName),
           blocks[index].text.count <= accountName.unicodeScalars.count + 3 {
            dropped.insert(index)
            index += 1
            while index < blocks.count, isBoilerplate(blocks[index].text) { index += 1 }
            // The account's self-description: one paragraph right after its name.
            if index < blocks.count, blocks[index].kind == .paragraph, Markers.ordered(blocks[index].text, at: 0, end: blocks[index].text.count) == nil {
                dropped.insert(index)
            }
        }
        return blocks.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
}
