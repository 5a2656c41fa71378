import CXLSXWriter
import Glibc
import Storage
import Tracker
import Presentation

/// `plantrack-xlsx FILE`: reads a workbook encoded by `plantrack` (Workbook.encoded) on stdin and
/// writes it to FILE with libxlsxwriter. Not meant to be run by hand: `plantrack … --format xlsx`
/// and `plantrack export --xlsx` start it and report its one-line error, if any, as their own.

func fail(_ message: String) -> Never {
    var line = message + "\n"
    line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(1)
}

func readStandardInput() -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        if count < 0 { if errno == EINTR { continue } else { fail("reading the workbook data: \(String(cString: strerror(errno)))") } }
        if count == 0 { return bytes }
        bytes += buffer[0..<count]
    }
}

guard CommandLine.arguments.count == 2 else { fail("usage: plantrack-xlsx FILE < workbook-data (started by plantrack)") }
let path = CommandLine.arguments[1]
let workbook: Workbook
do { workbook = try Workbook(decoding: readStandardInput()) } catch { fail(error.description) }

guard let book = workbook_new(path) else { fail("\(path): cannot create the workbook") }

// Formats belong to the workbook and are shared by every sheet.
let header = workbook_add_format(book)
format_set_bold(header)
format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
let dateFormat = workbook_add_format(book)
format_set_num_format(dateFormat, "yyyy-mm-dd")
let dateTimeFormat = workbook_add_format(book)
format_set_num_format(dateTimeFormat, "yyyy-mm-dd hh:mm:ss")
let percentFormat = workbook_add_format(book)
format_set_num_format(percentFormat, "0.0%")

/// Excel's longest cell text; libxlsxwriter refuses longer strings, so they are cut, saying so.
let maximumCellCharacters = 32_767

func check(_ result: lxw_error, _ sheet: String) {
    guard result == LXW_NO_ERROR else { fail("\(path): sheet \(sheet): \(String(cString: lxw_strerror(result)))") }
}

func writeText(_ sheet: UnsafeMutablePointer<lxw_worksheet>?, _ row: UInt32, _ column: UInt16, _ text: String, _ name: String) {
    var text = text
    if text.unicodeScalars.count > maximumCellCharacters || text.utf8.count > maximumCellCharacters * 4 {
        text = String(text.unicodeScalars.prefix(maximumCellCharacters - 40)) + "… (cut; \(text.utf8.count) bytes in all)"
    }
    check(worksheet_write_string(sheet, row, column, text, nil), name)
}

for sheetData in workbook.sheets {
    guard let sheet = workbook_add_worksheet(book, sheetData.name) else { fail("\(path): cannot add sheet \(sheetData.name)") }
    guard sheetData.rows.count < 1_048_576 else { fail("\(path): sheet \(sheetData.name) has \(sheetData.rows.count) rows; Excel holds 1 048 575 below the header") }
    guard sheetData.columns.count <= 16_384 else { fail("\(path): sheet \(sheetData.name) has too many columns for Excel") }
    for (index, column) in sheetData.columns.enumerated() {
        let format: UnsafeMutablePointer<lxw_format>? = switch column.kind {
        case .date: dateFormat
        case .dateTime: dateTimeFormat
        case .percent: percentFormat
        case .general: nil
        }
        check(worksheet_set_column(sheet, UInt16(index), UInt16(index), column.width, format), sheetData.name)
        check(worksheet_write_string(sheet, 0, UInt16(index), column.name, header), sheetData.name)
    }
    for (rowIndex, row) in sheetData.rows.enumerated() {
        let excelRow = UInt32(rowIndex + 1)
        for (index, column) in sheetData.columns.enumerated() {
            let excelColumn = UInt16(index)
            switch (row[index], column.kind) {
            case (.null, _): continue
            case (.integer(let value), .percent): check(worksheet_write_number(sheet, excelRow, excelColumn, Double(value) / 100, percentFormat), sheetData.name)
            case (.real(let value), .percent): check(worksheet_write_number(sheet, excelRow, excelColumn, value / 100, percentFormat), sheetData.name)
            case (.integer(let value), _): check(worksheet_write_number(sheet, excelRow, excelColumn, Double(value), nil), sheetData.name)
            case (.real(let value), _):
                // Excel has no NaN or infinity: such a value is shown as text rather than lost.
                if value.isFinite {
                    check(worksheet_write_number(sheet, excelRow, excelColumn, value, nil), sheetData.name)
                } else {
                    writeText(sheet, excelRow, excelColumn, value.description, sheetData.name)
                }
            case (.text(let text), .date):
                // Excel's dates start in 1900; an earlier one stays text.
                if let date = ISODate(text), date.year >= 1900 {
                    var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
                    check(worksheet_write_datetime(sheet, excelRow, excelColumn, &value, dateFormat), sheetData.name)
                } else {
                    writeText(sheet, excelRow, excelColumn, text, sheetData.name)
                }
            case (.text(let text), .dateTime):
                if let stamp = Timestamp(text), stamp.date.year >= 1900 {
                    var value = lxw_datetime(year: Int32(stamp.date.year), month: Int32(stamp.date.month), day: Int32(stamp.date.day),
                                             hour: Int32(stamp.hour), min: Int32(stamp.minute), sec: Double(stamp.second))
                    check(worksheet_write_datetime(sheet, excelRow, excelColumn, &value, dateTimeFormat), sheetData.name)
                } else {
                    writeText(sheet, excelRow, excelColumn, text, sheetData.name)
                }
            case (.text(let text), _): writeText(sheet, excelRow, excelColumn, text, sheetData.name)
            case (.blob(let bytes), _): writeText(sheet, excelRow, excelColumn, DatabaseValue.blob(bytes).displayText, sheetData.name)
            }
        }
    }
    // The header stays in view while scrolling, and every column can be filtered.
    worksheet_freeze_panes(sheet, 1, 0)
    if !sheetData.columns.isEmpty {
        check(worksheet_autofilter(sheet, 0, 0, UInt32(sheetData.rows.count), UInt16(sheetData.columns.count - 1)), sheetData.name)
    }
}

let closed = workbook_close(book)
guard closed == LXW_NO_ERROR else { fail("\(path): \(String(cString: lxw_strerror(closed)))") }
