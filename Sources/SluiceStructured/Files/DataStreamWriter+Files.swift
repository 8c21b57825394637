extension DataStreamWriter {
    /// Writes each batch's rows as a CSV part file of `directory`, exactly once per batch id (see
    /// `FileSink`); append mode only. `header` puts the field names at the top of each part file.
    public func csv(directory: String, header: Bool = false, delimiter: Character = ",") -> DataStreamWriter {
        sink(FileSink.csv(directory: directory, header: header, delimiter: delimiter))
    }

    /// Writes each batch's rows as a JSON-lines part file of `directory`, exactly once per batch id (see
    /// `FileSink`); append mode only.
    public func json(directory: String) -> DataStreamWriter {
        sink(FileSink.json(directory: directory))
    }
}
