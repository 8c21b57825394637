import SluiceCore
import SluiceDStream
import SluiceExamples

let arguments = ExampleArguments(program: "top-clients", names: [], optional: ["input-directory", "output-prefix", "checkpoint-directory"])
let context = StreamingContext(batchInterval: .seconds(5))
context.checkpoint(directory: arguments[2] ?? "checkpoint")
let orders = OrderStreams.fileStream(context, directory: arguments[0] ?? "input")
context.addStreamingListener(ProblemPrinter())
TopClients.define(orders: orders, outputPrefix: arguments[1] ?? "output/output")
try context.start()
try context.awaitTermination()
