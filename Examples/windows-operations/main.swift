import SluiceCore
import SluiceDStream
import SluiceExamples

let arguments = ExampleArguments(program: "windows-operations", names: [], optional: ["input-directory", "output-prefix"])
let context = StreamingContext(batchInterval: .seconds(3))
let orders = OrderStreams.fileStream(context, directory: arguments[0] ?? "input")
context.addStreamingListener(ProblemPrinter())
try WindowsOperations.define(orders: orders, outputPrefix: arguments[1] ?? "output/output")
try context.start()
try context.awaitTermination()
