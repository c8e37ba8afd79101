import Foundation

/// An MFA device as ListMFADevices returns it.
public struct MFADeviceShape: Codable, Sendable, Equatable {
    /// The user the device belongs to; absent for the root user's devices.
    public var userName: String?
    public var serialNumber: String
    public var enableDate: Timestamp
}

/// A virtual MFA device as CreateVirtualMFADevice and ListVirtualMFADevices return it.
///
/// `Base32StringSeed` and `QRCodePNG` are blobs, which AWS sends base64-encoded (so the seed is
/// base64 of its base32 text); they appear only in the CreateVirtualMFADevice response.
public struct VirtualMFADeviceShape: Codable, Sendable, Equatable {
    public var serialNumber: String
    public var base32StringSeed: String?
    public var qRCodePNG: String?
    public var user: UserShape?
    public var enableDate: Timestamp?
    public var tags: [Tag]?

    /// The seed as base32 text, decoded from its blob (only in a CreateVirtualMFADevice response).
    public var seedText: String? {
        base32StringSeed.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The QR code image's PNG bytes, decoded from its blob (only in a CreateVirtualMFADevice response).
    public var qrCodePNGBytes: [UInt8]? { qRCodePNG.flatMap { Data(base64Encoded: $0) }.map { Array($0) } }
}

extension Account {
    /// The user shape of whoever a device is assigned to: a user, or the root user by id and ARN alone.
    func assigneeShape(of device: MFADevice) -> UserShape? {
        guard let assignee = device.assignedTo else { return nil }
        if assignee == MFADevice.rootAssignee {
            return UserShape(
                path: nil, userName: nil, userId: id, arn: rootARN, createDate: createDate,
                passwordLastUsed: root.passwordLastUsed, permissionsBoundary: nil, tags: nil)
        }
        guard let user = user(named: assignee) else { return nil }
        return shape(of: user, detailed: false)
    }

    /// The devices enabled for the root user (nil) or a user, in the order they were enabled.
    public func mfaDevices(ofUser userName: String?) -> [MFADevice] {
        let serials = userName.map { self.user(named: $0)?.mfaDevices ?? [] } ?? root.mfaDevices
        return serials.compactMap { mfaDevices[$0] }
    }
}
