import FoundationEssentials
import Testing
@testable import Importer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The repository root: this file really lives in <root>/Tests/ImporterTests, possibly behind a symlink.
let repositoryRoot: String = {
    let file = #filePath
    let resolved = realpath(file, nil).map { pointer in
        defer { free(pointer) }
        return String(cString: pointer)
    } ?? file
    var components = resolved.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)
    return components.joined(separator: "/")
}()

func repositoryFile(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(filePath: repositoryRoot + "/" + relativePath)))
}

enum Seed {
    static let reading = "004_7ea888aca572e921.txt"
    static let article = "000_3a593fa75efa06b6.txt"

    static func bytes(_ name: String) throws -> [UInt8] { try repositoryFile("Seeds/documents/" + name) }

    static func lines(_ name: String) throws -> [String] {
        String(decoding: try bytes(name), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func curation() throws -> Curation {
        try Curation(json: String(decoding: try repositoryFile("Seeds/curation.json"), as: UTF8.self))
    }

    static func imported(_ name: String, curated: Bool = true) throws -> ImportedDocument {
        try DocumentImporter.importDocument(
            fileName: name, bytes: try bytes(name), curation: curated ? try curation() : .empty, today: "2025-06-01")
    }
}

/// Imports a document given as text, with no curation unless one is passed.
func importText(_ text: String, fileName: String = "fixture.md", curation: Curation = .empty, today: String = "2025-06-01") throws -> ImportedDocument {
    try DocumentImporter.importDocument(fileName: fileName, bytes: Array(text.utf8), curation: curation, today: today)
}

/// Normalises a document given as text.
func normalise(_ text: String) throws -> NormalisedText {
    let source = try Reader.decode(fileName: "fixture.md", bytes: Array(text.utf8))
    let frontMatter = FrontMatter(source)
    return Normaliser.normalise(source, fromLine: frontMatter.contentLineIndex, options: .init(sourceName: frontMatter["source"]))
}

/// The quantities the scanner reads in one sentence.
func quantities(_ sentence: String) -> [Quantity] {
    let scalars = sentence.scalars
    return Quantities.scan(scalars, in: 0..<scalars.count).filter { !$0.isExcluded }
}

/// The dates the scanner reads in one sentence.
func dates(_ sentence: String, documentYear: Int? = 2024) -> [DateMention] {
    let scalars = sentence.scalars
    return Dates.scan(scalars, in: 0..<scalars.count, documentYear: documentYear)
}

/// The indicator values read from a one-paragraph document.
func indicators(_ paragraph: String, today: String = "2025-06-01") throws -> [ImportedIndicatorValue] {
    try importText(paragraph + "\n", today: today).indicatorValues
}

/// The initiatives read from a one-paragraph document.
func initiatives(_ paragraph: String) throws -> [ImportedInitiative] {
    try importText(paragraph + "\n").initiatives
}

func expectImportError(_ expected: ImportError, _ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    do {
        try body()
        Issue.record("expected \(expected)", sourceLocation: sourceLocation)
    } catch let error as ImportError {
        #expect(error == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
}
