import CSQLite

/// SHA-256 (FIPS 180-4), for migration checksums, document fingerprints and the hash chain.
/// The rounds are C (`shim.h`), shared with the chain's SQL function, so both hash alike and fast.
public enum SHA256 {
    public static func hexDigest(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(digest(UnsafeRawBufferPointer($0))) }
    }

    public static func hexDigest(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex(digest($0)) }
    }

    public static func digest(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { digest($0) }
    }

    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            csqlite_sha256_digest(bytes.baseAddress, bytes.count, buffer.baseAddress)
            count = 32
        }
    }

    /// Lower-case hexadecimal, two digits a byte.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index * 2] = digits[Int(byte >> 4)]
                buffer[index * 2 + 1] = digits[Int(byte & 15)]
            }
            return bytes.count * 2
        }
    }
}

/// Hashes a file as it streams by, without holding it in memory.
public struct SHA256Stream {
    private var context = csqlite_sha256()

    public init() { csqlite_sha256_init(&context) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        csqlite_sha256_update(&context, bytes.baseAddress, bytes.count)
    }

    public mutating func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            csqlite_sha256_final(&context, buffer.baseAddress)
            count = 32
        }
    }
}
