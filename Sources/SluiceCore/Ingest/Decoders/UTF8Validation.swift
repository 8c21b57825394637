/// Checks that decoded text is UTF-8, looking at each byte once and validating only text that is not ASCII.
enum UTF8Validation {
    /// Nil if `bytes` are valid UTF-8, else why not and where: `truncatedScalar at byte 3`.
    @inline(__always) static func problem(in bytes: Span<UInt8>) -> String? {
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0x80 { return validate(bytes) }
            index += 1
        }
        return nil
    }

    private static func validate(_ bytes: Span<UInt8>) -> String? {
        do {
            _ = try UTF8Span(validating: bytes)
            return nil
        } catch {
            return "\(error.kind) at byte \(error.byteOffsets.lowerBound)"
        }
    }
}
