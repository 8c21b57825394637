import SluiceCore
import Testing
@testable import SluiceHarness

/// What a valid scenario file reads as: the defaults, every kind of every table, numbers in either form.
@Suite struct ScenarioParserTests {
    static let minimal = """
        [workload]
        orders = 20_000
        [job]
        query = "count-buys"
        [rate]
        kind = "constant"
        at = "10k/s"

        """

    static func parse(_ text: String, file: String = "Scenarios/example.toml") throws -> Scenario {
        try ScenarioParser.parse(text, file: file)
    }

    @Test func omittedKeysTakeTheDocumentedDefaults() throws {
        let scenario = try Self.parse(Self.minimal)
        let expected = Scenario(
            name: "example", description: "", workload: Scenario.Workload(orders: 20_000, seed: 20_160_322, malformedFraction: 0, lateFraction: 0.03),
            source: .directory(linesPerFile: 10_000), job: Scenario.Job(api: .structured, query: .named(.countBuys), batchInterval: .seconds(1), snapshotInterval: 10),
            rate: .constant(OrderRate(10_000)), duration: nil, sink: .sqlite(path: nil, table: "results"), faults: .none,
            checks: Scenario.Checks(exactlyOnce: true, prefixIntegrity: true, latency: nil), sweep: nil, allocators: [.jemalloc],
            tolerances: Scenario.Tolerances(throughputDrop: 0.10, p50Rise: 0.20, p90Rise: 0.20, p99Rise: 0.20, p999Rise: 0.30, maxRise: 0.50)
        )
        #expect(scenario == expected)
    }

    @Test func theNameDefaultsToTheFilesNameAndCanBeSet() throws {
        #expect(try Self.parse(Self.minimal, file: "/some/where/ramp.toml").name == "ramp")
        #expect(try Self.parse("name = \"other\"\n" + Self.minimal, file: "ramp.toml").name == "other")
        let error = #expect(throws: ScenarioError.self) { try Self.parse(Self.minimal, file: ".toml") }
        #expect(error?.key == "name")
    }

    @Test func integersAreAcceptedWhereverAFloatIsExpected() throws {
        let scenario = try Self.parse(Self.minimal.replacingOccurrences(of: "orders = 20_000", with: "orders = 20_000\nmalformed = 0\nlate = 1")
            + "[checks.latency]\npercentile = 99\nunder = \"1s\"\n[tolerances]\nthroughput = -10\np99 = 25\n")
        #expect(scenario.workload.malformedFraction == 0 && scenario.workload.lateFraction == 1)
        #expect(scenario.checks.latency == Scenario.LatencyObjective(percentile: 99, under: .seconds(1)))
        #expect(scenario.tolerances.throughputDrop == 0.10 && scenario.tolerances.p99Rise == 0.25)
    }

    @Test func floatsWithoutAFractionAreAcceptedWhereAWholeNumberIsExpected() throws {
        let scenario = try Self.parse(Self.minimal.replacingOccurrences(of: "orders = 20_000", with: "orders = 5e5\nseed = 7.0")
            + "[source]\nkind = \"ring-buffer\"\ncapacity = 128.0\nchunk-rows = 1e3\n")
        #expect(scenario.workload.orders == 500_000 && scenario.workload.seed == 7)
        #expect(scenario.source == .ringBuffer(capacity: 128, chunkRows: 1000))
    }

    @Test(arguments: [
        ("at = 200000", 200_000.0), ("at = 2.5e5", 250_000), ("at = 1500.5", 1500.5), ("at = \"200k/s\"", 200_000), ("at = \"1.5M/s\"", 1_500_000),
        ("at = \"200000/s\"", 200_000), ("at = \"200k\"", 200_000), ("at = \"250 K/s\"", 250_000), ("at = \"0.5/s\"", 0.5),
    ])
    func ratesReadAsNumbersOrText(line: String, ordersPerSecond: Double) throws {
        let scenario = try Self.parse(Self.minimal.replacingOccurrences(of: "at = \"10k/s\"", with: line))
        #expect(scenario.rate == .constant(OrderRate(ordersPerSecond)))
    }

    @Test func everyRateShapeReads() throws {
        let ramp = try Self.parse(Self.minimal.replacingOccurrences(of: "kind = \"constant\"\nat = \"10k/s\"", with: "kind = \"ramp\"\nfrom = 0\nto = \"1M/s\"\nover = \"30s\""))
        #expect(ramp.rate == .ramp(from: OrderRate(0), to: OrderRate(1_000_000), over: .seconds(30)))
        let bursts = try Self.parse(Self.minimal.replacingOccurrences(
            of: "kind = \"constant\"\nat = \"10k/s\"", with: "kind = \"bursts\"\nbase = \"100k/s\"\nburst = \"1M/s\"\nlength = \"500ms\"\nevery = \"5s\""))
        #expect(bursts.rate == .bursts(base: OrderRate(100_000), burst: OrderRate(1_000_000), length: .milliseconds(500), every: .seconds(5)))
    }

