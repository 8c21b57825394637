import Testing
@testable import SluiceHarness

/// Every kind of mistake is reported with the key, the line, the form expected and the value found.
@Suite struct ScenarioErrorTests {
    /// A valid scenario with `extra` appended; its lines are numbered so that cases can name theirs.
    static func scenario(replacing old: String = "", with new: String = "", appending extra: String = "") -> String {
        let base = """
            name = "case"
            [workload]
            orders = 1000
            [job]
            query = "count-buys"
            [rate]
            kind = "constant"
            at = "10k/s"

            """
        return (old.isEmpty ? base : base.replacingOccurrences(of: old, with: new)) + extra
    }

    static func error(_ text: String) -> ScenarioError? {
        do {
            _ = try ScenarioParser.parse(text, file: "Scenarios/case.toml")
            return nil
        } catch {
            return error
        }
    }

    struct WrongValue: Sendable, CustomTestStringConvertible {
        let text: String
        let key: String
        let line: Int
        let expected: String
        let found: String

        var testDescription: String { "\(key) = \(found)" }
    }

    static let wrongValues: [WrongValue] = [
        WrongValue(text: scenario(replacing: "at = \"10k/s\"", with: "at = \"fast\""), key: "rate.at", line: 8,
                   expected: "a rate above 0 such as 200000 or \"200k/s\"", found: "\"fast\""),
        WrongValue(text: scenario(replacing: "at = \"10k/s\"", with: "at = -5"), key: "rate.at", line: 8,
                   expected: "a rate above 0 such as 200000 or \"200k/s\"", found: "-5"),
        WrongValue(text: scenario(replacing: "orders = 1000", with: "orders = 0"), key: "workload.orders", line: 3,
                   expected: "a whole number of at least 1, such as 500000", found: "0"),
        WrongValue(text: scenario(replacing: "orders = 1000", with: "orders = 2.5"), key: "workload.orders", line: 3,
                   expected: "a whole number of at least 1, such as 500000", found: "2.5"),
        WrongValue(text: scenario(replacing: "orders = 1000", with: "orders = \"1000\""), key: "workload.orders", line: 3,
                   expected: "a whole number of at least 1, such as 500000", found: "\"1000\""),
        WrongValue(text: scenario(replacing: "orders = 1000", with: "orders = 1000\nmalformed = 1.5"), key: "workload.malformed", line: 4,
                   expected: "a fraction from 0 to 1, such as 0.001", found: "1.5"),
        WrongValue(text: scenario(replacing: "query = \"count-buys\"", with: "query = \"count-bys\""), key: "job.query", line: 5,
                   expected: "one of \"count-buys\", \"top-clients\", \"top-stocks-per-hour\", \"windowed-counts\"", found: "\"count-bys\""),
        WrongValue(text: scenario(replacing: "query = \"count-buys\"", with: "query = \"count-buys\"\napi = \"rdd\""), key: "job.api", line: 6,
                   expected: "one of \"structured\", \"dstream\"", found: "\"rdd\""),
        WrongValue(text: scenario(appending: "[job.batch-interval]\n"), key: "job.batch-interval", line: 9,
                   expected: "a duration above zero such as \"500ms\", \"2s\" or \"1m\"", found: "a table"),
        WrongValue(text: scenario(replacing: "query = \"count-buys\"", with: "query = \"count-buys\"\nbatch-interval = 500"), key: "job.batch-interval", line: 6,
                   expected: "a duration above zero such as \"500ms\", \"2s\" or \"1m\"", found: "500"),
        WrongValue(text: scenario(replacing: "query = \"count-buys\"", with: "query = \"count-buys\"\nbatch-interval = \"0s\""), key: "job.batch-interval", line: 6,
                   expected: "a duration above zero such as \"500ms\", \"2s\" or \"1m\"", found: "\"0s\""),
        WrongValue(text: scenario(replacing: "name = \"case\"", with: "name = \"case\"\nduration = \"soon\""), key: "duration", line: 2,
                   expected: "a duration above zero such as \"500ms\", \"2s\" or \"1m\"", found: "\"soon\""),
        WrongValue(text: scenario(replacing: "name = \"case\"", with: "name = \"a/b\""), key: "name", line: 1,
                   expected: "a folder name such as \"steady-500k\": not empty, \"latest\", \".\" or \"..\", without \"/\", not starting with \".\"", found: "\"a/b\""),
        WrongValue(text: scenario(replacing: "name = \"case\"", with: "name = \"case\"\nallocator = \"tcmalloc\""), key: "allocator", line: 2,
                   expected: "one of \"jemalloc\", \"system\", or a list of them", found: "\"tcmalloc\""),
        WrongValue(text: scenario(appending: "[faults]\nkind = \"points\"\nat = [\"after-state@3\", \"after-lunch@4\"]\n"), key: "faults.at[1]", line: 11,
                   expected: "\"POINT@BATCH\" such as \"after-state@3\", POINT one of after-offsets, after-state, inside-sink-transaction, after-sink-commit, during-snapshot",
                   found: "\"after-lunch@4\""),
        WrongValue(text: scenario(appending: "[faults]\nkind = \"points\"\nat = []\n"), key: "faults.at", line: 11,
                   expected: "a non-empty list of \"POINT@BATCH\" such as \"after-state@3\", POINT one of after-offsets, after-state, inside-sink-transaction, after-sink-commit, during-snapshot, in [ ]",
                   found: "[]"),
        WrongValue(text: scenario(appending: "[sweep]\nbatch-intervals = [\"1s\", 2]\nrates = [1000]\n"), key: "sweep.batch-intervals[1]", line: 10,
                   expected: "a duration above zero such as \"500ms\", \"2s\" or \"1m\"", found: "2"),
        WrongValue(text: scenario(appending: "[checks]\nexactly-once = \"yes\"\n"), key: "checks.exactly-once", line: 10,
                   expected: "true or false", found: "\"yes\""),
        WrongValue(text: scenario(appending: "[checks.latency]\nunder = \"1s\"\npercentile = 100\n"), key: "checks.latency.percentile", line: 11,
                   expected: "a percentile above 0 and below 100, such as 99 or 99.9", found: "100"),
        WrongValue(text: scenario(appending: "[tolerances]\nthroughput = \"+10%\"\n"), key: "tolerances.throughput", line: 10,
                   expected: "a drop such as \"-10%\" or -10 (percent)", found: "\"+10%\""),
        WrongValue(text: scenario(appending: "[tolerances]\np99 = -20\n"), key: "tolerances.p99", line: 10,
                   expected: "a rise such as \"+20%\" or 20 (percent)", found: "-20"),
        WrongValue(text: scenario(appending: "[source]\nkind = \"kafka\"\n"), key: "source.kind", line: 10,
                   expected: "one of \"directory\", \"socket\", \"ring-buffer\", \"postgres\"", found: "\"kafka\""),
        WrongValue(text: scenario(appending: "[source]\nkind = \"socket\"\nport = 70000\n"), key: "source.port", line: 11,
                   expected: "a port number from 0 to 65535, 0 for any free port", found: "70000"),
        WrongValue(text: scenario(appending: "[sink]\nkind = \"file\"\nformat = \"parquet\"\n"), key: "sink.format", line: 11,
                   expected: "one of \"csv\", \"json\"", found: "\"parquet\""),
        WrongValue(text: scenario(replacing: "[workload]\norders = 1000", with: "workload = 5"), key: "workload", line: 2,
                   expected: "a table, written [workload] with its keys on the lines below", found: "5"),
    ]

