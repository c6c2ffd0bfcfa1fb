import FolioModel
import Foundation
import XCTest

/// The one date policy of the CLI, builds and the service: strict settings, one precedence.
final class DocumentDateTests: XCTestCase {
    let march1 = Date(timeIntervalSince1970: 1_456_790_400) // 2016-03-01T00:00:00Z

    func parse(_ text: String) throws -> Date { try DocumentDate.parse(text, setting: "--date") }

    func message(_ text: String) -> String? {
        do throws(DateSettingError) {
            _ = try DocumentDate.parse(text, setting: "--date")
            return nil
        } catch {
            return error.description
        }
    }

    func testDatesAndTimesOnTheCalendarAreRead() throws {
        XCTAssertEqual(try parse("2016-03-01"), march1)
        XCTAssertEqual(try parse("2016-03-01T12:00:00Z"), march1.addingTimeInterval(12 * 3600))
        XCTAssertEqual(try parse("2016-03-01T12:00:00+01:00"), march1.addingTimeInterval(11 * 3600))
        XCTAssertEqual(try parse("2016-03-01T00:30:00-02:30"), march1.addingTimeInterval(3 * 3600))
        XCTAssertEqual(try parse("2016-02-29"), march1.addingTimeInterval(-86_400))
        XCTAssertEqual(try parse("2000-02-29").timeIntervalSince1970, 951_782_400)
        XCTAssertEqual(try parse("1969-12-31T23:59:59Z").timeIntervalSince1970, -1)
        XCTAssertEqual(try parse("9999-12-31T23:59:59Z").timeIntervalSince1970, 253_402_300_799)
    }

    /// Defect: Foundation's ISO 8601 reader rolled 2016-02-30 over to 2016-03-01.
    func testDatesOffTheCalendarAreRefused() {
        XCTAssertEqual(message("2016-02-30"), "--date \"2016-02-30\" is not a date: 2016-02 has 29 days")
        XCTAssertEqual(message("2015-02-29"), "--date \"2015-02-29\" is not a date: 2015-02 has 28 days")
        XCTAssertEqual(message("1900-02-29"), "--date \"1900-02-29\" is not a date: 1900-02 has 28 days")
        XCTAssertEqual(message("2016-04-31T10:00:00Z"), "--date \"2016-04-31T10:00:00Z\" is not a date: 2016-04 has 30 days")
        XCTAssertEqual(message("2016-13-01"), "--date \"2016-13-01\" is not a date: months run from 01 to 12")
        XCTAssertEqual(message("2016-00-10"), "--date \"2016-00-10\" is not a date: months run from 01 to 12")
        XCTAssertEqual(message("2016-03-00"), "--date \"2016-03-00\" is not a date: 2016-03 has 31 days")
        XCTAssertEqual(message("0000-03-01"), "--date \"0000-03-01\" is not a date: there is no year 0000")
        XCTAssertEqual(message("2016-03-01T24:00:00Z"),
                       "--date \"2016-03-01T24:00:00Z\" is not a time of day (hours 00 to 23, minutes and seconds 00 to 59)")
        XCTAssertEqual(message("2016-03-01T12:00:60Z"),
                       "--date \"2016-03-01T12:00:60Z\" is not a time of day (hours 00 to 23, minutes and seconds 00 to 59)")
        XCTAssertEqual(message("2016-03-01T12:00:00+24:00"), "--date \"2016-03-01T12:00:00+24:00\" has an offset from UTC beyond ±23:59")
    }

    func testOtherFormsAreRefusedWithTheFormsThatWork() {
        for text in ["yesterday", "", "2016-3-1", "2016/03/01", "16-03-01", "2016-03-01T12:00Z", "2016-03-01T12:00:00",
                     "2016-03-01 12:00:00Z", "2016-03-01T12:00:00.Z", "2016-03-01T12:00:00+0100", "+2016-03-01", "２０１６-03-01",
                     "2016-03-01Z", "2016-03-01T12:00:00ZZ"] {
            XCTAssertEqual(message(text), "--date \(quoted(text)) is not a date like 2016-03-01 or 2016-03-01T12:00:00Z", text)
        }
    }

