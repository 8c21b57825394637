import SluiceDStream
import SluiceExamples

let arguments = ExampleArguments(program: "stateful-network-wordcount", names: ["hostname", "port"], optional: ["checkpoint-directory"])
let context = StreamingContext(batchInterval: .seconds(1))
context.checkpoint(directory: arguments[2] ?? "checkpoint")
let lines = context.socketTextStream(host: arguments[0]!, port: arguments.integer(1, named: "port"))
context.addStreamingListener(ProblemPrinter())
StatefulNetworkWordCount.define(lines: lines)
try context.start()
try context.awaitTermination()