    @Test(arguments: wrongValues)
    func aWrongValueNamesItsKeyLineExpectedFormAndValue(_ example: WrongValue) throws {
        let error = try #require(Self.error(example.text), "no error for\n\(example.text)")
        #expect(error.key == example.key)
        #expect(error.line == example.line)
        #expect(error.problem == .wrongValue(expected: example.expected, found: example.found), "\(error)")
        #expect(error.description == "Scenarios/case.toml line \(example.line): \(example.key): expected \(example.expected), got \(example.found)")
    }

    @Test func theBriefsExampleReadsAsWritten() throws {
        let text = Self.scenario(replacing: "kind = \"constant\"\nat = \"10k/s\"", with: "kind = \"ramp\"\nfrom = 0\nto = \"fast\"\nover = \"10s\"")
        let error = try #require(Self.error(text))
        #expect(error.description == "Scenarios/case.toml line 9: rate.to: expected a rate above 0 such as 200000 or \"200k/s\", got \"fast\"")
    }

    @Test(arguments: [
        ("[workload]\norders = 1", "job.query", nil as Int?,
         "one of \"count-buys\", \"top-clients\", \"top-stocks-per-hour\", \"windowed-counts\"; or job.sql = \"SELECT …\""),
        ("[job]\nquery = \"count-buys\"", "workload.orders", nil, "a whole number of at least 1, such as 500000"),
        ("[workload]\norders = 1\n[job]\nquery = \"count-buys\"", "rate.kind", nil, "one of \"constant\", \"ramp\", \"bursts\""),
        ("[workload]\norders = 1\n[job]\nquery = \"count-buys\"\n[rate]\nkind = \"ramp\"\nfrom = 0\nto = 5", "rate.over", 5,
         "a duration above zero such as \"500ms\", \"2s\" or \"1m\""),
        ("[workload]\norders = 1\n[job]\nquery = \"count-buys\"\n[rate]\nkind = \"constant\"\nat = 5\n[checks.latency]\npercentile = 99.9",
         "checks.latency.under", 8, "a duration above zero such as \"500ms\", \"2s\" or \"1m\""),
        ("[workload]\norders = 1\n[job]\nquery = \"count-buys\"\n[rate]\nkind = \"constant\"\nat = 5\n[sink]\npath = \"x.db\"",
         "sink.kind", 8, "one of \"file\", \"sqlite\", \"postgres\", \"memory\""),
    ])
    func aMissingRequiredKeyIsNamedWithWhatToWrite(text: String, key: String, line: Int?, expected: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.key == key)
        #expect(error.line == line)
        #expect(error.problem == .missingKey(expected: expected), "\(error)")
    }

    @Test(arguments: [
        ("nmae = \"x\"\n", "nmae", 1, "the top level", ScenarioParser.topLevelKeys, "name" as String?),
        ("[rates]\n", "rates", 1, "the top level", ScenarioParser.topLevelKeys, "rate"),
        ("[workload]\nordres = 1\n", "workload.ordres", 2, "[workload]", ["orders", "seed", "malformed", "late"], "orders"),
        ("[workload]\norders = 1\nwhatever = 2\n", "workload.whatever", 3, "[workload]", ["orders", "seed", "malformed", "late"], nil),
        ("[workload]\norders = 1\n[job]\nquery = \"count-buys\"\n[rate]\nkind = \"ramp\"\nfrom = 0\nto = 5\novr = \"10s\"\n", "rate.ovr", 9,
         "[rate] with kind = \"ramp\"", ["kind", "from", "to", "over"], "over"),
        ("[workload]\norders = 1\n[job]\nquery = \"count-buys\"\n[rate]\nkind = \"constant\"\nat = 5\nover = \"10s\"\n", "rate.over", 8,
         "[rate] with kind = \"constant\"", ["kind", "at"], nil),
        (scenario(appending: "[checks.latency]\nunder = \"1s\"\np = 99\n"), "checks.latency.p", 11, "[checks.latency]", ["percentile", "under"], nil),
    ])
    func anUnknownKeyIsAnErrorListingTheKnownOnes(text: String, key: String, line: Int, table: String, known: [String], suggestion: String?) throws {
        let error = try #require(Self.error(text))
        #expect(error.key == key)
        #expect(error.line == line)
        #expect(error.problem == .unknownKey(table: table, known: known, suggestion: suggestion), "\(error)")
        #expect(error.description.contains("The keys of \(table) are ") || error.description.contains("the keys of \(table) are "))
    }

    @Test(arguments: [
        (scenario(replacing: "query = \"count-buys\"", with: "api = \"dstream\"\nsql = \"SELECT buy FROM orders\""), "job.sql", 6, "SQL runs on the Structured API only"),
        (scenario(replacing: "query = \"count-buys\"", with: "query = \"count-buys\"\nsql = \"SELECT buy FROM orders\""), "job.sql", 6, "not both"),
        (scenario(appending: "[sink]\nkind = \"memory\"\n[faults]\nkind = \"random-kills\"\nevery = \"3s\"\nfor = \"1m\"\n"), "faults.kind", 12, "memory sink"),
        (scenario(appending: "[faults]\nkind = \"points\"\nat = [\"after-state@3\", \"after-offsets@1\"]\n"), "faults.at[1]", 11, "batch order"),
        (scenario(appending: "[faults]\nkind = \"random-kills\"\nevery = \"3s\"\njitter = \"3s\"\nfor = \"1m\"\n"), "faults.jitter", 12, "shorter than faults.every"),
        (scenario(appending: "[sweep]\nbatch-intervals = [\"1s\", \"1000ms\"]\nrates = [1]\n"), "sweep.batch-intervals[1]", 10, "listed twice"),
        (scenario(appending: "[sweep]\nbatch-intervals = [\"1s\"]\nrates = [\"200k/s\", \"100k/s\"]\n"), "sweep.rates[1]", 11, "increasing order"),
        (scenario(replacing: "at = \"10k/s\"", with: "base = \"2M/s\"\nburst = \"1M/s\"\nlength = \"1s\"\nevery = \"10s\""), "rate.burst", 9, "must be above rate.base"),
        (scenario(replacing: "at = \"10k/s\"", with: "base = 0\nburst = \"1M/s\"\nlength = \"10s\"\nevery = \"10s\""), "rate.length", 10, "shorter than rate.every"),
        (scenario(replacing: "name = \"case\"", with: "allocator = [\"system\", \"system\"]"), "allocator[1]", 1, "listed twice"),
    ])
    func valuesThatCannotGoTogetherNameTheKey(text: String, key: String, line: Int, message: String) throws {
        let text = text.replacingOccurrences(of: "kind = \"constant\"\nbase", with: "kind = \"bursts\"\nbase")
        let error = try #require(Self.error(text), "no error for\n\(text)")
        #expect(error.key == key)
        #expect(error.line == line)
        guard case .conflict(let problem) = error.problem else { Issue.record("not a conflict: \(error)"); return }
        #expect(problem.contains(message), "\(error)")
    }

    @Test(arguments: [
        ("[workload]\norders = 1000 x\n", 2, "workload.orders" as String?, "unexpected \"x\" after the value"),
        ("[workload]\norders = 1\norders = 2\n", 3, "workload.orders", "defined twice, first on line 2"),
        ("[workload]\n[workload]\n", 2, "workload", "the table is already defined on line 1"),
        ("name = \"open\n", 1, "name", "string not closed"),
        ("name = fast\n", 1, "name", "fast is not a TOML value; strings need quotes, as in \"fast\""),
        ("[[runs]]\n", 1, nil, "arrays of tables"),
        ("when = 2026-11-25\n", 1, "when", "looks like a date"),
        ("x = [1, 2\ny = 3\n", 2, "x", "expected \",\" or \"]\" in the list opened on line 1"),
        ("= 3\n", 1, nil, "expected a key, found \"=\""),
        ("x = \"\\q\"\n", 1, "x", "unknown escape \\q"),
        ("x = { a = 1,\nb = 2 }\n", 1, "x", "an inline table must fit on one line"),
        ("x = 99999999999999999999\n", 1, "x", "out of the range of 64-bit integers"),
    ])
    func aSyntaxErrorNamesItsLine(text: String, line: Int, key: String?, message: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.line == line)
        #expect(error.key == key)
        guard case .syntax(let problem) = error.problem else { Issue.record("not a syntax error: \(error)"); return }
        #expect(problem.contains(message), "\(error)")
    }
}
