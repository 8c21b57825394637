/// A tolerance as a `compare` flag writes it: a percentage with its `%`, signed or not, e.g.
/// `--throughput-drop 10%` (or `-10%`) and `--p99-rise 20%` (or `+20%`). A sign the wrong way is refused,
/// as in a scenario's `[tolerances]`, since it reads as a typo; so is a drop over 100%.
enum ToleranceText {
    /// The fraction `text` gives `flag`, which allows a change in `direction` (`.minus` for a drop).
    static func parse(_ text: String, flag: String, direction: FloatingPointSign) throws(CompareError) -> Double {
        guard let (sign, fraction) = PercentText.parse(text), sign == nil || sign == direction || fraction == 0,
              direction == .plus || fraction <= 1
        else {
            throw CompareError(place: flag, problem: "expected \(expected(direction)), got \"\(text)\"")
        }
        return fraction
    }

    /// The form a flag of `direction` takes, completing "expected …".
    static func expected(_ direction: FloatingPointSign) -> String {
        direction == .minus ? "a drop of at most 100% such as 10% or -10%" : "a rise such as 20% or +20%"
    }
}
