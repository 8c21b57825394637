import SluiceCore

extension ValueForm where Value == String {
    /// Any string.
    static var text: Self { Self(expected: "a string") { $0.string } }

    /// A string with something besides blanks.
    static var nonEmptyText: Self {
        Self(expected: "a non-empty string") { value in value.string.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } }
    }

    /// One plain folder name, as a report folder needs.
    static var folderName: Self {
        Self(expected: "a folder name such as \"steady-500k\": not empty, \"latest\", \".\" or \"..\", without \"/\", not starting with \".\"") { value in
            value.string.flatMap { ScenarioNames.isFolderName($0) ? $0 : nil }
        }
    }
}

extension ValueForm where Value == Bool {
    static var boolean: Self {
        Self(expected: "true or false") { value in
            if case .boolean(let flag) = value.content { flag } else { nil }
        }
    }
}

extension ValueForm where Value == Int {
    /// A whole number of at least `minimum` (a float without a fraction counts).
    static func wholeNumber(atLeast minimum: Int, example: Int) -> Self {
        Self(expected: "a whole number of at least \(minimum), such as \(example)") { value in
            value.wholeNumber.flatMap { $0 >= minimum ? Int($0) : nil }
        }
    }

    /// A TCP port, 0 for any free one.
    static var port: Self {
        Self(expected: "a port number from 0 to 65535, 0 for any free port") { value in
            value.wholeNumber.flatMap { (0 ... 65535).contains($0) ? Int($0) : nil }
        }
    }
}

extension ValueForm where Value == UInt64 {
    static var seed: Self {
        Self(expected: "a whole number of at least 0, such as 7") { value in
            value.wholeNumber.flatMap { $0 >= 0 ? UInt64($0) : nil }
        }
    }
}

extension ValueForm where Value == Double {
    /// A share from 0 to 1.
    static func fraction(example: String) -> Self {
        Self(expected: "a fraction from 0 to 1, such as \(example)") { value in
            value.number.flatMap { (0 ... 1).contains($0) ? $0 : nil }
        }
    }

    /// A percentile strictly between 0 and 100.
    static var percentile: Self {
        Self(expected: "a percentile above 0 and below 100, such as 99 or 99.9") { value in
            value.number.flatMap { $0 > 0 && $0 < 100 ? $0 : nil }
        }
    }

    /// A change that may only go one way, as a fraction of the baseline: a drop (`"-10%"`) or a rise
    /// (`"+20%"`); a number is a number of percent, and an unsigned one goes the allowed way.
    static func change(_ direction: FloatingPointSign) -> Self {
        let example = direction == .minus ? "\"-10%\"" : "\"+20%\""
        return Self(expected: "a \(direction == .minus ? "drop" : "rise") such as \(example) or \(direction == .minus ? "-10" : "20") (percent)") { value in
            let change: (sign: FloatingPointSign?, fraction: Double)? = if let number = value.number, number.isFinite {
                (number == 0 ? nil : number.sign, abs(number) / 100)
            } else {
                value.string.flatMap(PercentText.parse)
            }
            guard let change, change.sign == nil || change.sign == direction || change.fraction == 0 else { return nil }
            return change.fraction
        }
    }
}

extension ValueForm where Value == Duration {
    /// A duration string; `positive` refuses zero.
    static func duration(positive: Bool) -> Self {
        Self(expected: "a duration\(positive ? " above zero" : "") such as \(DurationText.examples)") { value in
            value.string.flatMap(DurationText.parse).flatMap { !positive || $0 > .zero ? $0 : nil }
        }
    }
}

extension ValueForm where Value == OrderRate {
    /// A rate in orders per second, as a number or a string such as `"200k/s"`; `positive` refuses zero.
    static func rate(positive: Bool) -> Self {
        Self(expected: "a rate\(positive ? " above 0" : "") such as \(RateText.examples)") { value in
            let rate = value.number.map(OrderRate.init) ?? value.string.flatMap(RateText.parse)
            return rate.flatMap { $0.ordersPerSecond.isFinite && $0.ordersPerSecond >= 0 && (!positive || $0.ordersPerSecond > 0) ? $0 : nil }
        }
    }
}

extension ValueForm where Value == FaultPlan {
    /// `"POINT@BATCH"`, as `SLUICE_FAULT` takes it.
    static var faultPlan: Self {
        Self(expected: "\"POINT@BATCH\" such as \"after-state@3\", POINT one of \(FaultPoint.allCases.map(\.rawValue).joined(separator: ", "))") { value in
            value.string.flatMap { try? FaultPlan(parsing: $0) }
        }
    }
}

extension ValueForm where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the enumeration's names.
    static func choice(_ type: Value.Type = Value.self) -> Self {
        Self(expected: ScenarioNames.oneOf(Value.allCases.map(\.rawValue))) { value in
            value.string.flatMap(Value.init(rawValue:))
        }
    }
}
