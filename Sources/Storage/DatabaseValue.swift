import FoundationEssentials

/// One SQLite value, as stored: the five storage classes.
public enum DatabaseValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var isNull: Bool { if case .null = self { true } else { false } }
}

/// A Swift value that binds to a statement parameter.
public protocol DatabaseValueConvertible {
    var databaseValue: DatabaseValue { get }
}

extension DatabaseValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self }
}
extension Int: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}
extension Int64: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self) }
}
extension Int32: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}
extension Bool: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
}
extension Double: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .real(self) }
}
extension String: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(self) }
}
extension Substring: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .text(String(self)) }
}
extension Array: DatabaseValueConvertible where Element == UInt8 {
    public var databaseValue: DatabaseValue { .blob(self) }
}
extension Data: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { .blob([UInt8](self)) }
}
extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

/// Values bound to a statement: by position (`?`, `?NNN`) or by name (`:name`, `@name`, `$name`).
public enum StatementArguments: Sendable {
    case positional([DatabaseValue])
    case named([String: DatabaseValue])

    public static let none = StatementArguments.positional([])

    public init(_ values: [any DatabaseValueConvertible]) {
        self = .positional(values.map(\.databaseValue))
    }

    public init(_ values: [String: any DatabaseValueConvertible]) {
        self = .named(values.mapValues(\.databaseValue))
    }

    var values: [DatabaseValue] {
        switch self {
        case .positional(let values): values
        case .named(let values): values.sorted { $0.key < $1.key }.map(\.value)
        }
    }
}

extension StatementArguments: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: (any DatabaseValueConvertible)...) { self.init(elements) }
}

extension StatementArguments: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, any DatabaseValueConvertible)...) {
        self = .named(Dictionary(elements.map { ($0.0, $0.1.databaseValue) }) { _, last in last })
    }
}
