/// The formats read by conversion to outline text. `plantrack import` chooses one by the file's
/// content and name (Tracker's DocumentConversion) and names it to `plantrack-convert`.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case html, docx, pdf

    public func read(_ bytes: [UInt8], fileName: String) throws -> Outline {
        switch self {
        case .html: try HTMLReader.read(bytes, fileName: fileName)
        case .docx: try DocxReader.read(bytes, fileName: fileName)
        case .pdf: try PDFReader.read(bytes, fileName: fileName)
        }
    }
}

/// What `plantrack-convert` writes on standard output, read back by `plantrack import`:
///
///     plantrack-convert 1
///     format html
///     pages 1 1 1 2 2 …          (the page of each line of the text; omitted when not paged)
///     dropped TEXT               (one line per passage left out)
///     text
///     …the outline text to the end…
public enum ConversionOutput {
    public static let header = "plantrack-convert 1"

    public static func encode(_ outline: Outline, format: DocumentFormat) -> String {
        let (text, pages) = outline.render()
        var result = "\(header)\nformat \(format.rawValue)\n"
        if !pages.isEmpty { result += "pages " + pages.map(String.init).joined(separator: " ") + "\n" }
        for dropped in outline.dropped { result += "dropped \(dropped)\n" }
        return result + "text\n" + text
    }
}
