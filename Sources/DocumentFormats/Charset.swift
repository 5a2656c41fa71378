import Foundation

/// Chinese pages declared GB2312, GBK or GB18030, decoded here rather than by libxml2: libxml2 stops
/// at the first byte its converter rejects, so one stray byte in a saved gov.cn page would lose
/// the rest of the article. GB18030 is a superset of both older charsets; bytes it rejects are skipped.
enum Charset {
    /// The charset a page declares in its first 2 KB (`<meta charset>`, `http-equiv` Content-Type), lowercased.
    static func declared(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    static func isChineseGB(_ name: String) -> Bool {
        ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"].contains(name)
    }

    /// GB bytes → UTF-8 through iconv, skipping bytes that do not decode; nil when iconv lacks GB18030.
    static func gb18030ToUTF8(_ bytes: [UInt8]) -> [UInt8]? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var inputOffset = 0
        var outputOffset = 0
        while inputOffset < input.count {
            var inLeft = input.count - inputOffset
            var outLeft = output.count - outputOffset
            let result = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + inputOffset)
                        .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + outputOffset)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
            }
            inputOffset = input.count - inLeft
            outputOffset = output.count - outLeft
            if result != -1 { break }
            switch errno {
            case E2BIG: output += [UInt8](repeating: 0, count: output.count)
            default: inputOffset += 1  // EILSEQ or a truncated sequence at the end: skip one byte
            }
        }
        return Array(output[0..<outputOffset])
    }
}
