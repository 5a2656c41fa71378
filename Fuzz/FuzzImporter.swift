// libFuzzer entry for the importer's text rules: any bytes must yield a document or an
// ImportError, never a crash or a hang, and every provenance quote must be a verbatim substring
// of the body (the schema's contract). The first byte picks the file name, so the bundled
// documents' curation entries (Seeds/curation.json, read from the working directory or
// $PLANTRACK_CURATION) are applied to mutated text as well as to unknown files.
// Compiled in one module with Sources/Importer/*.swift (see `make fuzz`).

#if canImport(Glibc)
import Glibc
#endif

let curation: Curation = {
    let path = getenv("PLANTRACK_CURATION").map { String(cString: $0) } ?? "Seeds/curation.json"
    guard let file = fopen(path, "rb") else { return .empty }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while case let count = fread(&chunk, 1, chunk.count, file), count > 0 { bytes += chunk[0..<count] }
    return (try? Curation(json: String(decoding: bytes, as: UTF8.self))) ?? .empty
}()

let fileNames = ["fuzz.txt", "004_7ea888aca572e921.txt", "000_3a593fa75efa06b6.txt", "plan.md"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let fileName = fileNames[Int(data[0]) % fileNames.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    do {
        let document = try DocumentImporter.importDocument(
            fileName: fileName, bytes: bytes, curation: curation, today: "2026-11-25")
        for quote in quotes(of: document) {
            precondition(document.body.contains(quote), "quote not in body: \(quote.prefix(40))")
        }
    } catch is ImportError {
        // A refused document is a correct outcome.
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}

func quotes(of document: ImportedDocument) -> [String] {
    var result: [String] = []
    for plan in document.plans {
        if let source = plan.source { result.append(source.quote) }
        result += plan.visions.map(\.source.quote)
        for action in plan.actions {
            result.append(action.source.quote)
            result += action.commitments.map(\.source.quote)
        }
    }
    result += document.initiatives.map(\.source.quote)
    result += document.indicatorValues.map(\.source.quote)
    return result
}
