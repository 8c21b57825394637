import SluiceStructured
import SluiceExamples

let arguments = ExampleArguments(program: "windowed-order-counts", names: [], optional: ["input-directory"])
let session = Session()
let orders = WindowedOrderCounts.orders(session, directory: arguments[0] ?? "input")
let query = try WindowedOrderCounts.define(orders: orders).writeStream.outputMode(.update).console().start()
try query.awaitTermination()
