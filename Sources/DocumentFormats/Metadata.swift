/// The metadata lines official pages print above a document (gov.cn's table, the same table
/// printed to PDF): 发文机关：国务院, 成文日期：2024年06月18日, 发布日期：…, 标题：….
enum Metadata {
    enum Field {
        case issuer, date, published, title, other
    }

    private static let labels: [(String, Field)] = [
        ("发文机关", .issuer), ("发布机关", .issuer), ("发文单位", .issuer), ("成文日期", .date), ("发布日期", .published),
        ("发文日期", .date), ("印发日期", .date), ("标题", .title), ("索引号", .other), ("主题分类", .other), ("发文字号", .other),
        ("主题词", .other), ("来源", .other), ("字号", .other), ("文号", .other),
    ]

    /// Label/value pairs in a line such as "索引号：000014349/2024-00055 主题分类：工业、交通" or
    /// "发文机关： 国务院"; empty when the line does not start with a known label.
    static func fields(in line: String) -> [(Field, String)] {
        let compact = String(String.UnicodeScalarView(line.unicodeScalars.filter { !Whitespace.isSpace($0) }))
        var result: [(Field, String)] = []
        var rest = Substring(compact)
        // Each label is followed by a colon; its value runs to the next known label.
        guard let first = label(at: rest) else { return [] }
        var current = first
        rest = rest.dropFirst(current.0.count)
        while true {
            guard rest.first == "：" || rest.first == ":" else { return result.isEmpty ? [] : result }
            rest = rest.dropFirst()
            var value = ""
            var next: (String, Field)?
            while !rest.isEmpty {
                if let found = label(at: rest), rest.dropFirst(found.0.count).first.map({ $0 == "：" || $0 == ":" }) == true {
                    next = found
                    break
                }
                value.append(rest.removeFirst())
            }
            result.append((current.1, value))
            guard let next else { return result }
            current = next
            rest = rest.dropFirst(next.0.count)
        }
    }

    private static func label(at text: Substring) -> (String, Field)? {
        labels.filter { text.hasPrefix($0.0) }.max { $0.0.count < $1.0.count }
    }

    /// "2024年06月18日", "2024年6月", "2024-06-18", "2024-06-18 10:30:00", "2024/6/18" → ISO.
    static func isoDate(_ text: String) -> String? {
        var numbers: [Int] = []
        var current: Int?
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                let value = (current ?? 0) * 10 + Int(scalar.value - 48)
                if value > 9999 { return nil }
                current = value
            } else {
                if let value = current { numbers.append(value) }
                current = nil
                if numbers.count == 3 { break }
                if scalar == " " || scalar == "T", !numbers.isEmpty { break }
            }
        }
        if let value = current, numbers.count < 3 { numbers.append(value) }
        guard let year = numbers.first, (1900...2999).contains(year) else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        guard numbers.count >= 2, (1...12).contains(numbers[1]) else { return "\(year)" }
        guard numbers.count >= 3, (1...31).contains(numbers[2]) else { return "\(year)-\(two(numbers[1]))" }
        return "\(year)-\(two(numbers[1]))-\(two(numbers[2]))"
    }

    /// Fills the outline's empty metadata from a line's fields; true when the line was metadata.
    static func absorb(_ line: String, into outline: inout Outline) -> Bool {
        let found = fields(in: line)
        guard !found.isEmpty else { return false }
        for (field, value) in found where !value.isEmpty {
            switch field {
            case .issuer where outline.publisher == nil: outline.publisher = value
            case .date: if let date = isoDate(value) { outline.date = date }
            case .published where outline.date == nil: outline.date = isoDate(value)
            case .title where outline.title == nil: outline.title = value
            default: break
            }
        }
        return true
    }
}
