// Steps every row of progress_updates through Storage and reads each column into a Swift value;
// bench/storage_step.c does the same through the C API. Both print the same checksum, so the
// benchmark can check they did the same work.
import Glibc
import Storage

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    print("usage: StorageStep DATABASE")
    exit(2)
}

let sql = "SELECT id, action_id, reported_on, status, percent, note, evidence_url, author FROM progress_updates"
var rows = 0
var checksum = 0
do {
    let db = try Database(path: arguments[1], mode: .readOnly)
    let statement = try db.prepare(sql)
    try statement.forEachRow { row in
        let id = row.int64(at: 0)
        let actionID = row.int(at: 1)
        let reportedOn = row.string(at: 2)
        let status = row.string(at: 3)
        let percent = row.optionalDouble(at: 4)
        let note = row.string(at: 5)
        let evidence = row.optionalString(at: 6)
        let author = row.optionalString(at: 7)
        rows += 1
        checksum &+= Int(id) &+ actionID &+ reportedOn.utf8.count &+ status.utf8.count &+ note.utf8.count
        checksum &+= Int(percent ?? 0) &+ (evidence?.utf8.count ?? 0) &+ (author?.utf8.count ?? 0)
    }
} catch {
    print("error: \(error)")
    exit(1)
}
print("\(rows) rows, checksum \(checksum)")
