import FolioService
import Foundation
import XCTest

final class RebuildScheduleTests: XCTestCase {
    let utc = TimeZone(identifier: "UTC")!

    func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    func next(_ cron: String, after: String, zone: TimeZone? = nil) throws -> String? {
        let expression = try CronExpression(cron)
        guard let next = expression.next(after: date(after), in: zone ?? utc) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone ?? utc
        return formatter.string(from: next)
    }

    func testNextFireTimes() throws {
        XCTAssertEqual(try next("*/15 * * * *", after: "2026-11-29T18:07:30Z"), "2026-11-29T18:15:00Z")
        XCTAssertEqual(try next("*/15 * * * *", after: "2026-11-29T18:15:00Z"), "2026-11-29T18:30:00Z", "strictly after")
        XCTAssertEqual(try next("0 6 * * *", after: "2026-11-29T18:07:00Z"), "2026-11-30T06:00:00Z")
        XCTAssertEqual(try next("30 2 1 * *", after: "2026-12-15T00:00:00Z"), "2027-01-01T02:30:00Z", "over a year end")
        XCTAssertEqual(try next("0 9 * * mon-fri", after: "2026-11-28T10:00:00Z"), "2026-11-30T09:00:00Z", "Saturday → Monday")
        XCTAssertEqual(try next("0 0 * * 7", after: "2026-11-29T00:00:00Z"), "2026-12-06T00:00:00Z", "7 is Sunday too")
        XCTAssertEqual(try next("0 0 29 feb *", after: "2026-03-01T00:00:00Z"), "2028-02-29T00:00:00Z", "next leap day")
        // Both day fields restricted: either matches (the 13th, or any Friday).
        XCTAssertEqual(try next("0 0 13 * fri", after: "2026-11-29T00:00:00Z"), "2026-12-04T00:00:00Z")
        XCTAssertEqual(try next("5,10-12/2 8 * * *", after: "2026-11-29T08:06:00Z"), "2026-11-29T08:10:00Z")
        XCTAssertNil(try next("0 0 31 2 *", after: "2026-01-01T00:00:00Z"), "February has no 31st")
        // Seconds past the minute: the very next minute still counts.
        XCTAssertEqual(try next("* * * * *", after: "2026-11-29T18:07:30Z"), "2026-11-29T18:08:00Z")
        XCTAssertEqual(try next("8 18 * * *", after: "2026-11-29T18:07:30Z"), "2026-11-29T18:08:00Z")
        XCTAssertEqual(try next("8 18 * * *", after: "2026-11-29T18:08:00Z"), "2026-11-30T18:08:00Z")
        // Clocks go back in New York on 1 November 2026: 01:30 happens twice, a fixed-hour job runs once.
        let newYork = TimeZone(identifier: "America/New_York")!
        let first = try CronExpression("30 1 * * *").next(after: date("2026-11-01T05:00:00Z"), in: newYork)
        XCTAssertEqual(first, date("2026-11-01T05:30:00Z"), "01:30 EDT")
        let second = try CronExpression("30 1 * * *").next(after: first!, in: newYork)
        XCTAssertEqual(second, date("2026-11-02T06:30:00Z"), "not 01:30 EST the same night, but the next day")
        let every = try CronExpression("30 * * * *").next(after: first!, in: newYork)
        XCTAssertEqual(every, date("2026-11-01T06:30:00Z"), "an hourly job runs in both hours")
        // In a zone: 06:00 in Geneva is 05:00 UTC in winter.
        let geneva = TimeZone(identifier: "Europe/Zurich")!
        let fire = try CronExpression("0 6 * * *").next(after: date("2026-11-29T18:00:00Z"), in: geneva)
        XCTAssertEqual(fire, date("2026-11-30T05:00:00Z"))
    }

    func testBadExpressionsNameTheField() {
        let cases = [
            ("* * * *", "5 fields"), ("60 * * * *", "minute field \"60\": 60 is outside 0–59"),
            ("* 24 * * *", "hour"), ("* * 0 * *", "day of month"), ("* * * 13 *", "month"), ("* * * * 8", "day of week"),
            ("*/0 * * * *", "step"), ("5-1 * * * *", "backwards"), ("* * * foo *", "\"foo\" is not a number or a name like jan"),
            ("1,,2 * * * *", "minute"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try CronExpression(text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(text): \(error)")
            }
        }
    }

    func testIntervals() throws {
        XCTAssertEqual(try RebuildSchedule.interval("15m"), .seconds(900))
        XCTAssertEqual(try RebuildSchedule.interval("1h30m"), .seconds(5400))
        XCTAssertEqual(try RebuildSchedule.interval("90s"), .seconds(90))
        XCTAssertEqual(try RebuildSchedule.interval("1d"), .seconds(86_400))
        for bad in ["", "15", "m", "5s", "40d", "1x", "-5m", "99999999999m"] {
            XCTAssertThrowsError(try RebuildSchedule.interval(bad), bad)
        }
        XCTAssertEqual(RebuildSchedule.every(.seconds(5400)).description, "every 1h30m")
        let start = date("2026-11-29T18:00:00Z")
        XCTAssertEqual(RebuildSchedule.every(.seconds(900)).next(after: start), start.addingTimeInterval(900))
    }
}
