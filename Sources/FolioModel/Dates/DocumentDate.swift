import Foundation

/// Which date a document carries (a PDF's creation date, the date on a briefing's cover): one
/// rule for the CLI, builds and the service, so the same settings give the same bytes everywhere.
///
/// In order of precedence:
/// 1. the date whoever asks for the document names: `--date`, folio.yaml's `date:`, a request's `date=`;
/// 2. else `SOURCE_DATE_EPOCH` (reproducible-builds.org), the date of every document of a run;
/// 3. else the caller's fallback: the data file's modification time (CLI, builds), or the current
///    UTC day (the service, so identical requests on one day give identical files on every replica).
///
/// Settings are read strictly (`parse`, `epoch(in:)`), and a bad one is refused with the same
/// `DateSettingError` wherever it is given: a date that is not on the calendar (2016-02-30) or an
/// epoch that is not a whole number never turns silently into another date or into the fallback.
public struct DocumentDate: Sendable, Equatable {
    public static let epochVariable = "SOURCE_DATE_EPOCH"
    /// The forms a date setting may take, for messages and documentation.
    public static let forms = "2016-03-01 or 2016-03-01T12:00:00Z"
    /// 9999-12-31T23:59:59Z: dates are written with four-digit years.
    static let latest: Int64 = 253_402_300_799

    /// Named by the caller (rule 1).
    public var explicit: Date?
    /// From `SOURCE_DATE_EPOCH` (rule 2).
    public var epoch: Date?

    public init(explicit: Date?, epoch: Date?) {
        self.explicit = explicit
        self.epoch = epoch
    }

    /// Rule 1 as given, rule 2 read from `environment`.
    public init(explicit: Date?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(DateSettingError) {
        self.init(explicit: explicit, epoch: try Self.epoch(in: environment))
    }

    /// The date a setting fixes, or nil when the fallback decides. Build fingerprints hash this,
    /// not the settings' text: `0123` and `123` fix the same date and give the same bytes.
    public var fixed: Date? { explicit ?? epoch }

    public func resolved(fallback: () -> Date) -> Date {
        fixed ?? fallback()
    }

    // MARK: Fallbacks

    /// A file time or the clock to the whole second below, as PDF dates have no fractions.
    public static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Midnight UTC of the day `date` falls on.
    public static func utcDay(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    // MARK: Reading settings

    /// `SOURCE_DATE_EPOCH` from `environment`: nil when unset or empty (as the specification
    /// allows), else a whole number of seconds since 1970 in ASCII digits, up to the end of 9999.
    public static func epoch(in environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(DateSettingError) -> Date? {
        guard let text = environment[epochVariable], !text.isEmpty else { return nil }
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw DateSettingError(setting: epochVariable, value: text, problem: "is not a whole number of seconds")
        }
        guard let seconds = Int64(text), seconds <= latest else {
            throw DateSettingError(setting: epochVariable, value: text, problem: "is after the year 9999")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// A date setting: `2016-03-01` (midnight UTC) or an RFC 3339 time, `2016-03-01T12:00:00Z` or
    /// `2016-03-01T12:00:00.25+01:00` (a fraction of a second is dropped). Only dates on the calendar pass.
    /// - Parameter setting: how the user gave it (`--date`, `date`), for the message.
    public static func parse(_ text: String, setting: String) throws(DateSettingError) -> Date {
        func fail(_ problem: String) -> DateSettingError {
            DateSettingError(setting: setting, value: text, problem: problem)
        }
        let form = fail("is not a date like \(forms)")
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard bytes.count == 10 || bytes.count >= 20, let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2),
              byte(7, is: "-"), let day = number(8, 2) else { throw form }
        var seconds = 0
        if bytes.count > 10 {
            guard byte(10, is: "T"), let hour = number(11, 2), byte(13, is: ":"), let minute = number(14, 2), byte(16, is: ":"),
                  let second = number(17, 2) else { throw form }
            // A fraction of a second is allowed (RFC 3339) and dropped: PDF dates have whole seconds.
            var zone = 19
            if byte(zone, is: ".") {
                zone += 1
                while zone < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[zone]) { zone += 1 }
                guard zone > 20 else { throw form }
            }
            var offset = 0
            if bytes.count == zone + 1, byte(zone, is: "Z") {
                offset = 0
            } else if bytes.count == zone + 6, byte(zone, is: "+") || byte(zone, is: "-"), let offsetHour = number(zone + 1, 2),
                      byte(zone + 3, is: ":"), let offsetMinute = number(zone + 4, 2) {
                guard offsetHour <= 23, offsetMinute <= 59 else { throw fail("has an offset from UTC beyond ±23:59") }
                offset = (offsetHour * 60 + offsetMinute) * 60 * (byte(zone, is: "-") ? -1 : 1)
            } else {
                throw form
            }
            guard hour <= 23, minute <= 59, second <= 59 else {
                throw fail("is not a time of day (hours 00 to 23, minutes and seconds 00 to 59)")
            }
            seconds = hour * 3600 + minute * 60 + second - offset
        }
        guard year >= 1 else { throw fail("is not a date: there is no year 0000") }
        guard (1...12).contains(month) else { throw fail("is not a date: months run from 01 to 12") }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw fail("is not a date: \(text.prefix(7)) has \(length) days")
        }
        return Date(timeIntervalSince1970: TimeInterval(daysSince1970(year: year, month: month, day: day) * 86_400 + seconds))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
