import Foundation

/// Writes a Golden/*.swift file: a dictionary literal of raw strings, one per output, so a diff of
/// the file shows exactly what changed. Used by the suites' `regenerateGoldens` tests.
enum GoldenFile {
    static func write(_ outputs: [(key: String, text: String)], variable: String, header: String, to name: String) throws {
        var source = header + "\n\nlet \(variable): [String: String] = [\n"
        for (key, text) in outputs {
            let body = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
            source += "    \"\(key)\": #\"\"\"\n\(body)\n        \"\"\"#,\n"
        }
        source += "]\n"
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(name)
        try source.write(to: file, atomically: true, encoding: .utf8)
    }
}
