import Foundation

/// A five-field cron schedule (`minute hour day-of-month month day-of-week`), as crontab(5) reads it:
/// `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, month and day names (`jan`,
/// `mon`), Sunday as 0 or 7, and the usual rule that when both day fields are restricted a day
/// matching either one fires. Times are in the given time zone (the server's, as cron's are).
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    public let description: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let daysOfWeek: Set<Int>
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    public init(_ text: String) throws {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(description: "a cron schedule has 5 fields (minute hour day month weekday), \"\(text)\" has \(fields.count)")
        }
        description = fields.joined(separator: " ")
        let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        minutes = try Self.field(fields[0], name: "minute", range: 0...59)
        hours = try Self.field(fields[1], name: "hour", range: 0...23)
        daysOfMonth = try Self.field(fields[2], name: "day of month", range: 1...31)
        months = try Self.field(fields[3], name: "month", range: 1...12, names: monthNames, firstNameValue: 1)
        let weekdays = try Self.field(fields[4], name: "day of week", range: 0...7, names: dayNames, firstNameValue: 0)
        daysOfWeek = Set(weekdays.map { $0 % 7 })
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
    }

    /// The first minute strictly after `date` that matches, or nil when none does within eight years
    /// (`0 0 31 2 *`: February never has a 31st).
    ///
    /// Daylight saving, as cron does for jobs at a fixed hour: a local time that happens twice when
    /// clocks go back fires once (the first time); one skipped when clocks go forward does not fire
    /// that day. Jobs with `*` in the hour field run through both changes as minutes pass.
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // The next whole minute: time zones are whole minutes from UTC, so this is a local minute too.
        var candidate = Date(timeIntervalSince1970: ((date.timeIntervalSince1970 / 60).rounded(.down) + 1) * 60)
        let limit = date.addingTimeInterval(8 * 366 * 86_400)
        let hourRestricted = hours.count < 24
        while candidate < limit {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: candidate)
            guard let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute,
                  let weekday = parts.weekday else { return nil }
            if !months.contains(month) {
                candidate = startOfNextMonth(candidate, calendar)
                continue
            }
            if !dayMatches(day: day, weekday: weekday - 1) {
                candidate = startOfNextDay(candidate, calendar)
                continue
            }
            if !hours.contains(hour) {
                candidate = calendar.date(byAdding: .minute, value: 60 - minute, to: candidate) ?? limit
                continue
            }
            if !minutes.contains(minute) {
                candidate = candidate.addingTimeInterval(60)
                continue
            }
            if hourRestricted && isRepeatedWallTime(candidate, calendar) {
                candidate = candidate.addingTimeInterval(60)
                continue
            }
            return candidate
        }
        return nil
    }

    /// Whether the local time of `date` already happened an hour earlier (clocks went back).
    private func isRepeatedWallTime(_ date: Date, _ calendar: Calendar) -> Bool {
        let fields: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute]
        return calendar.dateComponents(fields, from: date) == calendar.dateComponents(fields, from: date.addingTimeInterval(-3600))
    }

    private func dayMatches(day: Int, weekday: Int) -> Bool {
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): return daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
        case (true, false): return daysOfMonth.contains(day)
        case (false, true): return daysOfWeek.contains(weekday)
        case (false, false): return true
        }
    }

    private func startOfNextDay(_ date: Date, _ calendar: Calendar) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? date.addingTimeInterval(86_400)
    }

    private func startOfNextMonth(_ date: Date, _ calendar: Calendar) -> Date {
        let parts = calendar.dateComponents([.year, .month], from: date)
        let first = calendar.date(from: parts) ?? date
        return calendar.date(byAdding: .month, value: 1, to: first) ?? date.addingTimeInterval(28 * 86_400)
    }

    /// One field: a comma-separated list of `*`, `n`, `a-b`, each optionally `/step`.
    private static func field(_ text: String, name: String, range: ClosedRange<Int>, names: [String] = [],
                              firstNameValue: Int = 0) throws -> Set<Int> {
        func fail(_ why: String) -> ParseError {
            ParseError(description: "cron \(name) field \"\(text)\": \(why)")
        }
        func value(_ token: Substring) throws -> Int {
            if let number = Int(token) {
                guard range.contains(number) else { throw fail("\(number) is outside \(range.lowerBound)–\(range.upperBound)") }
                return number
            }
            if let index = names.firstIndex(of: token.lowercased()) { return index + firstNameValue }
            throw fail("\"\(token)\" is not a number" + (names.isEmpty ? "" : " or a name like \(names[0])"))
        }
        var values = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, !parts[0].isEmpty else { throw fail("\"\(item)\" is not a value, range or step") }
            var step = 1
            if parts.count == 2 {
                guard let parsed = Int(parts[1]), parsed >= 1, parsed <= range.upperBound + 1 else {
                    throw fail("step \"\(parts[1])\" must be a whole number from 1 to \(range.upperBound + 1)")
                }
                step = parsed
            }
            let bounds: ClosedRange<Int>
            if parts[0] == "*" {
                bounds = range
            } else if let dash = parts[0].firstIndex(of: "-") {
                let low = try value(parts[0][..<dash]), high = try value(parts[0][parts[0].index(after: dash)...])
                guard low <= high else { throw fail("range \(parts[0]) runs backwards") }
                bounds = low...high
            } else {
                let single = try value(parts[0])
                bounds = single...(parts.count == 2 ? range.upperBound : single)
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return values
    }
}

/// When the service rebuilds its project by itself: every fixed interval, or on a cron schedule.
public enum RebuildSchedule: Sendable, Equatable, CustomStringConvertible {
    case every(Duration)
    case cron(CronExpression)

    /// The next rebuild after `date`.
    public func next(after date: Date, timeZone: TimeZone = .current) -> Date? {
        switch self {
        case .every(let interval):
            let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
            return date.addingTimeInterval(seconds)
        case .cron(let expression):
            return expression.next(after: date, in: timeZone)
        }
    }

    public var description: String {
        switch self {
        case .every(let interval): return "every \(Self.text(interval))"
        case .cron(let expression): return "cron \"\(expression)\""
        }
    }

    /// `90s`, `15m`, `1h30m`, `1d`: at least 10 seconds, at most 31 days.
    public static func interval(_ text: String) throws -> Duration {
        struct IntervalError: Error, CustomStringConvertible { var description: String }
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var total: Int64 = 0, digits = ""
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let number = Int64(digits), digits.count <= 7 {
                total += number * unit
                digits = ""
            } else {
                throw IntervalError(description: "--every takes a duration like 90s, 15m, 1h30m or 1d, found \"\(text)\"")
            }
        }
        guard digits.isEmpty, !text.isEmpty else {
            throw IntervalError(description: "--every takes a duration like 90s, 15m, 1h30m or 1d, found \"\(text)\" (a unit is missing)")
        }
        guard (10...31 * 86_400).contains(total) else {
            throw IntervalError(description: "--every must be from 10 seconds to 31 days, found \"\(text)\"")
        }
        return .seconds(total)
    }

    static func text(_ interval: Duration) -> String {
        var seconds = interval.components.seconds
        var text = ""
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60), ("s", 1)] where seconds >= size {
            text += "\(seconds / size)\(unit)"
            seconds %= size
        }
        return text.isEmpty ? "0s" : text
    }
}
