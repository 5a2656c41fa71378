/// Which URLs become links — on the dashboard, the web pages, the brief, the published site and
/// its feeds: an absolute http or https URL with a host and none of white space, control
/// characters, `"`, `<` or `>` (none of which a URL may hold unescaped, RFC 3986). The same rule
/// accepts an evidence URL when it is typed (`FieldParser.evidenceURL`), so what is stored links;
/// anything else (`javascript:`, `file:`, a relative path, text kept by an older version) stays text.
public enum WebLink {
    /// `url` when it becomes a link, else nil.
    public static func linkable(_ url: String?) -> String? {
        guard let url else { return nil }
        return isLinkable(url) ? url : nil
    }

    public static func isLinkable(_ url: String) -> Bool {
        url.utf8.allSatisfy { $0 < 0x80 } ? isLinkable(ascii: url) : isLinkable(characters: url)
    }

    /// The rule by Characters, for URLs with non-ASCII text (an IRI such as a Chinese path).
    static func isLinkable(characters text: String) -> Bool {
        let lower = text.lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        let rest = text.dropFirst(scheme)
        guard scheme > 0, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty
        else { return false }
        return !text.contains(where: { $0.isWhitespace || $0.isNewline || forbidden.contains($0) })
            && !text.unicodeScalars.contains(where: Escaped.isControl)
    }

    /// The same rule for ASCII text (nearly every URL), byte by byte: a bulk import checks one a
    /// line, and walking Characters with their Unicode properties cost more than the rest of
    /// the line's checks together. In ASCII the white space and newlines are 09–0D and 20, the
    /// controls 00–1F and 7F.
    static func isLinkable(ascii text: String) -> Bool {
        let bytes = text.utf8
        func hasPrefix(_ prefix: StaticString) -> Bool {
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            return zip(bytes, UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
                .allSatisfy { byte, expected in ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) == expected }
        }
        let scheme = hasPrefix("https://") ? 8 : hasPrefix("http://") ? 7 : 0
        guard scheme > 0, let hostStart = bytes.dropFirst(scheme).first, hostStart != UInt8(ascii: "/") else { return false }
        return !bytes.contains { $0 < 0x21 || $0 == 0x7F || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E }
    }

    private static let forbidden: Set<Character> = ["\"", "<", ">"]
}
