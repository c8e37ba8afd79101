import Crypto
import Foundation

/// One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1, as AWS's virtual and
/// hardware MFA devices produce them (30-second steps, 6 digits).
public enum TOTP {
    /// Seconds per time step.
    public static let period: Int64 = 30
    /// Digits in an AWS MFA code.
    public static let digits = 6
    /// Bytes of a new virtual device's secret (160 bits, RFC 4226's recommended length).
    public static let secretLength = 20

    /// The HOTP value for `counter`, zero-padded to `digits` digits.
    public static func hotp(secret: [UInt8], counter: UInt64, digits: Int = digits) -> String {
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[index] = UInt8((counter >> UInt64(56 - 8 * index)) & 0xFF) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        // Dynamic truncation (RFC 4226 §5.3): the low nibble of the last byte picks four bytes.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<min(digits, 9) { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The time step that contains `time` (RFC 6238's T, with T0 = 0).
    public static func step(at time: Timestamp) -> Int64 {
        let seconds = time.seconds
        return seconds >= 0 ? seconds / period : (seconds - period + 1) / period
    }

    /// The code for time step `step`.
    public static func code(secret: [UInt8], step: Int64, digits: Int = digits) -> String {
        hotp(secret: secret, counter: UInt64(max(0, step)), digits: digits)
    }

    /// The code a device shows at `time`.
    public static func code(secret: [UInt8], at time: Timestamp, digits: Int = digits) -> String {
        code(secret: secret, step: step(at: time), digits: digits)
    }

    /// The `otpauth://totp/` URI AWS encodes in `QRCodePNG`:
    /// `otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String`.
    public static func provisioningURI(deviceName: String, accountName: String, base32Secret: String) -> String {
        "otpauth://totp/\(percentEncoded(deviceName))@\(percentEncoded(accountName))?secret=\(base32Secret)"
    }

    /// Device names and aliases use `[\w+=,.@-]`, all legal in a URI path except nothing; anything
    /// else (which the API rejects anyway) is percent-encoded so the URI always parses.
    private static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "_+=,.@-")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
