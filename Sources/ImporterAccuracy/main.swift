// `make accuracy`: the importer's rules against the fixture corpus (Tests/Fixtures/plans): for each
// plan document NAME.md or NAME.txt with an answer key NAME.expected.json, precision and recall
// per category, per document and in total. A development tool; it never ships.
//
//   ImporterAccuracy [DIR] [--details] [--draft]
//     --details  list the rows missed and the rows extracted but not expected
//     --draft    write NAME.draft.json (what the rules extract now) beside each document, to review
//                by hand and rename to NAME.expected.json
// Exits 1 when any document is below 100 %.

import Glibc
import Importer

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        bytes.append(contentsOf: buffer[0..<count])
        if count < buffer.count { break }
    }
    return bytes
}

func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "wb") else { return }
    defer { fclose(file) }
    _ = text.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, file) }
}

func fileNames(in directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        names.append(name)
    }
    return names.sorted()
}

func percent(_ value: Double) -> String {
    let tenths = Int((value * 1000).rounded())
    let text = "\(tenths / 10).\(tenths % 10)%"
    return String(repeating: " ", count: max(0, 6 - text.count)) + text
}

func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.unicodeScalars.count))
}

let arguments = Array(CommandLine.arguments.dropFirst())
let directory = arguments.first { !$0.hasPrefix("--") } ?? "Tests/Fixtures/plans"
let details = arguments.contains("--details")
let draft = arguments.contains("--draft")

let documents = fileNames(in: directory).filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }
guard !documents.isEmpty else {
    print("ImporterAccuracy: no plan documents in \(directory)")
    exit(2)
}

let categories = ["plan", "visions", "actions", "commitments", "targets", "initiatives", "indicator values"]
var totals = categories.map { AccuracyScore(category: $0) }
var belowFull = false
let nameWidth = max(24, documents.map(\.count).max() ?? 0) + 2
print(padded("document", nameWidth) + "precision  recall   rows (matched/extracted/expected)")
for name in documents {
    let stem = String(name[..<name.lastIndex(of: ".")!])
    let path = directory + "/" + name
    guard let bytes = readFile(path) else { continue }
    if draft {
        do {
            let document = try DocumentImporter.importDocument(fileName: name, bytes: bytes, curation: .empty, today: Accuracy.fixtureToday)
            writeFile(directory + "/" + stem + ".draft.json", ExpectedExtraction(document).json)
        } catch {
            print("\(name): \(error)")
        }
    }
    guard let expected = readFile(directory + "/" + stem + ".expected.json") else {
        print(padded(name, nameWidth) + "(no \(stem).expected.json)")
        continue
    }
    do {
        let scores = try Accuracy.evaluate(fileName: name, bytes: bytes, expectedJSON: String(decoding: expected, as: UTF8.self))
        let total = scores.dropFirst().reduce(scores[0], +)
        belowFull = belowFull || total.matched != total.expected || total.matched != total.extracted
        let rows = scores.filter { $0.expected + $0.extracted > 0 }.map { "\($0.category) \($0.matched)/\($0.extracted)/\($0.expected)" }
        print(padded(name, nameWidth) + "\(percent(total.precision))     \(percent(total.recall))   " + rows.joined(separator: ", "))
        for (index, score) in scores.enumerated() {
            totals[index] = totals[index] + score
            guard details else { continue }
            for row in score.missed { print("    missed   \(score.category): \(row)") }
            for row in score.spurious { print("    spurious \(score.category): \(row)") }
        }
    } catch {
        belowFull = true
        print(padded(name, nameWidth) + "error: \(error)")
    }
}
print("")
print(padded("category", nameWidth) + "precision  recall   rows (matched/extracted/expected)")
for score in totals {
    print(padded(score.category, nameWidth) + "\(percent(score.precision))     \(percent(score.recall))   \(score.matched)/\(score.extracted)/\(score.expected)")
}
let all = totals.dropFirst().reduce(totals[0], +)
print(padded("total", nameWidth) + "\(percent(all.precision))     \(percent(all.recall))   \(all.matched)/\(all.extracted)/\(all.expected)")
exit(belowFull ? 1 : 0)
