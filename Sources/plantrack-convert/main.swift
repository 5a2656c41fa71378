import DocumentFormats
import Foundation

// plantrack-convert FORMAT: a saved web page, Word file or PDF on standard input → on standard
// output the outline text `plantrack import` reads (see ConversionOutput). A refused or unreadable
// file: one line on standard error, exit 1. Run by `plantrack import`, not by hand.

// A hostile file must not take the machine: 4 GB of address space and 120 s of CPU at most.
var memory = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
setrlimit(Int32(RLIMIT_AS.rawValue), &memory)
var cpu = rlimit(rlim_cur: 120, rlim_max: 120)
setrlimit(Int32(RLIMIT_CPU.rawValue), &cpu)

let arguments = CommandLine.arguments
guard arguments.count == 3, let format = DocumentFormat(rawValue: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: plantrack-convert html|docx|pdf FILE-NAME < FILE\n".utf8))
    exit(2)
}
let fileName = arguments[2]
// One byte past the largest accepted file is enough to refuse it.
let limit = max(HTMLReader.maximumBytes, DocxReader.maximumFileBytes, PDFReader.maximumFileBytes) + 1
var input: [UInt8] = []
while input.count < limit {
    let chunk = FileHandle.standardInput.readData(ofLength: min(1 << 20, limit - input.count))
    if chunk.isEmpty { break }
    input.append(contentsOf: chunk)
}
do {
    let outline = try format.read(input, fileName: fileName)
    FileHandle.standardOutput.write(Data(ConversionOutput.encode(outline, format: format).utf8))
} catch let error as ConversionError {
    FileHandle.standardError.write(Data("\(error.message)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("\(fileName): cannot read the \(format.rawValue) file (\(error))\n".utf8))
    exit(1)
}
