/// Reads scenario files: TOML text into a ``Scenario``, or the first problem as a ``ScenarioError`` that
/// names the key, the line, the value found and the form expected.
///
/// The TOML is read by Sluice's own strict reader of the subset scenario files need (``TOMLParser``),
/// so that every value keeps its line and a number reads the same whether written `99` or `99.0`.
/// Keys a table does not have are errors, never ignored.
public enum ScenarioParser {
    /// The keys of the top level, in the order `Scenarios/README.md` documents them.
    static let topLevelKeys = [
        "name", "description", "workload", "source", "job", "rate", "duration", "sink", "faults", "checks", "sweep", "allocator", "tolerances",
    ]

    /// The scenario `text` describes; `file` names it in errors, and its name without `.toml` is the
    /// scenario's name unless the file sets `name`.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw ScenarioError(file: file, line: error.line, key: error.key, problem: .syntax(error.problem))
        }
        let table = ScenarioTableReader(root: root, file: file)
        try table.allowOnly(topLevelKeys)
        let scenario = Scenario(
            name: try name(table),
            description: try table.optional("description", .text) ?? "",
            workload: try Scenario.Workload(reading: table.table("workload")),
            source: try Scenario.Source(reading: table.table("source")),
            job: try Scenario.Job(reading: table.table("job")),
            rate: try Scenario.OfferedRate(reading: table.table("rate")),
            duration: try table.optional("duration", .duration(positive: true)),
            sink: try Scenario.Sink(reading: table.table("sink")),
            faults: try Scenario.Faults(reading: table.table("faults")),
            checks: try Scenario.Checks(reading: table.table("checks")),
            sweep: table.has("sweep") ? try Scenario.Sweep(reading: table.table("sweep")) : nil,
            allocators: try allocators(table),
            tolerances: try Scenario.Tolerances(reading: table.table("tolerances"))
        )
        if scenario.faults != .none, !scenario.sink.survivesKills {
            let faults = try table.table("faults")
            throw faults.error(at: "kind", .conflict(
                "a killed job takes a memory sink with it, so nothing could be checked; use \(table.name("sink")).kind \"sqlite\", \"postgres\" or \"file\""
            ))
        }
        return scenario
    }

    /// `name`, or the file's name without its folder and `.toml`.
    private static func name(_ table: ScenarioTableReader) throws(ScenarioError) -> String {
        if let name = try table.optional("name", .folderName) { return name }
        let fileName = String(table.file.split(separator: "/").last ?? "")
        let stem = fileName.hasSuffix(".toml") ? String(fileName.dropLast(5)) : fileName
        guard ScenarioNames.isFolderName(stem) else { throw table.error(at: "name", .missingKey(expected: ValueForm<String>.folderName.expected)) }
        return stem
    }

    /// `allocator`: one name or a list of distinct ones; jemalloc when absent.
    private static func allocators(_ table: ScenarioTableReader) throws(ScenarioError) -> [Scenario.Allocator] {
        guard let allocators = try table.optionalOneOrList("allocator", of: .choice(Scenario.Allocator.self)) else { return [.jemalloc] }
        for index in allocators.indices {
            if let first = allocators[..<index].firstIndex(of: allocators[index]) {
                throw table.error(at: "allocator", index: index, .conflict("\"\(allocators[index].rawValue)\" is listed twice, first at [\(first)]"))
            }
        }
        return allocators
    }
}
