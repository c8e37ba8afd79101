import Foundation
import IAMCore
import IAMPolicy

/// The AWS CLI's `create-virtual-mfa-device` customization: `--bootstrap-method` picks the seed
/// text or the QR code PNG, which is written (decoded from its blob) to `--outfile`, and both
/// bootstrap members are removed from the printed response.
enum VirtualMFABootstrap {
    static let methods = ["QRCodePNG", "Base32StringSeed"]

    static let step = ClientStep(
        check: { request, currentDirectory in
            let method = request["BootstrapMethod"]?.stringValue ?? ""
            guard methods.contains(method) else {
                throw UsageError(
                    description:
                        "argument --bootstrap-method: Invalid choice, valid choices are: QRCodePNG | Base32StringSeed")
            }
            let path = outfile(request, currentDirectory)
            var isFolder: ObjCBool = false
            let folder = (path as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw UsageError(description: "argument --outfile: the folder of \(path) does not exist")
            }
        },
        finish: { request, response, currentDirectory in
            guard case .object(var members) = response,
                let index = members.firstIndex(where: { $0.key == "VirtualMFADevice" }),
                case .object(let device) = members[index].value
            else { return response }
            let method = request["BootstrapMethod"]?.stringValue ?? ""
            if let blob = device.first(where: { $0.key == method })?.value.stringValue,
                let bytes = Data(base64Encoded: blob)
            {
                try write(bytes, to: outfile(request, currentDirectory))
            }
            members[index] = JSONMember(
                key: "VirtualMFADevice", value: .object(device.filter { !methods.contains($0.key) }))
            return .object(members)
        })

    static func outfile(_ request: JSONValue, _ currentDirectory: String) -> String {
        var path = request["Outfile"]?.stringValue ?? ""
        if path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst() }
        return path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }

    /// Writes the secret readable by its owner only: the seed (or its QR code) is as secret as a password.
    static func write(_ bytes: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
