import SluiceStructured
import SluiceExamples

let arguments = ExampleArguments(program: "structured-wordcount", names: ["hostname", "port"])
let session = Session()
let lines = session.readStream.socket(host: arguments[0]!, port: arguments.integer(1, named: "port"))
let query = try StructuredWordCount.define(lines: lines).writeStream.outputMode(.complete).console().start()
try query.awaitTermination()
