import Foundation

/// A date as the service's query parameters take it: `2016-03-01` (UTC midnight) or an RFC 3339
/// time such as `2016-03-01T12:00:00Z` or `2016-03-01T12:00:00+02:00`, on a real calendar day.
///
/// `ISO8601DateFormatter` rolls `2016-02-30` over to March 1st; a date that does not exist is a
/// client's mistake and is refused instead. One function, so the service's date rule can follow
/// the project-wide date policy by changing this one place.
enum CalendarDate {
    /// The date, or nil when `text` is not one of the two forms or names a day or time that does not exist.
    static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard scalars.count >= 10, let year = number(0..<4), scalars[4] == 0x2D, let month = number(5..<7),
              scalars[7] == 0x2D, let day = number(8..<10), (1...12).contains(month), year >= 1,
              (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var components = DateComponents(calendar: calendar, timeZone: TimeZone(identifier: "UTC"), year: year, month: month,
                                        day: day)
        var offset = 0
        if scalars.count > 10 {
            guard scalars.count >= 20, scalars[10] == 0x54 || scalars[10] == 0x74, let hour = number(11..<13),
                  scalars[13] == 0x3A, let minute = number(14..<16), scalars[16] == 0x3A, let second = number(17..<19),
                  hour < 24, minute < 60, second < 60 else { return nil }
            var index = 19
            var fraction = 0.0
            if scalars[index] == 0x2E {
                var digits = 0
                var scale = 0.1
                index += 1
                while index < scalars.count, (0x30...0x39).contains(scalars[index]) {
                    fraction += Double(scalars[index] - 0x30) * scale
                    scale /= 10
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits <= 9 else { return nil }
            }
            guard index < scalars.count else { return nil }
            if scalars[index] == 0x5A || scalars[index] == 0x7A {
                guard index + 1 == scalars.count else { return nil }
            } else {
                guard scalars[index] == 0x2B || scalars[index] == 0x2D, index + 6 == scalars.count,
                      let zoneHours = number(index + 1..<index + 3), scalars[index + 3] == 0x3A,
                      let zoneMinutes = number(index + 4..<index + 6), zoneHours < 24, zoneMinutes < 60 else { return nil }
                offset = (zoneHours * 3600 + zoneMinutes * 60) * (scalars[index] == 0x2B ? 1 : -1)
            }
            components.hour = hour
            components.minute = minute
            components.second = second
            components.nanosecond = Int((fraction * 1e9).rounded())
        }
        guard let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(TimeInterval(-offset))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The OpenAPI `pattern` of the two forms (the calendar check is the server's).
    static let pattern = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2}))?$"#
}
