import CLibXML2

/// A read-only view of a libxml2 tree: just what the readers walk (elements, attributes, text).
/// The document owns the tree and frees it; nodes are valid while it lives.
final class XMLTree {
    let document: xmlDocPtr

    private init(_ document: xmlDocPtr) {
        self.document = document
    }

    deinit { xmlFreeDoc(document) }

    /// An HTML page through libxml2's HTML parser, which honours the page's declared charset
    /// (`<meta charset>`, `http-equiv` Content-Type; GB2312/GBK too) and recovers from bad markup.
    static func html(_ bytes: [UInt8], fileName: String) throws -> XMLTree {
        clibxml2_silence_errors()
        var options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var bytes = bytes
        var encoding: String?
        if let declared = Charset.declared(bytes), Charset.isChineseGB(declared), let utf8 = Charset.gb18030ToUTF8(bytes) {
            bytes = utf8
            encoding = "UTF-8"
            options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue)
        }
        let parsed = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, encoding, options)
            }
        }
        guard let parsed else { throw ConversionError(fileName, "not a readable HTML page") }
        return XMLTree(parsed)
    }

    /// An XML part (of a .docx). No entities are expanded and no DTD or network is touched, so a
    /// hostile part cannot pull in files or grow by entity expansion (the "billion laughs").
    static func xml(_ bytes: [UInt8], fileName: String, part: String) throws -> XMLTree {
        clibxml2_silence_errors()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { throw ConversionError(fileName, "\(part) is not well-formed XML") }
        return XMLTree(parsed)
    }

    var root: XMLNode? {
        xmlDocGetRootElement(document).map(XMLNode.init)
    }
}

struct XMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name, lowercased for HTML's sake (HTML element names are case-insensitive).
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The local name as written (Word's names are case-sensitive: `w:pStyle`, `w:numId`).
    var localName: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            result.append(XMLNode(node))
            child = node.pointee.next
        }
        return result
    }

    var elements: [XMLNode] { children.filter(\.isElement) }

    func elements(_ localName: String) -> [XMLNode] { children.filter { $0.isElement && $0.localName == localName } }

    func first(_ localName: String) -> XMLNode? { children.first { $0.isElement && $0.localName == localName } }

    var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent)
    }

    /// An attribute by its name, whatever its namespace (`w:val` is "val").
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// The text node's own content.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// All text below this node, in document order.
    var text: String {
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// All text below this node, with a space where one block of it ends and the next begins
    /// ("首页 政策 互动", not "首页政策互动"), for messages and table cells.
    var spacedText: String {
        var result = ""
        func visit(_ node: XMLNode) {
            for child in node.children {
                if child.isText {
                    result += child.content
                } else if child.isElement {
                    visit(child)
                    if !Self.inlineElements.contains(child.name) { result += " " }
                }
            }
        }
        visit(self)
        return result
    }

    private static let inlineElements: Set<String> = [
        "span", "a", "strong", "b", "em", "i", "u", "font", "sub", "sup", "small", "big", "abbr", "code", "mark", "s", "q", "cite",
    ]

    /// Every element below this one (depth-first, document order), this one included.
    func descendants(where predicate: (XMLNode) -> Bool) -> [XMLNode] {
        var result: [XMLNode] = []
        var stack = [self]
        while let node = stack.popLast() {
            if node.isElement && predicate(node) { result.append(node) }
            stack.append(contentsOf: node.elements.reversed())
        }
        return result
    }
}

/// A file the converter refuses or cannot read: one line, naming the file.
public struct ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ fileName: String, _ message: String) {
        self.message = "\(fileName): \(message)"
    }

    public var description: String { message }
}
