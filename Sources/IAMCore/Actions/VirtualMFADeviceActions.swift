import Foundation

/// CreateVirtualMFADevice request.
public struct CreateVirtualMFADeviceRequest: Codable, Sendable {
    public var path: String?
    public var virtualMFADeviceName: String
    public var tags: [Tag]?
    public init(path: String? = nil, virtualMFADeviceName: String, tags: [Tag]? = nil) {
        self.path = path
        self.virtualMFADeviceName = virtualMFADeviceName
        self.tags = tags
    }
}

/// CreateVirtualMFADevice response: the only time the seed and its QR code are returned.
public struct CreateVirtualMFADeviceResponse: Codable, Sendable, Equatable {
    public var virtualMFADevice: VirtualMFADeviceShape
}

/// DeleteVirtualMFADevice request (and any request naming a device by serial number alone).
public struct SerialNumberRequest: Codable, Sendable {
    public var serialNumber: String
    public init(serialNumber: String) { self.serialNumber = serialNumber }
}

/// ListVirtualMFADevices request: `Assigned`, `Unassigned` or `Any` (the default).
public struct ListVirtualMFADevicesRequest: Codable, Sendable {
    public var assignmentStatus: String?
    public var marker: String?
    public var maxItems: Int?
    public init(assignmentStatus: String? = nil, marker: String? = nil, maxItems: Int? = nil) {
        self.assignmentStatus = assignmentStatus
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListVirtualMFADevices response.
public struct ListVirtualMFADevicesResponse: Codable, Sendable, Equatable {
    public var virtualMFADevices: [VirtualMFADeviceShape]
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    /// Creates an unassigned virtual MFA device with a fresh 160-bit seed. The seed (base32) and a
    /// QR code of its `otpauth://` URI appear only in this response; EnableMFADevice assigns it.
    public mutating func createVirtualMFADevice(
        _ request: CreateVirtualMFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> CreateVirtualMFADeviceResponse {
        try recorded("CreateVirtualMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> CreateVirtualMFADeviceResponse in
            try service.handleCreateVirtualMFADevice(request, as: principal)
        }
    }

    private mutating func handleCreateVirtualMFADevice(
        _ request: CreateVirtualMFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> CreateVirtualMFADeviceResponse {
        let path = request.path ?? "/"
        try NameRules.checkPath(path)
        try NameRules.checkName(request.virtualMFADeviceName, field: "virtualMFADeviceName", max: 226)
        let serial = ResourceNames.mfa(account.id, path: path, name: request.virtualMFADeviceName)
        try NameRules.checkLength(serial, field: "serialNumber", min: 9, max: 256)
        let tags = request.tags ?? []
        try authorize(principal, "CreateVirtualMFADevice", serial, context: RequestContextBuilder.requestTags(tags))
        try NameRules.checkTags(tags)
        guard tags.count <= quotas.tagsPerEntity else { throw .quota("TagsPerMFADevice", quotas.tagsPerEntity) }
        let taken = account.mfaDevices.keys.contains { Account.key($0) == Account.key(serial) }
        guard !taken else {
            throw IAMError(.entityAlreadyExists, "MFADevice entity at the same path and name already exists.")
        }
        guard account.mfaDevices.values.filter({ $0.type == .virtual }).count < quotas.users else {
            throw .quota("VirtualMFADevices", quotas.users)
        }
        let seed = Base32.encode(random.bytes(TOTP.secretLength))
        var device = MFADevice(serialNumber: serial, type: .virtual, createDate: clock.now())
        device.seed = seed
        device.tags = tags
        account.mfaDevices[serial] = device
        let uri = TOTP.provisioningURI(
            deviceName: request.virtualMFADeviceName, accountName: account.mfaAccountName, base32Secret: seed)
        committed(principal, "CreateVirtualMFADevice", serial)
        return CreateVirtualMFADeviceResponse(
            virtualMFADevice: VirtualMFADeviceShape(
                serialNumber: serial, base32StringSeed: Data(seed.utf8).base64EncodedString(),
                qRCodePNG: MFAProvisioning.qrPNG(for: uri).map { Data($0).base64EncodedString() }, user: nil,
                enableDate: nil, tags: tags.isEmpty ? nil : tags))
    }

    /// Deletes an unassigned virtual MFA device (DeleteConflict while it is enabled for anyone).
    public mutating func deleteVirtualMFADevice(
        _ request: SerialNumberRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteVirtualMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeleteVirtualMFADevice(request, as: principal)
        }
    }

    private mutating func handleDeleteVirtualMFADevice(
        _ request: SerialNumberRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        try authorize(principal, "DeleteVirtualMFADevice", request.serialNumber)
        guard let device = account.mfaDevices[request.serialNumber], device.type == .virtual else {
            throw .noSuchEntity("VirtualMFADevice with serial number \(request.serialNumber) doesn't exist.")
        }
        guard device.assignedTo == nil else {
            throw .deleteConflict("MFA VirtualDevice in use. Must deactivate first.")
        }
        account.mfaDevices[request.serialNumber] = nil
        committed(principal, "DeleteVirtualMFADevice", request.serialNumber)
        return EmptyResponse()
    }

    /// Lists the account's virtual MFA devices (never their seeds), by serial number.
    public func listVirtualMFADevices(
        _ request: ListVirtualMFADevicesRequest, as principal: Principal
    ) throws(IAMError) -> ListVirtualMFADevicesResponse {
        try recorded("ListVirtualMFADevices", request, principal) {
            () throws(IAMError) -> ListVirtualMFADevicesResponse in
            try handleListVirtualMFADevices(request, as: principal)
        }
    }

    private func handleListVirtualMFADevices(
        _ request: ListVirtualMFADevicesRequest, as principal: Principal
    ) throws(IAMError) -> ListVirtualMFADevicesResponse {
        let status = request.assignmentStatus ?? "Any"
        guard ["Assigned", "Unassigned", "Any"].contains(status) else {
            throw NameRules.validationError(
                status, "assignmentStatus", "Member must satisfy enum value set: [Unassigned, Any, Assigned]")
        }
        try authorize(principal, "ListVirtualMFADevices", "*")
        let devices = account.mfaDevices.values.filter { device in
            device.type == .virtual
                && (status == "Any" || (device.assignedTo != nil) == (status == "Assigned"))
        }
        .sorted { $0.serialNumber < $1.serialNumber }
        let page = try Paging.page(devices, key: \.serialNumber, marker: request.marker, maxItems: request.maxItems)
        return ListVirtualMFADevicesResponse(
            virtualMFADevices: page.items.map { device in
                VirtualMFADeviceShape(
                    serialNumber: device.serialNumber, base32StringSeed: nil, qRCodePNG: nil,
                    user: account.assigneeShape(of: device), enableDate: device.enableDate, tags: nil)
            }, isTruncated: page.isTruncated, marker: page.marker)
    }
}

/// Parameter rules shared by the MFA actions.
enum MFARules {
    /// A serial number: 9–256 characters of `[\w+=/:,.@-]`.
    static func checkSerialNumber(_ value: String, field: String = "serialNumber") throws(IAMError) {
        try NameRules.checkLength(value, field: field, min: 9, max: 256)
        guard value.unicodeScalars.allSatisfy({ NameRules.isNameCharacter($0) || $0 == "/" || $0 == ":" }) else {
            throw NameRules.validationError(
                value, field, "Member must satisfy regular expression pattern: [\\w+=/:,.@-]+")
        }
    }

    /// An authentication code: exactly six characters, all digits.
    static func checkCode(_ value: String, field: String) throws(IAMError) {
        try NameRules.checkLength(value, field: field, min: 6, max: 6)
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw NameRules.validationError(value, field, "Member must satisfy regular expression pattern: [\\d]+")
        }
    }
}
