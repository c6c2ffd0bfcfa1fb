import FolioFiles
import XCTest

final class SafeFileNameTests: XCTestCase {
    func testNamesAreFoldedAndMadeUnique() {
        XCTAssertEqual(SafeFileName.unique(["Côte d’Ivoire", "Cote d'Ivoire", "Chad"]),
                       ["cote-d-ivoire", "cote-d-ivoire-2", "chad"])
    }
}
