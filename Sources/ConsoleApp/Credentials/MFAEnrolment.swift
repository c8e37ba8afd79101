import IAMCore
import TerminalKit

/// The virtual MFA wizard after the device was created, as AWS's console shows it: the QR code
/// (or, when it does not fit, the secret key to type), then two consecutive codes from the app.
struct MFAEnrolment: Sendable {
    var owner: CredentialOwner
    var deviceName: String
    var serialNumber: String
    /// The seed as base32, for apps that cannot scan.
    var secret: String
    /// The QR code of the `otpauth://` URI, without its quiet zone.
    var qr: [[Bool]]?
    var form: Form
    /// F2 shows the secret key in place of the QR code (AWS's "Show secret key").
    var showsSecret = false
    /// False for a hardware token: it shows codes on its display, there is nothing to scan.
    var isVirtual = true

    /// What a key did.
    enum Outcome: Equatable {
        case editing
        /// Esc: the unassigned device is deleted, as AWS's console does when the wizard is left.
        case cancel
        case submit(code1: String, code2: String)
    }

    init(owner: CredentialOwner, deviceName: String, serialNumber: String, secret: String, uri: String) {
        self.owner = owner
        self.deviceName = deviceName
        self.serialNumber = serialNumber
        self.secret = secret
        qr = MFAProvisioning.qrRows(for: uri)
        form = Form(
            title: "",
            fields: [
                .text(id: "code1", label: "MFA code 1", maxLength: 16),
                .text(id: "code2", label: "MFA code 2", maxLength: 16, hint: "The next code, after the first changes"),
            ], submitTitle: "Add MFA", cancelTitle: "Cancel")
    }

    /// The codes step for a hardware token already imported (AWS: serial number, then two codes).
    init(owner: CredentialOwner, hardwareSerial: String) {
        self.init(owner: owner, deviceName: hardwareSerial, serialNumber: hardwareSerial, secret: "", uri: "")
        qr = nil
        isVirtual = false
    }

    mutating func handle(_ event: InputEvent) -> Outcome {
        if event == .key(.function(2)) {
            showsSecret.toggle()
            return .editing
        }
        switch form.handle(event) {
        case .editing: return .editing
        case .cancelled: return .cancel
        case .submitted(let values):
            func code(_ id: String) -> String {
                if case .text(let text) = values[id] { return text.trimmingCharacters(in: .whitespaces) }
                return ""
            }
            return .submit(code1: code("code1"), code2: code("code2"))
        }
    }

    /// Draws the wizard over the whole screen; returns where the cursor belongs.
    @MainActor
    func draw(in canvas: Canvas, theme: Theme) -> Position? {
        let box = canvas.box(
            Rect(row: 0, column: 0, width: canvas.width, height: canvas.height),
            title: "Assign MFA device \(deviceName) to \(owner.label)", border: theme[.border],
            titleStyle: theme[.title])
        box.fill(style: theme[.overlay])
        let ascii = canvas.glyphs.ellipsis != "…"
        let block = qr.flatMap { QRBlock(modules: $0) }
        var textColumn = 1
        var drewQR = false
        if isVirtual, !showsSecret, let block {
            let size = block.size(ascii: ascii)
            if size.width + 32 <= box.width, size.height <= box.height {
                drewQR = block.draw(in: box, row: 0, column: 1, ascii: ascii)
                textColumn = size.width + 3
            }
        }
        let text = box.subcanvas(
            Rect(row: 0, column: textColumn, width: box.width - textColumn - 1, height: box.height))
        var lines = [
            "1. Install an authenticator app on your phone or computer.",
            drewQR
                ? "2. Scan this QR code with the app (F2 shows the secret key instead)."
                : "2. Add an account in the app and type this secret key (F2: QR code):",
        ]
        if !isVirtual {
            lines = ["Hardware TOTP token \(serialNumber): press its button for a code, wait for the next one."]
        } else if !drewQR {
            lines.append("   " + Self.grouped(secret))
            if block != nil, !showsSecret {
                lines.append("   (the QR code needs a larger terminal)")
            }
        }
        lines.append("3. Type two consecutive codes from the app.")
        var row = 1
        for line in lines {
            for piece in ConsoleScreen.wrap(line, width: text.width) where row < text.height {
                text.text(piece, row: row, column: 0, style: piece.hasPrefix("   ") ? theme[.value] : theme[.overlay])
                row += 1
            }
        }
        let formArea = text.subcanvas(
            Rect(row: row + 1, column: 0, width: text.width, height: max(0, text.height - row - 1)))
        return form.draw(in: formArea, theme: theme)
    }

    /// `ABCD EFGH …`: the secret in groups of four, easier to type.
    static func grouped(_ secret: String) -> String {
        var groups: [String] = []
        var current = ""
        for character in secret {
            current.append(character)
            if current.count == 4 {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }
}
