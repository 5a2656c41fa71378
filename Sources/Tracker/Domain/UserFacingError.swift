import Importer
import Storage

/// Any error a use case can throw, as the lines a person reads: front ends print these and need
/// not know the importer's, the migrator's or SQLite's error types.
public enum UserFacingError {
    /// The error's lines (usually one; a CSV import reports one per bad line, then a summary), and
    /// the field it is about; nil for an error that is not the user's to fix (a bug, a parse of
    /// the command line).
    public static func describe(_ error: any Error) -> (lines: [String], field: TrackerError.Field?)? {
        switch error {
        case let error as TrackerError: ([error.message], error.field)
        case let error as ImportError: ([error.description], .document)
        case let error as MigrationError: ([error.description], nil)
        case let error as StorageError: ([error.description], nil)
        case let error as ProgressImport.Failure: (error.description.split(separator: "\n").map(String.init), .file)
        case let error as DatabaseError where error.resultCode == DatabaseError.readOnly:
            (["the database is read-only for this user (no write permission on the file or its folder): reading works, writing needs that permission (\(error.codeName))"], nil)
        case let error as DatabaseError: (["database: \(error.message) (\(error.codeName))"], nil)
        case let error as StatementError: (["database: \(error)"], nil)
        default: nil
        }
    }
}
