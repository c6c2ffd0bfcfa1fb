import FolioModel
import Foundation

/// The hand-written activities file (valid against the published IATI 2.03 schema).
let iatiFixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/iati-activities.xml")

/// Checks IATI XML named activities.xml, so expected messages read as a user sees them.
func checkIATI(_ text: String, options: LoadOptions = LoadOptions()) -> CheckResult {
    checkIATI(data: Data(text.utf8), options: options)
}

func checkIATI(data: Data, options: LoadOptions = LoadOptions()) -> CheckResult {
    ReportLoader.check(data: data, fileName: "activities.xml", format: .iati, options: options)
}

/// One activity in Kenya with one outcome result, one indicator and one period whose target and
/// actual are given; for tests that change one value.
func iatiActivity(version: String = "2.03", target: String = "1", actual: String = "1") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <iati-activities version="\(version)">
      <iati-activity xml:lang="en">
        <reporting-org ref="XM-DAC-41302" type="40"><narrative>ILO</narrative></reporting-org>
        <title><narrative>Jobs in Kenya</narrative></title>
        <recipient-country code="KE"/>
        <result type="2">
          <title><narrative>Jobs</narrative></title>
          <indicator measure="1">
            <title><narrative>Countries with a jobs plan</narrative></title>
            <period>
              <period-start iso-date="2022-01-01"/>
              <period-end iso-date="2023-12-31"/>
              <target value="\(target)"/>
              <actual value="\(actual)"/>
            </period>
          </indicator>
        </result>
      </iati-activity>
    </iati-activities>

    """
}
