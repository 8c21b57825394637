/// One way a scenario value may be written: the words an error uses for it (`a rate such as 200000 or
/// "200k/s"`) and the reading of a TOML value into it, nil when the value is not of that form.
struct ValueForm<Value> {
    /// What the value should look like, completing "expected …".
    let expected: String
    let read: (TOMLValue) -> Value?
}

extension TOMLValue {
    /// An integer or float as a Double, so that `99` reads wherever `99.0` would.
    var number: Double? {
        switch content {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    /// An integer, or a float with no fraction within Int64's range, so that `5e5` reads as 500000.
    var wholeNumber: Int64? {
        switch content {
        case .integer(let value): value
        case .float(let value) where value.isFinite && value == value.rounded() && abs(value) < 9.2e18: Int64(value)
        default: nil
        }
    }

    var string: String? {
        if case .string(let text) = content { text } else { nil }
    }
}
