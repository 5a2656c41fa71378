import Hummingbird
import Synchronization
import NIOCore
import Storage
import Presentation
import Tracker

/// Building blocks shared by the handlers: pages, redirects, JSON, form bodies.
enum Reply {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"field": …, "error": …}` (field null when the problem is not one field's).
    static func jsonError(_ status: HTTPResponse.Status, field: String?, _ message: String) -> Response {
        json("{\"field\": \(field.map(JSONWriter.stringLiteral) ?? "null"), \"error\": \(JSONWriter.stringLiteral(message))}\n", status: status)
    }

    /// CSV as a download, UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly.
    static func csv(_ text: String, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + text)))
    }

    /// 303 See Other: after a POST, the browser GETs `location`.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A page in the layout, for the request's language and user.
    static func page(_ title: String, _ body: String, context: WebContext, path: String, flash: String? = nil,
                     status: HTTPResponse.Status = .ok) -> Response {
        let (head, nav) = layout(title: title, context: context, path: path, flash: flash)
        let tail = "\n</main></body></html>"
        var page = ""
        page.reserveCapacity(head.utf8.count + Templates.css.utf8.count + nav.utf8.count + body.utf8.count + tail.utf8.count)
        for part in [head, Templates.css, nav, body, tail] { page += part }
        return html(page, status: status)
    }

    /// The layout's two parts (before and after the stylesheet). They depend on nothing but these
    /// inputs, so each set is rendered once: rendering them was a third of a cached page's cost.
    static func layout(title: String, context: WebContext, path: String, flash: String?) -> (head: String, nav: String) {
        let user = context.session.map { [$0.user.name, $0.user.role.rawValue, $0.csrfToken] } ?? []
        let key = ([context.language.rawValue, title, path, flash ?? ""] + user).joined(separator: "\u{1F}")
        if let parts = layouts.withLock({ $0[key] }) { return parts }
        var layout: [String: Any] = [
            "title": title, "lang": context.language.htmlTag,
            "t": context.language.labels, "otherLang": context.language.other.rawValue,
            "switchLabel": context.language.switchLabel, "otherLangTag": context.language.other.htmlTag, "path": path,
        ]
        if let session = context.session {
            layout["user"] = ["name": session.user.name, "roleLabel": context.language("role." + session.user.role.rawValue)]
            layout["csrf"] = session.csrfToken
        }
        if let flash { layout["flash"] = flash }
        let parts = (head: Templates.render("layoutHead", layout), nav: Templates.render("layoutNav", layout))
        layouts.withLock { layouts in
            if layouts.count >= 4096 { layouts.removeAll() }
            layouts[key] = parts
        }
        return parts
    }

    private static let layouts = Mutex<[String: (head: String, nav: String)]>([:])

    /// 403 for a viewer (or anyone without a session) asking for an editor's form.
    static func forbidden(_ context: WebContext) -> Response {
        message(context.language("forbidden"), context.language("viewer_note"), status: .forbidden, context: context)
    }

    /// A page of one message; a refusal (any status from 400 on) in the red banner.
    static func message(_ heading: String, _ text: String, status: HTTPResponse.Status, context: WebContext) -> Response {
        page(heading, Templates.render("message", ["heading": heading, "message": text, "isError": status.code >= 400]),
             context: context, path: "/", status: status)
    }
}

/// An `application/x-www-form-urlencoded` body: name → value (the last one wins).
struct FormBody: Sendable {
    var values: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // A pair that does not decode (bad escape, not UTF-8) is dropped, never half-read.
            guard let name = Self.decode(parts[0]), let value = parts.count > 1 ? Self.decode(parts[1]) : "" else { continue }
            values[name] = value
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// The value, or nil when absent or only whitespace.
    func nonEmpty(_ name: String) -> String? {
        guard let value = values[name], !value.allSatisfy(\.isWhitespace) else { return nil }
        return value
    }

    /// Percent-decoding with `+` as space; nil for malformed escapes or bytes that are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Request {
    /// The body as text, at most 1 MiB; nil when it is not valid UTF-8.
    mutating func bodyUTF8() async throws -> String? {
        let buffer = try await collectBody(upTo: 1 << 20)
        return String(validating: buffer.readableBytesView, as: UTF8.self)
    }

    /// The body as text, at most 1 MiB (larger ones are refused with 413 by the caller).
    mutating func bodyText() async throws -> String {
        let buffer = try await collectBody(upTo: 1 << 20)
        return String(buffer: buffer)
    }
}

/// Text that could reorder what is around it on the page: right-to-left letters, or the explicit
/// embedding, override and isolate controls (U+202A–202E, U+2066–2069). Such a cell is shown in
/// `<bdi>`, so a note like "Phase U+202E gnp.exe" cannot flip its neighbours; plain cells stay plain.
enum Bidi {
    static func needsIsolation(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
            default: false
            }
        }
    }
}
