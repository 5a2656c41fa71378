// libFuzzer entry for Tracker's CSVReader: any bytes must yield records or a CSVError, never a
// crash, a hang or a read outside the buffer (AddressSanitizer watches its unsafe-pointer code).
// Compiled in one module with Sources/Tracker/Progress/CSVReader.swift (see `make fuzz`).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = CSVReader(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    var records = 0
    var bytes = 0
    do {
        while let record = try reader.next() {
            records += 1
            // Touch every field, so a malformed String would show here.
            for field in record.fields { bytes += field.utf8.count }
            precondition(record.line >= 1, "line numbers start at 1")
            precondition(records <= size + 1, "more records than bytes")
        }
        // Once done, the reader stays done.
        let after = try reader.next()
        precondition(after == nil, "records after the end")
    } catch let error as CSVError {
        precondition(error.line >= 1, "error without a line")
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    precondition(bytes <= size, "fields hold more bytes than the input")
    return 0
}
