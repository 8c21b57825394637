import SluiceCore
import SluiceDStream
import SluiceExamples

let arguments = ExampleArguments(program: "count-buys", names: [], optional: ["input-directory", "output-prefix"])
let context = StreamingContext(batchInterval: .seconds(5))
let orders = OrderStreams.fileStream(context, directory: arguments[0] ?? "input")
context.addStreamingListener(ProblemPrinter())
CountBuys.define(orders: orders, outputPrefix: arguments[1] ?? "output/output")
try context.start()
try context.awaitTermination()
