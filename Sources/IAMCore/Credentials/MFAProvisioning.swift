import QRCode

/// What an authenticator app needs to learn a virtual device's seed: the `otpauth://` URI, and
/// the same URI as a QR code (matrix for a terminal, PNG for a file).
public enum MFAProvisioning {
    /// Pixels per QR module in `QRCodePNG`: about 300 pixels across for a typical URI, which
    /// phone cameras read easily from a screen.
    public static let pngScale = 8

    /// The QR code of `uri` as rows of modules (`true` dark), without the quiet zone; nil only for
    /// text no QR symbol can hold.
    public static func qrRows(for uri: String) -> [[Bool]]? { (try? QRCode.encode(uri))?.rows }

    /// The QR code of `uri` as a PNG image with the standard four-module quiet zone.
    public static func qrPNG(for uri: String) -> [UInt8]? {
        (try? QRCode.encode(uri)).map { PNGEncoder.encode($0, scale: pngScale) }
    }
}

extension Account {
    /// The account part of a provisioning URI: the alias, or the account id when there is none.
    public var mfaAccountName: String { alias ?? id }

    /// The `otpauth://totp/DEVICE@ACCOUNT?secret=SEED` URI of a virtual device, nil for any other
    /// device. The seed stays in the workspace; show this only while enrolling the device.
    public func provisioningURI(forVirtualDevice serialNumber: String) -> String? {
        guard let device = mfaDevices[serialNumber], device.type == .virtual, let seed = device.seed,
            let name = IAMResourceName(serialNumber)?.name
        else { return nil }
        return TOTP.provisioningURI(deviceName: name, accountName: mfaAccountName, base32Secret: seed)
    }
}
