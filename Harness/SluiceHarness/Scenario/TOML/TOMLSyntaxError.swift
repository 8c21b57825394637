/// A TOML document could not be read: the line, the key being read if there was one, and what was wrong.
struct TOMLSyntaxError: Error, Sendable, Equatable {
    /// The line, from 1.
    var line: Int
    /// The dotted key whose value was being read, nil between keys.
    var key: String?
    var problem: String
}
