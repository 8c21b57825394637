import SluiceCore

/// A text file format the Structured API reads and writes, with its options.
enum FileFormat: Sendable {
    case csv(header: Bool, delimiter: Character)
    case json

    /// The name Spark gives the format, for messages.
    var name: String {
        switch self {
        case .csv: "csv"
        case .json: "json"
        }
    }

    /// The extension of the files written in this format.
    var fileExtension: String { name }

    /// A decoder of this format's text into rows of `schema`.
    func decoder(schema: Schema) -> any RecordDecoder {
        switch self {
        case .csv(let header, let delimiter): CSVDecoder(schema: schema, header: header, delimiter: delimiter)
        case .json: JSONLinesDecoder(schema: schema)
        }
    }

    /// The text of every row of `batches`, which have `schema`.
    func encode(_ batches: [RecordBatch], schema: Schema) -> [UInt8] {
        switch self {
        case .csv(let header, let delimiter): CSVEncoder(header: header, delimiter: delimiter).encode(batches, schema: schema)
        case .json: JSONLinesEncoder().encode(batches, schema: schema)
        }
    }
}
