import Foundation
import SluiceCore

/// Output operations: what makes a DStream program do something, batch by batch, in definition order.
extension DStream {
    /// Calls `body` with each batch's RDD and time.
    @inlinable public func foreachRDD(_ body: @escaping @Sendable (RDD<Element>, Timestamp) throws -> Void) {
        context.graph.addOutput(.init(stream: self) { [self] _, time in
            if let rdd = try self.rdd(at: time) { try body(rdd, time) }
        })
    }

    /// Prints the first `count` elements of each batch under Spark's header
    /// (`Time: 1357008430000 ms` between dashed lines), with `...` when there are more.
    @inlinable public func print(_ count: Int = 10) {
        let printer = context.printer
        foreachRDD { rdd, time in
            let first = rdd.take(count + 1)
            var lines = ["-------------------------------------------", "Time: \(time.milliseconds) ms",
                         "-------------------------------------------"]
            lines += first.prefix(count).map(ElementFormatter.render)
            if first.count > count { lines.append("...") }
            lines.append("")
            printer(lines.joined(separator: "\n"))
        }
    }

    /// The same as `print(_:)`, under PySpark's name.
    @inlinable public func pprint(_ count: Int = 10) { print(count) }

    /// Writes each batch as a directory `prefix-TIME_IN_MS[.suffix]` holding one `part-NNNNN` file per
    /// partition (one element per line) and an empty `_SUCCESS`. The directory is assembled under a
    /// hidden temporary name and renamed into place, so readers never see it half-written; a batch run
    /// again replaces its directory. Like Spark's, the files are not fsynced: a machine crash may lose the
    /// latest directories, never expose a partial one (the exactly-once file sink is the Structured API's).
    @inlinable public func saveAsTextFiles(prefix: String, suffix: String = "") {
        foreachRDD { rdd, time in
            let name = suffix.isEmpty ? "\(prefix)-\(time.milliseconds)" : "\(prefix)-\(time.milliseconds).\(suffix)"
            try TextFilesWriter.write(rdd.partitions.map { $0.map(ElementFormatter.render) }, to: name)
        }
    }
}

/// Writes a partitioned text output directory atomically.
@usableFromInline enum TextFilesWriter {
    @usableFromInline static func write(_ partitions: [[String]], to path: String) throws {
        let files = FileManager.default
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        let staging = "\(parent)/.\(url.lastPathComponent).inprogress"
        do {
            try files.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if files.fileExists(atPath: staging) { try files.removeItem(atPath: staging) }
            try files.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for (index, lines) in (partitions.isEmpty ? [[]] : partitions).enumerated() {
                let name = "part-" + String(repeating: "0", count: max(0, 5 - String(index).count)) + String(index)
                let text = lines.map { $0 + "\n" }.joined()
                try Data(text.utf8).write(to: URL(fileURLWithPath: "\(staging)/\(name)"))
            }
            try Data().write(to: URL(fileURLWithPath: "\(staging)/_SUCCESS"))
            if files.fileExists(atPath: path) { try files.removeItem(atPath: path) }
            try files.moveItem(atPath: staging, toPath: path)
        } catch {
            throw DStreamError.outputFailed(path: path, reason: "\(error)")
        }
    }
}
