@testable import FolioArchive
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// ZIP entry dates come from arithmetic, not from `gmtime`'s shared buffer.
final class ZipDateTests: XCTestCase {
    /// The fields `gmtime` gives (as ZIPFoundation computes them) for dates across and beyond the
    /// MS-DOS range, leap days and the last second of a day included.
    func testFieldsMatchTheCalendar() {
        var seconds: [Int64] = [0, 315_532_800, 946_684_800, 951_782_399, 951_868_800, 1_733_443_200, 4_102_444_799,
                                4_107_542_400, -1, -86_401, 1_709_164_800]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { seconds.append(Int64.random(in: -2_000_000_000...5_000_000_000, using: &generator)) }
        for second in seconds {
            var time = time_t(second)
            var parts = tm()
            gmtime_r(&time, &parts)
            let year = min(2099, max(1980, Int(parts.tm_year) + 1900))
            let date = UInt16(truncatingIfNeeded: Int(parts.tm_mday) + (Int(parts.tm_mon) + 1) * 32 + (year - 1980) * 512)
            let clock = UInt16(truncatingIfNeeded: Int(parts.tm_sec) / 2 + Int(parts.tm_min) * 32 + Int(parts.tm_hour) * 2048)
            let fields = DOSDateTime(Date(timeIntervalSince1970: TimeInterval(second)))
            XCTAssertEqual(fields, DOSDateTime(date: date, time: clock), "at \(second)")
        }
    }

    /// Archives with different dates, written on many threads at once, are byte-identical to the
    /// same archives written one at a time.
    func testConcurrentArchivesWithDifferentDatesAreByteIdentical() throws {
        let entries = (0..<40).map { ZipWriter.Entry(path: "file-\($0).txt", bytes: Array("entry \($0)".utf8), compressed: $0 % 2 == 0) }
        let dates = [Date(timeIntervalSince1970: 946_684_800), Date(timeIntervalSince1970: 1_733_443_200),
                     Date(timeIntervalSince1970: 1_262_304_000 + 3_599), Date(timeIntervalSince1970: 1_500_000_000)]
        let expected = try dates.map { try ZipWriter.archive(entries, date: $0) }
        XCTAssertEqual(Set(expected).count, dates.count)
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let which = index % dates.count
            let bytes = try? ZipWriter.archive(entries, date: dates[which])
            if bytes != expected[which] { mismatches.add() }
        }
        XCTAssertEqual(mismatches.count, 0)
    }

    final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }
}
