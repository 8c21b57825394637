import Foundation
import SluiceCore
import Testing
@testable import SluiceHarness

/// The files in `Scenarios/` parse, and say what the issue asks of them.
@Suite struct ShippedScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios").path
    static let shipped = [
        "allocator-jemalloc-vs-system", "capacity-sweep", "crash-every-fault-point", "ramp-to-saturation", "random-kills", "smoke", "steady-500k",
    ]

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: "\(directory)/\(name).toml")
    }

    @Test func everyShippedFileParsesUnderItsOwnName() throws {
        let entries = try ScenarioLoader.loadAll(directory: Self.directory)
        for entry in entries {
            if case .failure(let error) = entry.result { Issue.record("\(error)") }
        }
        let names = entries.compactMap { try? $0.result.get().name }
        #expect(names == Self.shipped)
        #expect(entries.map { ($0.path as NSString).lastPathComponent } == Self.shipped.map { $0 + ".toml" })
    }

    @Test func smokeIsShortAndChecked() throws {
        let smoke = try Self.scenario("smoke")
        #expect(smoke.workload.orders == 20_000)
        #expect(smoke.duration == .seconds(2))
        #expect(smoke.rate == .constant(OrderRate(10_000)))
        #expect(smoke.checks.exactlyOnce && smoke.checks.prefixIntegrity)
        #expect(smoke.faults == .none)
    }

    @Test func steadyReplaysTheLecturesFiveHundredThousandOrdersWithEveryCheck() throws {
        let steady = try Self.scenario("steady-500k")
        #expect(steady.workload.orders == 500_000)
        #expect(steady.source == .directory(linesPerFile: 10_000))
        #expect(steady.checks == Scenario.Checks(exactlyOnce: true, prefixIntegrity: true, latency: Scenario.LatencyObjective(percentile: 99, under: .seconds(1))))
        guard case .constant = steady.rate else { Issue.record("steady-500k's rate is \(steady.rate)"); return }
    }

    @Test func theRampClimbsAndTheWorkloadCoversIt() throws {
        let ramp = try Self.scenario("ramp-to-saturation")
        guard case .ramp(let from, let to, let over) = ramp.rate else { Issue.record("not a ramp: \(ramp.rate)"); return }
        #expect(from < to)
        let offered = (from.ordersPerSecond + to.ordersPerSecond) / 2 * (over / .seconds(1))
        #expect(Double(ramp.workload.orders) >= offered)
    }

    @Test func theSweepCoversBatchIntervalsFromAHundredMillisecondsToFiveSeconds() throws {
        let sweep = try #require(try Self.scenario("capacity-sweep").sweep)
        #expect(sweep.batchIntervals == [.milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5)])
        #expect(sweep.rates.count >= 3)
    }

    @Test func theCrashScenarioKillsOnceAtEveryFaultPoint() throws {
        let crash = try Self.scenario("crash-every-fault-point")
        guard case .points(let plans) = crash.faults else { Issue.record("no fault points: \(crash.faults)"); return }
        #expect(plans.map(\.point).sorted { $0.rawValue < $1.rawValue } == FaultPoint.allCases.sorted { $0.rawValue < $1.rawValue })
        #expect(crash.sink.survivesKills)
    }

    @Test func randomKillsComeEveryFewSecondsForAMinute() throws {
        let kills = try Self.scenario("random-kills")
        guard case .randomKills(let random) = kills.faults else { Issue.record("no random kills: \(kills.faults)"); return }
        #expect(random.every <= .seconds(5) && random.jitter < random.every)
        #expect(random.lasting == .seconds(60))
        #expect(kills.duration.map { $0 >= random.lasting } == true)
    }

    @Test func theAllocatorScenarioRunsBoth() throws {
        #expect(try Self.scenario("allocator-jemalloc-vs-system").allocators == [.jemalloc, .system])
    }

    @Test func theReadmeDocumentsEveryKey() throws {
        let readme = try String(contentsOfFile: Self.directory + "/README.md", encoding: .utf8)
        let tables = ["workload", "source", "job", "rate", "sink", "faults", "checks", "checks.latency", "sweep", "tolerances"]
        for table in tables {
            #expect(readme.contains("`[\(table)]`"), "Scenarios/README.md does not document `[\(table)]`")
        }
        let keys = ScenarioParser.topLevelKeys.filter { !tables.contains($0) } + [
            "orders", "seed", "malformed", "late", "lines-per-file", "host", "port", "capacity", "chunk-rows", "conninfo", "api", "query", "sql",
            "batch-interval", "snapshot-interval", "at", "from", "to", "over", "base", "burst", "length", "every", "format", "path", "table",
            "jitter", "for", "exactly-once", "prefix-integrity", "under", "percentile", "batch-intervals", "rates", "throughput", "p50", "p90",
            "p99", "p999", "max", "\"ring-buffer\"", "\"random-kills\"", "\"bursts\"", "\"memory\"", "\"top-stocks-per-hour\"",
        ]
        for key in keys {
            #expect(readme.contains("`\(key)`"), "Scenarios/README.md does not document `\(key)`")
        }
    }
}