    @Test(arguments: [
        ("", Scenario.Source.directory(linesPerFile: 10_000)),
        ("[source]\nkind = \"directory\"\nlines-per-file = 500\n", .directory(linesPerFile: 500)),
        ("[source]\nkind = \"socket\"\n", .socket(host: "127.0.0.1", port: 0)),
        ("[source]\nkind = \"socket\"\nhost = \"localhost\"\nport = 9999\n", .socket(host: "localhost", port: 9999)),
        ("[source]\nkind = \"ring-buffer\"\n", .ringBuffer(capacity: 64, chunkRows: 4096)),
        ("[source]\nkind = \"postgres\"\n", .postgres(server: .throwaway, table: "orders")),
        ("[source]\nkind = \"postgres\"\nconninfo = \"host=db user=me\"\ntable = \"o\"\n", .postgres(server: .conninfo("host=db user=me"), table: "o")),
    ])
    func everySourceKindReads(table: String, source: Scenario.Source) throws {
        #expect(try Self.parse(Self.minimal + table).source == source)
    }

    @Test(arguments: [
        ("", Scenario.Sink.sqlite(path: nil, table: "results")),
        ("[sink]\nkind = \"sqlite\"\npath = \"out.db\"\ntable = \"counts\"\n", .sqlite(path: "out.db", table: "counts")),
        ("[sink]\nkind = \"postgres\"\n", .postgres(server: .throwaway, table: "results")),
        ("[sink]\nkind = \"file\"\n", .file(format: .csv, path: nil)),
        ("[sink]\nkind = \"file\"\nformat = \"json\"\npath = \"out\"\n", .file(format: .json, path: "out")),
        ("[sink]\nkind = \"memory\"\n", .memory),
    ])
    func everySinkKindReads(table: String, sink: Scenario.Sink) throws {
        #expect(try Self.parse(Self.minimal + table).sink == sink)
    }

    @Test func everyFaultKindReads() throws {
        #expect(try Self.parse(Self.minimal + "[faults]\nkind = \"none\"\n").faults == .none)
        let points = try Self.parse(Self.minimal + "[faults]\nkind = \"points\"\nat = [\"after-offsets@1\", \"after-state@1\", \"during-snapshot@9\"]\n")
        #expect(points.faults == .points([
            FaultPlan(point: .afterOffsets, batch: BatchID(1)), FaultPlan(point: .afterState, batch: BatchID(1)), FaultPlan(point: .duringSnapshot, batch: BatchID(9)),
        ]))
        let random = try Self.parse(Self.minimal + "[faults]\nkind = \"random-kills\"\nevery = \"3s\"\njitter = \"500ms\"\nfor = \"1m\"\nseed = 9\n")
        #expect(random.faults == .randomKills(Scenario.RandomKills(every: .seconds(3), jitter: .milliseconds(500), lasting: .seconds(60), seed: 9)))
    }

    @Test func theJobReadsANamedQueryOrSQL() throws {
        let named = try Self.parse(Self.minimal.replacingOccurrences(of: "query = \"count-buys\"", with: "api = \"dstream\"\nquery = \"top-stocks-per-hour\"\nbatch-interval = \"3s\"\nsnapshot-interval = 2"))
        #expect(named.job == Scenario.Job(api: .dstream, query: .named(.topStocksPerHour), batchInterval: .seconds(3), snapshotInterval: 2))
        let sql = try Self.parse(Self.minimal.replacingOccurrences(of: "query = \"count-buys\"", with: "sql = \"\"\"\nSELECT buy, count(*)\nFROM orders GROUP BY buy\"\"\""))
        #expect(sql.job.query == .sql("SELECT buy, count(*)\nFROM orders GROUP BY buy"))
    }

    @Test func theSweepTheAllocatorsAndTheTolerancesRead() throws {
        let scenario = try Self.parse("allocator = [\"system\", \"jemalloc\"]\n" + Self.minimal
            + "[sweep]\nbatch-intervals = [\"100ms\", \"1s\"]\nrates = [1000, \"2k/s\", 3e3]\n"
            + "[tolerances]\nthroughput = \"-5%\"\np50 = \"10%\"\np90 = \"+15%\"\np99 = 0\np999 = \"+40%\"\nmax = 100\n")
        #expect(scenario.sweep == Scenario.Sweep(batchIntervals: [.milliseconds(100), .seconds(1)], rates: [OrderRate(1000), OrderRate(2000), OrderRate(3000)]))
        #expect(scenario.allocators == [.system, .jemalloc])
        #expect(scenario.tolerances == Scenario.Tolerances(throughputDrop: 0.05, p50Rise: 0.10, p90Rise: 0.15, p99Rise: 0, p999Rise: 0.40, maxRise: 1))
        #expect(try Self.parse("allocator = \"system\"\n" + Self.minimal).allocators == [.system])
    }

    @Test func tablesMayBeWrittenInlineOrWithDottedKeys() throws {
        let scenario = try Self.parse("""
            workload = { orders = 100, seed = 3 }
            job.query = "windowed-counts"
            rate.kind = "constant"
            rate.at = 100
            checks.latency = { percentile = 99.9, under = "250ms" }

            """)
        #expect(scenario.workload == Scenario.Workload(orders: 100, seed: 3))
        #expect(scenario.job.query == .named(.windowedCounts))
        #expect(scenario.checks.latency == Scenario.LatencyObjective(percentile: 99.9, under: .milliseconds(250)))
    }
}
