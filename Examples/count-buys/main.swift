import SluiceDStream
import SluiceExamples

let arguments = ExampleArguments(program: "count-buys", names: [], optional: ["input-directory", "output-prefix"])
let context = StreamingContext(batchInterval: .seconds(5))
let orders = OrderStreams.parse(context.textFileStream(directory: arguments[0] ?? "input"))
CountBuys.define(orders: orders, outputPrefix: arguments[1] ?? "output/output")
try context.start()
try context.awaitTermination()
