import FolioLanguage
import FolioLayout
@testable import FolioRender
import XCTest

/// Long paragraphs are broken a few lines at a time (`PangoTextMeasurer.lines`): the lines must be
/// exactly those of one layout of the whole paragraph, in every script Folio sets.
final class WindowedLineBreakingTests: XCTestCase {
    /// One paragraph per script, each long enough for many windows, with what makes breaking hard:
    /// soft hyphens, no-break spaces, long words, digits, other-direction words and punctuation.
    static let paragraphs: [(language: String, text: String)] = [
        ("en", "The Office supported constituents in 38 member States to extend social protection floors, "
            + "including through the assessment-based national dialogue (ABND) methodology; in eleven countries "
            + "the reforms were adopted by law. Super\u{AD}cali\u{AD}fragi\u{AD}listic\u{AD}expi\u{AD}ali\u{AD}docious "
            + "words and https://www.ilo.org/global/about-the-ilo/how-the-ilo-works/results-based-management must still break. "),
        ("fr", "Le Bureau a appuyé les mandants de 38 États Membres\u{A0}: extension des socles de protection sociale, "
            + "«\u{A0}dialogue national fondé sur l’évaluation\u{A0}» et réformes adoptées par la loi dans onze pays ; "
            + "anti\u{AD}consti\u{AD}tution\u{AD}nelle\u{AD}ment, les résultats dépassent la cible de 12,5\u{A0}%. "),
        ("ar", "قدّم المكتب الدعم إلى الهيئات المكوّنة في 38 دولة عضواً لتوسيع أرضيات الحماية الاجتماعية، بما في ذلك "
            + "من خلال منهجية الحوار الوطني القائم على التقييم (ABND)؛ واعتُمدت الإصلاحات بقانون في أحد عشر بلداً. "),
        ("zh", "国际劳工局支持了38个成员国的三方成员扩大社会保护底线，包括通过基于评估的国家对话方法；"
            + "在十一个国家，改革已通过立法获得通过，成果超过了目标（12.5%）。"),
        ("ru", "Бюро оказало поддержку трёхсторонним участникам в 38 государствах-членах в расширении минимальных "
            + "уровней социальной защиты, в том числе с помощью методологии национального диалога на основе оценки; "
            + "в одиннадцати странах реформы были закреплены законом. "),
    ]

    func testWindowsGiveTheLinesOfTheWholeParagraph() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        for (language, sentence) in Self.paragraphs {
            let paragraph = String(repeating: sentence, count: 12).trimmingCharacters(in: .whitespaces)
            for font in [FontSpec(family: "Noto Sans", size: 9.5), FontSpec(family: "Noto Sans", size: 12, weight: .bold)] {
                for width in [90.0, 171.5, 451.0] {
                    measurer.breaksInWindows = false
                    let whole = measurer.lines(of: paragraph, font: font, width: width)
                    measurer.breaksInWindows = true
                    let before = measurer.windowsLaidOut
                    let windowed = measurer.lines(of: paragraph, font: font, width: width)
                    XCTAssertGreaterThan(measurer.windowsLaidOut, before, "\(language) at \(width) was not broken in windows")
                    XCTAssertGreaterThan(whole.count, 5)
                    XCTAssertEqual(windowed, whole, "\(language), \(font.size) pt, \(width) pt wide")
                }
            }
        }
    }

    /// Kept shaped lines come from the windows: the painter draws them without shaping again.
    func testWindowedLinesAreKeptShaped() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        let font = FontSpec(family: "Noto Sans", size: 10)
        measurer.keepShapedLines(true)
        defer { measurer.keepShapedLines(false) }
        let lines = measurer.lines(of: String(repeating: Self.paragraphs[4].text, count: 5), font: font, width: 200)
        XCTAssertGreaterThan(lines.count, 10)
        for line in lines { XCTAssertNotNil(measurer.shapedLine(line, font: font), line) }
    }
}
