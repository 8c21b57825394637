/// Small rules about names that the scenario reader shares.
enum ScenarioNames {
    /// Whether `name` can be one folder of `Reports/`: not empty, `.`, `..` or `latest`, without `/`,
    /// not starting with `.`, no control characters.
    static func isFolderName(_ name: String) -> Bool {
        !name.isEmpty && name != "latest" && !name.hasPrefix(".") && !name.contains("/")
            && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// `one of "a", "b", "c"`, or `"a"` alone.
    static func oneOf(_ names: [String]) -> String {
        names.count == 1 ? "\"\(names[0])\"" : "one of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// The name in `candidates` closest to `name`, if it is within two edits (and shorter names within
    /// one), for "did you mean".
    static func closest(to name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= (name.count <= 3 ? 1 : 2) ? best.0 : nil
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var previous = Array(0 ... b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
