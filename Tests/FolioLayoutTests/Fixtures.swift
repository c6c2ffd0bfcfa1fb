import FolioLayout
import FolioModel
import XCTest

/// Reports built in code, so layout tests need neither files nor the loader.
enum Fixtures {
    static func indicator(_ id: String, target: Int, result: Int?, perRegion: [String: Int], territories: Int = 0,
                          description: String = "Number of member States that, with ILO support, improve the knowledge base") -> Indicator {
        var countries: [String: [CountryEntry]] = [:]
        for (region, count) in perRegion {
            countries[region] = (0..<count).map { CountryEntry(name: "\(region) country \($0 + 1)") }
        }
        if territories > 0 {
            countries[Report.defaultRegions[2], default: []] += (0..<territories).map {
                CountryEntry(name: "Territory \($0 + 1)", isTerritory: true)
            }
        }
        return Indicator(id: id, description: description, target: target, result: result, countries: countries)
    }

    static var outcome: Outcome {
        Outcome(id: "4", title: "More people have access to better managed social security benefits.", indicators: [
            indicator("4.1", target: 10, result: 11, perRegion: ["Africa": 3, "Americas": 4, "Arab States": 1, "Asia-Pacific": 1, "Europe-Central Asia": 2]),
            indicator("4.2", target: 12, result: 25, perRegion: ["Africa": 8, "Americas": 4, "Arab States": 4, "Asia-Pacific": 7, "Europe-Central Asia": 1], territories: 1),
            indicator("4.3", target: 8, result: 5, perRegion: ["Africa": 3, "Americas": 2]),
        ])
    }

    static var report: Report {
        Report(title: "ILO programme implementation 2014–15", subtitle: "Outcome 4", organization: "International Labour Office",
               period: "2014–15", outcomes: [outcome])
    }

    static let measurer = FixedAdvanceMeasurer()
}

/// Every text of a chart on its canvas and clear of every other text.
func assertLegible(_ frame: Frame, measurer: TextMeasurer = Fixtures.measurer, file: StaticString = #filePath, line: UInt = #line) {
    let canvas = Rect(x: 0, y: 0, width: frame.size.width, height: frame.size.height)
    let boxes = frame.textBoxes(measurer: measurer)
    XCTAssertFalse(boxes.isEmpty, file: file, line: line)
    for box in boxes { XCTAssertTrue(canvas.contains(box), "\(box) leaves the canvas", file: file, line: line) }
    for i in boxes.indices { for j in boxes.indices where i < j {
        XCTAssertFalse(boxes[i].insetBy(0.5).intersects(boxes[j].insetBy(0.5)),
                       "labels overlap: \(boxes[i]) and \(boxes[j])", file: file, line: line)
    } }
}
