import SluiceCore

extension DataStreamReader {
    /// The rows of CSV files moved into `directory` (see `CSVDecoder`), at most `maxFilesPerTrigger`
    /// files per batch; files present at start are read too. With `header`, each file's first record
    /// is skipped. The directory must exist when the query starts.
    public func csv(directory: String, schema: Schema, header: Bool = false, delimiter: Character = ",",
                    maxFilesPerTrigger: Int? = nil) -> DataFrame {
        files(directory: directory, decoder: CSVDecoder(schema: schema, header: header, delimiter: delimiter),
              maxFilesPerTrigger: maxFilesPerTrigger)
    }

    /// The rows of JSON-lines files moved into `directory` (see `JSONLinesDecoder`), at most
    /// `maxFilesPerTrigger` files per batch; files present at start are read too. The directory must
    /// exist when the query starts.
    public func json(directory: String, schema: Schema, maxFilesPerTrigger: Int? = nil) -> DataFrame {
        files(directory: directory, decoder: JSONLinesDecoder(schema: schema), maxFilesPerTrigger: maxFilesPerTrigger)
    }
}
