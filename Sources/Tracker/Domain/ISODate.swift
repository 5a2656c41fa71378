import Glibc

/// A calendar date, `YYYY-MM-DD`, validated against the Gregorian calendar.
public struct ISODate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...ISODate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else, including impossible days like 2025-02-30.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: ISODate, rhs: ISODate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> ISODate { ISODate(dayNumber: dayNumber + days) }

    public func days(until other: ISODate) -> Int { other.dayNumber - dayNumber }

    /// Today in the local time zone; `PLANTRACK_TODAY=YYYY-MM-DD` pins it, for reproducible runs and tests.
    public static func today() -> ISODate {
        if let pinned = getenv("PLANTRACK_TODAY").map({ String(cString: $0) }), let date = ISODate(pinned) {
            return date
        }
        return clockToday()
    }

    /// Today by the system clock, in the local time zone.
    static func clockToday() -> ISODate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return ISODate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

extension ISODate {
    /// Refuses a `PLANTRACK_TODAY` that is not a real date, or that is later than the clock's
    /// tomorrow (a day's slack for time zones): pinning is for reproducing the past, not for
    /// recording the future. Front ends call this once at start.
    public static func checkPinnedToday() throws {
        guard let pinned = getenv("PLANTRACK_TODAY").map({ String(cString: $0) }) else { return }
        guard let date = ISODate(pinned) else {
            throw TrackerError("PLANTRACK_TODAY: '\(Escaped.text(pinned))' is not a valid date (expected YYYY-MM-DD)")
        }
        let tomorrow = clockToday().adding(days: 1)
        guard date <= tomorrow else {
            throw TrackerError("PLANTRACK_TODAY: \(date) is after tomorrow (\(tomorrow)); it may pin any real date up to the clock's tomorrow")
        }
    }
}
