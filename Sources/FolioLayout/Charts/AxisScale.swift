import Foundation

/// A value axis from zero with round tick steps (1, 2, 2.5, 5 × 10ⁿ), as a chart designer picks them.
public struct AxisScale: Sendable, Equatable {
    public var maximum: Double
    public var step: Double

    /// - Parameters:
    ///   - maxValue: largest value to show; negative or non-finite values count as 0.
    ///   - targetTicks: about how many steps the axis should have.
    ///   - wholeNumbers: counts never get fractional ticks.
    public init(maxValue: Double, targetTicks: Int = 5, wholeNumbers: Bool = true) {
        let top = maxValue.isFinite ? max(0, maxValue) : 0
        let raw = max(top, wholeNumbers ? 1 : 1e-9) / Double(max(1, targetTicks))
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let allowQuarter = !(wholeNumbers && magnitude < 10)
        var nice: Double
        switch fraction {
        case ...1: nice = 1
        case ...2: nice = 2
        case ...2.5 where allowQuarter: nice = 2.5
        case ...5: nice = 5
        default: nice = 10
        }
        var step = nice * magnitude
        if wholeNumbers { step = max(1, step.rounded()) }
        self.step = step
        let steps = max(1, (top / step).rounded(.up))
        maximum = steps * step
    }

    public var ticks: [Double] {
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }

    /// Distance from the axis origin for `value`, on an axis `length` long. Never divides by zero.
    public func position(of value: Double, length: Double) -> Double {
        guard maximum > 0, value.isFinite else { return 0 }
        return min(max(value, 0), maximum) / maximum * length
    }

    /// Next larger scale with the same step, for headroom above the tallest bar.
    public func extended() -> AxisScale {
        var copy = self
        copy.maximum += step
        return copy
    }

    /// This scale, one step taller when `value` comes within 15 % of a step of its top: room for a
    /// label beside the highest point.
    func extendedWhenFull(_ value: Double) -> AxisScale {
        value >= maximum - step * 0.15 ? extended() : self
    }
}

/// Numbers as readers expect them on charts and tables.
public enum NumberText {
    /// "1,234,567"
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(char)
        }
        return value < 0 ? "-" + out : out
    }

    /// Tick labels: whole numbers grouped; large ones shortened ("2.5M") to stay narrow.
    public static func tick(_ value: Double) -> String {
        let magnitude = abs(value)
        for (limit, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M")] where magnitude >= limit {
            return trimmed(value / limit) + suffix
        }
        if value == value.rounded() && magnitude < 1e15 { return grouped(Int(value)) }
        return trimmed(value)
    }

    static func trimmed(_ value: Double) -> String {
        var text = String(format: "%.1f", value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
