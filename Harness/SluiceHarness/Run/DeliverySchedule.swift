/// The replayer's open-loop schedule, fixed before the run: when each order is due and when each file
/// of orders is delivered, from the offered rate alone, whatever the job does.
///
/// Order *i* (from 1) is due when the integral of the rate since the start reaches *i*; a file is
/// delivered when its last order is due. Times are µs since the replay started.
public struct DeliverySchedule: Sendable {
    public let rate: Scenario.OfferedRate

    public init(rate: Scenario.OfferedRate) {
        self.rate = rate
    }

    /// When order `index` (from 1) is due, µs after the start; nil if the rate never offers it (zero).
    public func scheduledTime(ofOrder index: Int64) -> Int64? {
        let orders = Double(index)
        let seconds: Double?
        switch rate {
        case .constant(let rate):
            seconds = rate.ordersPerSecond > 0 ? orders / rate.ordersPerSecond : nil
        case .ramp(let from, let to, let over):
            seconds = Self.rampSeconds(orders, from: from.ordersPerSecond, to: to.ordersPerSecond, over: Self.seconds(over))
        case .bursts(let base, let burst, let length, let every):
            seconds = Self.burstSeconds(orders, base: base.ordersPerSecond, burst: burst.ordersPerSecond, length: Self.seconds(length), every: Self.seconds(every))
        }
        return seconds.map { Int64(($0 * 1_000_000).rounded()) }
    }

    /// The files of `linesPerFile` orders (the last may hold fewer) of the first `orders` orders, dropping
    /// orders due after `limit` µs when a limit is given, named so that name order is delivery order.
    public func files(orders: Int, linesPerFile: Int, limit: Int64? = nil, prefix: String = "chunk") -> [ScheduledFile] {
        var files: [ScheduledFile] = []
        var first: Int64 = 1
        while first <= Int64(orders) {
            var last = min(first + Int64(linesPerFile) - 1, Int64(orders))
            guard let start = scheduledTime(ofOrder: first), limit.map({ start <= $0 }) ?? true else { break }
            if let limit {
                while last > first, (scheduledTime(ofOrder: last) ?? .max) > limit { last -= 1 }
            }
            guard let end = scheduledTime(ofOrder: last) else { break }
            let name = prefix + String(repeating: "0", count: max(0, 6 - String(files.count + 1).count)) + String(files.count + 1)
            files.append(ScheduledFile(name: name, firstOrder: first, lastOrder: last, scheduledStart: start, scheduledEnd: end))
            first = last + 1
        }
        return files
    }

    /// Seconds until `orders` orders are offered by a ramp from `from` to `to` orders/s over `over` seconds.
    private static func rampSeconds(_ orders: Double, from: Double, to: Double, over: Double) -> Double? {
        let slope = over > 0 ? (to - from) / over : 0
        let atEnd = from * over + slope * over * over / 2
        if orders > atEnd || over <= 0 {
            guard to > 0 else { return nil }
            return max(over, 0) + (orders - max(atEnd, 0)) / to
        }
        if abs(slope) < 1e-12 { return from > 0 ? orders / from : nil }
        let discriminant = from * from + 2 * slope * orders
        guard discriminant >= 0 else { return nil }
        return (-from + discriminant.squareRoot()) / slope
    }

    /// Seconds until `orders` orders are offered at `burst` for the first `length` of every `every`
    /// seconds and at `base` otherwise.
    private static func burstSeconds(_ orders: Double, base: Double, burst: Double, length: Double, every: Double) -> Double? {
        let inBurst = burst * length
        let perPeriod = inBurst + base * (every - length)
        guard perPeriod > 0, every > 0 else { return nil }
        var periods = (orders / perPeriod).rounded(.down)
        var rest = orders - periods * perPeriod
        if rest == 0, periods > 0 {
            periods -= 1
            rest = perPeriod
        }
        if rest <= inBurst { return periods * every + rest / burst }
        return base > 0 ? periods * every + length + (rest - inBurst) / base : nil
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