    func quoted(_ text: String) -> String { "\"\(text)\"" }

    /// RFC 3339 allows a fraction of a second (the service's OpenAPI document says `date-time`, and
    /// clients send them); PDF dates have whole seconds, so it is dropped.
    func testAFractionOfASecondIsDropped() throws {
        let noon = Date(timeIntervalSince1970: 1_456_790_400 + 43_200)
        XCTAssertEqual(try DocumentDate.parse("2016-03-01T12:00:00.5Z", setting: "date"), noon)
        XCTAssertEqual(try DocumentDate.parse("2016-03-01T14:00:00.87829+02:00", setting: "date"), noon)
        XCTAssertEqual(try DocumentDate.parse("0221-04-16T16:21:03.87829+02:26", setting: "date"),
                       try DocumentDate.parse("0221-04-16T16:21:03+02:26", setting: "date"))
    }

    func testTheEpochIsAWholeNumberOfSeconds() throws {
        XCTAssertNil(try DocumentDate.epoch(in: [:]))
        XCTAssertNil(try DocumentDate.epoch(in: ["SOURCE_DATE_EPOCH": ""]), "empty means unset")
        XCTAssertEqual(try DocumentDate.epoch(in: ["SOURCE_DATE_EPOCH": "1456790400"]), march1)
        XCTAssertEqual(try DocumentDate.epoch(in: ["SOURCE_DATE_EPOCH": "0"]), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(try DocumentDate.epoch(in: ["SOURCE_DATE_EPOCH": "01456790400"]), march1)
        for text in ["abc", "-1", "+5", " 5", "1.5", "1e9", "0x10"] {
            XCTAssertThrowsError(try DocumentDate.epoch(in: ["SOURCE_DATE_EPOCH": text]), text) { error in
                XCTAssertEqual("\(error)", "SOURCE_DATE_EPOCH \"\(text)\" is not a whole number of seconds", text)
            }
        }
        for text in ["253402300800", "99999999999999999999999"] {
            XCTAssertThrowsError(try DocumentDate.epoch(in: ["SOURCE_DATE_EPOCH": text]), text) { error in
                XCTAssertEqual("\(error)", "SOURCE_DATE_EPOCH \"\(text)\" is after the year 9999", text)
            }
        }
    }

    /// One precedence everywhere: the named date, else SOURCE_DATE_EPOCH, else the fallback,
    /// which is only computed when needed.
    func testPrecedence() throws {
        let epoch = Date(timeIntervalSince1970: 1_733_443_200)
        let fallback = Date(timeIntervalSince1970: 42)
        var asked = 0
        func fallbackDate() -> Date {
            asked += 1
            return fallback
        }
        let both = try DocumentDate(explicit: march1, environment: ["SOURCE_DATE_EPOCH": "1733443200"])
        XCTAssertEqual(both.resolved(fallback: fallbackDate), march1)
        XCTAssertEqual(both.fixed, march1)
        let epochOnly = try DocumentDate(explicit: nil, environment: ["SOURCE_DATE_EPOCH": "1733443200"])
        XCTAssertEqual(epochOnly.resolved(fallback: fallbackDate), epoch)
        XCTAssertEqual(asked, 0)
        let neither = try DocumentDate(explicit: nil, environment: [:])
        XCTAssertNil(neither.fixed)
        XCTAssertEqual(neither.resolved(fallback: fallbackDate), fallback)
        XCTAssertEqual(asked, 1)
        XCTAssertThrowsError(try DocumentDate(explicit: march1, environment: ["SOURCE_DATE_EPOCH": "abc"]),
                             "a bad epoch is an error even where a named date wins")
    }

    func testFallbacksAreWholeSecondsAndUTCDays() {
        XCTAssertEqual(DocumentDate.wholeSeconds(Date(timeIntervalSince1970: 1_456_790_400.9)), march1)
        XCTAssertEqual(DocumentDate.utcDay(of: march1.addingTimeInterval(86_399)), march1)
        XCTAssertEqual(DocumentDate.utcDay(of: march1), march1)
    }
}
