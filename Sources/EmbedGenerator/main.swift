// Writes one Swift file holding the given files as string literals, so the shipped
// binary carries its migrations and seed documents and runs from any directory.
//
// usage: EmbedGenerator OUTPUT.swift GROUP=NAME=PATH...
// GROUP is `migrations` or `seeds`; NAME is the file's name relative to its folder.
import Glibc

func fail(_ message: String, code: Int32 = 1) -> Never {
    let line = message + "\n"
    _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(code)
}

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        fail("EmbedGenerator: cannot open \(path)")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
}

/// A Swift string literal whose value is exactly `text` (escapes keep CR, tabs and quotes intact).
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else {
    fail("usage: EmbedGenerator OUTPUT.swift GROUP=NAME=PATH...", code: 2)
}

var groups: [String: [(name: String, contents: String)]] = ["migrations": [], "seeds": [], "api": []]
for spec in arguments.dropFirst() {
    let parts = spec.split(separator: "=", maxSplits: 2).map(String.init)
    guard parts.count == 3, groups[parts[0]] != nil else {
        fail("EmbedGenerator: bad argument \(spec)", code: 2)
    }
    let bytes = readFile(parts[2])
    guard let text = String(validating: bytes, as: UTF8.self) else {
        fail("\(parts[2]): error: not valid UTF-8; embedded files must be UTF-8 text")
    }
    groups[parts[0]]!.append((parts[1], text))
}

var source = """
// Generated at build time by the EmbedResources plugin from Migrations/ and Seeds/. Do not edit.

/// A file compiled into the binary: its name relative to its folder, and its exact text.
package struct EmbeddedFile: Sendable {
    package let name: String
    package let contents: String
}

package enum EmbeddedResources {

"""
for group in ["migrations", "seeds", "api"] {
    let files = groups[group]!.sorted { $0.name < $1.name }
    source += "    package static let \(group): [EmbeddedFile] = [\n"
    for file in files {
        source += "        EmbeddedFile(name: \(literal(file.name)), contents: \(literal(file.contents))),\n"
    }
    source += "    ]\n"
}
source += "}\n"

guard let out = fopen(outputPath, "wb") else {
    fail("EmbedGenerator: cannot write \(outputPath)")
}
fputs(source, out)
fclose(out)
