/// How keys are written back in messages: `rate.to`, with quotes only where TOML needs them (`"p99.9"`).
enum TOMLKey {
    /// Whether `key` may be written without quotes: letters, digits, `_` and `-`, at least one.
    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { isBareCharacter($0) }
    }

    /// `parts` joined by dots, each quoted if it is not bare.
    static func dotted(_ parts: [String]) -> String {
        parts.map { isBare($0) ? $0 : TOMLValue.quoted($0) }.joined(separator: ".")
    }

    /// A letter or digit of ASCII, `_` or `-`.
    static func isBareCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar) || scalar == "_" || scalar == "-")
    }
}
