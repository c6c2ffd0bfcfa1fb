/// A date setting that `DocumentDate` refuses: `SOURCE_DATE_EPOCH "abc" is not a whole number of
/// seconds`, `--date "2016-02-30" is not a date: 2016-02 has 29 days`. The CLI exits 64 with it,
/// a build file reports it at the key, the service answers 400 with it.
public struct DateSettingError: Error, CustomStringConvertible, Sendable, Equatable {
    /// How the user gave the date: `SOURCE_DATE_EPOCH`, `--date`, `date`.
    public var setting: String
    public var value: String
    /// What is wrong, after the value: `is not a whole number of seconds`.
    public var problem: String

    public init(setting: String, value: String, problem: String) {
        self.setting = setting
        self.value = value
        self.problem = problem
    }

    /// The value and the problem, for places that name the setting themselves (a build file's key).
    public var valueProblem: String { Quoting.quoted(value) + " " + problem }

    public var description: String { setting + " " + valueProblem }
}
