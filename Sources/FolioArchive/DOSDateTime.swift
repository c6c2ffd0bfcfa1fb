import Foundation

/// The MS-DOS date and time of a ZIP entry, from a Unix time by arithmetic alone.
///
/// `gmtime` returns a pointer to one buffer shared by every thread, so ZIP containers written at the
/// same time with different dates could take each other's fields: this needs no C time functions at
/// all. The fields are those ZIPFoundation 0.9.20 computes (UTC; the year held within 1980…2099,
/// month and day kept as they are; seconds halved).
struct DOSDateTime: Equatable {
    var date: UInt16
    var time: UInt16

    init(date: UInt16, time: UInt16) {
        self.date = date
        self.time = time
    }

    init(_ moment: Date) {
        // time_t(Double) truncates toward zero; the calendar day is then found by floor division.
        let seconds = Int64(moment.timeIntervalSince1970)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilDate.fromDays(days)
        let clampedYear = min(2099, max(1980, year))
        date = UInt16(truncatingIfNeeded: day + month * 32 + (clampedYear - 1980) * 512)
        time = UInt16(truncatingIfNeeded: (secondOfDay % 60) / 2 + (secondOfDay / 60 % 60) * 32 + (secondOfDay / 3600) * 2048)
    }

    /// Writes these fields into every local header and central directory record of `zip` (a
    /// single-disk archive as ZIPFoundation writes it, without ZIP64 records).
    func stamp(_ zip: inout [UInt8]) throws {
        func word(_ at: Int) -> Int { Int(zip[at]) | Int(zip[at + 1]) << 8 }
        func long(_ at: Int) -> Int { word(at) | word(at + 2) << 16 }
        func put(_ value: UInt16, at: Int) { zip[at] = UInt8(value & 0xFF); zip[at + 1] = UInt8(value >> 8) }
        guard zip.count >= 22 else { throw ZipWriter.Failure(message: "archive too short") }
        var end = zip.count - 22
        while end >= 0, long(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { throw ZipWriter.Failure(message: "no end of central directory") }
        let count = word(end + 10)
        var record = long(end + 16)
        for _ in 0..<count {
            guard record + 46 <= zip.count, long(record) == 0x0201_4B50 else {
                throw ZipWriter.Failure(message: "bad central directory record")
            }
            put(time, at: record + 12)
            put(date, at: record + 14)
            let local = long(record + 42)
            guard local + 30 <= zip.count, long(local) == 0x0403_4B50 else {
                throw ZipWriter.Failure(message: "bad local header")
            }
            put(time, at: local + 10)
            put(date, at: local + 12)
            record += 46 + word(record + 28) + word(record + 30) + word(record + 32)
        }
    }
}
