/// A problem the user can fix, reported as one line on stderr.
public struct TrackerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
