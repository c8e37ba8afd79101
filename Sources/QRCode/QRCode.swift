import CQRencode

/// QR encoding through libqrencode (Debian's `libqrencode-dev`).
public enum QRCode {
    /// How much of the symbol may be damaged and still read: L 7 %, M 15 %, Q 25 %, H 30 %.
    public enum ErrorCorrection: Sendable {
        case low, medium, quartile, high

        var level: QRecLevel {
            switch self {
            case .low: return QR_ECLEVEL_L
            case .medium: return QR_ECLEVEL_M
            case .quartile: return QR_ECLEVEL_Q
            case .high: return QR_ECLEVEL_H
            }
        }
    }

    /// Why a text could not be encoded.
    public enum EncodingError: Error, Sendable, Equatable {
        /// Empty text, a NUL inside it, or more than the largest symbol (version 40) holds.
        case cannotEncode
    }

    /// Encodes `text` (as UTF-8, case preserved) in the smallest symbol that holds it.
    ///
    /// Medium error correction is the default: an `otpauth://` URI then fits an 80x24 terminal as
    /// half blocks while a phone camera still reads a slightly blurred image.
    public static func encode(_ text: String, correction: ErrorCorrection = .medium) throws(EncodingError) -> QRMatrix {
        guard !text.isEmpty, !text.utf8.contains(0) else { throw .cannotEncode }
        // Version 0 asks libqrencode for the smallest version; mode 8 with case sensitivity keeps
        // lowercase letters exact (alphanumeric mode would upper-case them).
        guard let symbol = QRcode_encodeString(text, 0, correction.level, QR_MODE_8, 1) else {
            throw .cannotEncode
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        guard width > 0, let data = symbol.pointee.data else { throw .cannotEncode }
        // Bit 0 of each byte is the module colour; the other bits describe the module's role.
        let modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
        guard let matrix = QRMatrix(size: width, modules: modules) else { throw .cannotEncode }
        return matrix
    }
}
