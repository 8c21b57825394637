import SluiceDStream
import SluiceExamples

let arguments = ExampleArguments(program: "network-wordcount", names: ["hostname", "port"])
let context = StreamingContext(batchInterval: .seconds(1))
let lines = context.socketTextStream(host: arguments[0]!, port: arguments.integer(1, named: "port"))
context.addStreamingListener(ProblemPrinter())
NetworkWordCount.define(lines: lines)
try context.start()
try context.awaitTermination()
