// sluice-orders-file PATH: writes the lecture's orders file (SluiceOrders' OrderGenerator with its
// default configuration: 500,000 orders, seed 20160322) to PATH, the input of the C++ reference kernels'
// parser and group-by benchmarks. The Swift benchmarks generate the same bytes in memory
// (BenchmarkSupport's LectureOrders).
import Foundation
import SluiceOrders

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: sluice-orders-file PATH\n".utf8))
    exit(2)
}
do {
    let summary = try OrderGenerator.write(OrderGenerator.Configuration(), toFileAt: arguments[1])
    print("\(arguments[1]): \(summary.lineCount) lines, \(summary.byteCount) bytes")
} catch {
    FileHandle.standardError.write(Data("sluice-orders-file: \(error)\n".utf8))
    exit(1)
}
