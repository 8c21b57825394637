/// CRC-32 (IEEE 802.3, the zlib/PNG polynomial), the checksum every checkpoint file carries.
public enum CRC32 {
    private static let table: [UInt32] = (0 ..< 256).map { byte in
        (0 ..< 8).reduce(UInt32(byte)) { crc, _ in crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
