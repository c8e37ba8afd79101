/// EnableMFADevice and ResyncMFADevice request: two consecutive codes from the device.
///
/// Without `userName` the device is enabled for the caller: the calling user, or the root user.
public struct MFACodesRequest: Codable, Sendable {
    public var userName: String?
    public var serialNumber: String
    public var authenticationCode1: String
    public var authenticationCode2: String
    public init(userName: String? = nil, serialNumber: String, authenticationCode1: String, authenticationCode2: String)
    {
        self.userName = userName
        self.serialNumber = serialNumber
        self.authenticationCode1 = authenticationCode1
        self.authenticationCode2 = authenticationCode2
    }
}

/// DeactivateMFADevice and GetMFADevice request.
public struct MFADeviceRequest: Codable, Sendable {
    public var userName: String?
    public var serialNumber: String
    public init(userName: String? = nil, serialNumber: String) {
        self.userName = userName
        self.serialNumber = serialNumber
    }
}

/// ListMFADevices request: a user, or none for the caller (root: the root user's devices).
public struct ListMFADevicesRequest: Codable, Sendable {
    public var userName: String?
    public var marker: String?
    public var maxItems: Int?
    public init(userName: String? = nil, marker: String? = nil, maxItems: Int? = nil) {
        self.userName = userName
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// ListMFADevices response.
public struct ListMFADevicesResponse: Codable, Sendable, Equatable {
    public var mFADevices: [MFADeviceShape]
    public var isTruncated: Bool
    public var marker: String?
}

/// GetMFADevice response (security keys only, as in AWS).
public struct GetMFADeviceResponse: Codable, Sendable, Equatable {
    public var userName: String?
    public var serialNumber: String
    public var enableDate: Timestamp?
}

/// The identity an MFA request addresses: a user, or the root user.
struct MFAOwner {
    var user: User?
    var arn: String
    /// The value of `MFADevice.assignedTo` for this owner.
    var assignee: String { user?.name ?? MFADevice.rootAssignee }
    /// How AWS's messages name the owner.
    var description: String { user.map { "user \($0.name)" } ?? "the root user" }
}

extension IAMService {
    /// Whose devices a request addresses: a named user, the calling user, or (root without a name) the root user.
    func mfaOwner(_ userName: String?, _ principal: Principal) throws(IAMError) -> MFAOwner {
        if let name = userName ?? principal.ownUserName {
            try NameRules.checkName(name, field: "userName", max: 128)
            let user = try existingUser(name)
            return MFAOwner(user: user, arn: account.arn(of: user))
        }
        if case .root = principal { return MFAOwner(user: nil, arn: account.rootARN) }
        throw NameRules.validationError("null", "userName", "Member must not be null")
    }

    /// The serial numbers enabled for an owner.
    func enabledSerials(_ owner: MFAOwner) -> [String] {
        owner.user.map { account.user(named: $0.name)?.mfaDevices ?? [] } ?? account.root.mfaDevices
    }

    mutating func setEnabledSerials(_ serials: [String], _ owner: MFAOwner) {
        if let user = owner.user {
            account.users[Account.key(user.name)]?.mfaDevices = serials
        } else {
            account.root.mfaDevices = serials
        }
    }

    /// The device `serial` when it is enabled for `owner`, or AWS's NoSuchEntity.
    func enabledDevice(_ serial: String, for owner: MFAOwner) throws(IAMError) -> MFADevice {
        guard enabledSerials(owner).contains(serial), let device = account.mfaDevices[serial] else {
            throw .noSuchEntity("MFA Device with serial number \(serial) does not exist for \(owner.description).")
        }
        return device
    }

    /// Throws LimitExceeded when the owner already has the most devices IAM allows (eight, any mix).
    func checkDeviceQuota(_ owner: MFAOwner) throws(IAMError) {
        guard enabledSerials(owner).count < quotas.mfaDevicesPerUser else {
            throw .quota("MFADevicesPerUser", quotas.mfaDevicesPerUser)
        }
    }

    static let invalidCode = IAMError(.invalidAuthenticationCode, "Authentication code for device is not valid.")

    /// Enables a virtual or hardware device for a user (or the root user) after checking two
    /// consecutive codes from it; each code is then spent.
    public mutating func enableMFADevice(
        _ request: MFACodesRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("EnableMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleEnableMFADevice(request, as: principal)
        }
    }

    private mutating func handleEnableMFADevice(
        _ request: MFACodesRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        try MFARules.checkCode(request.authenticationCode1, field: "authenticationCode1")
        try MFARules.checkCode(request.authenticationCode2, field: "authenticationCode2")
        let owner = try mfaOwner(request.userName, principal)
        try authorize(principal, "EnableMFADevice", owner.arn)
        guard var device = account.mfaDevices[request.serialNumber] else {
            throw .noSuchEntity("MFA Device with serial number \(request.serialNumber) does not exist.")
        }
        guard device.assignedTo == nil else { throw IAMError(.entityAlreadyExists, "MFA Device is already in use.") }
        try checkDeviceQuota(owner)
        // A fresh enrolment trusts the device's clock: any drift learned before is forgotten.
        guard
            let step = MFACodeCheck.matchingPair(
                request.authenticationCode1, request.authenticationCode2, device: device, at: clock.now(),
                window: MFACodeCheck.window, ignoringDrift: true)
        else { throw Self.invalidCode }
        device.assignedTo = owner.assignee
        device.enableDate = clock.now()
        device.lastUsedStep = step
        device.driftSteps = nil
        account.mfaDevices[device.serialNumber] = device
        setEnabledSerials(enabledSerials(owner) + [device.serialNumber], owner)
        committed(principal, "EnableMFADevice", owner.arn)
        return EmptyResponse()
    }

    /// Resynchronises a device whose clock drifted: two consecutive codes are looked for up to ten
    /// minutes either side, and the offset found is used for later codes.
    public mutating func resyncMFADevice(
        _ request: MFACodesRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("ResyncMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleResyncMFADevice(request, as: principal)
        }
    }

    private mutating func handleResyncMFADevice(
        _ request: MFACodesRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        try MFARules.checkCode(request.authenticationCode1, field: "authenticationCode1")
        try MFARules.checkCode(request.authenticationCode2, field: "authenticationCode2")
        let owner = try mfaOwner(request.userName, principal)
        try authorize(principal, "ResyncMFADevice", owner.arn)
        var device = try enabledDevice(request.serialNumber, for: owner)
        guard device.type.usesCodes,
            let step = MFACodeCheck.matchingPair(
                request.authenticationCode1, request.authenticationCode2, device: device, at: clock.now(),
                window: MFACodeCheck.resyncWindow, ignoringDrift: true)
        else { throw Self.invalidCode }
        device.lastUsedStep = step
        let drift = step - Int(TOTP.step(at: clock.now()))
        device.driftSteps = drift == 0 ? nil : drift
        account.mfaDevices[device.serialNumber] = device
        committed(principal, "ResyncMFADevice", owner.arn)
        return EmptyResponse()
    }

    /// Disables a device for its user (or the root user). A virtual device stays in the account,
    /// unassigned, until DeleteVirtualMFADevice; a hardware token stays known for re-enabling; a
    /// security key, which cannot exist unassigned, is removed.
    public mutating func deactivateMFADevice(
        _ request: MFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeactivateMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleDeactivateMFADevice(request, as: principal)
        }
    }

    private mutating func handleDeactivateMFADevice(
        _ request: MFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        let owner = try mfaOwner(request.userName, principal)
        try authorize(principal, "DeactivateMFADevice", owner.arn)
        var device = try enabledDevice(request.serialNumber, for: owner)
        setEnabledSerials(enabledSerials(owner).filter { $0 != device.serialNumber }, owner)
        if device.type == .securityKey {
            account.mfaDevices[device.serialNumber] = nil
        } else {
            device.assignedTo = nil
            device.enableDate = nil
            account.mfaDevices[device.serialNumber] = device
        }
        committed(principal, "DeactivateMFADevice", owner.arn)
        return EmptyResponse()
    }

    /// Lists the devices enabled for a user (or the root user), in the order they were enabled.
    public func listMFADevices(
        _ request: ListMFADevicesRequest, as principal: Principal
    ) throws(IAMError) -> ListMFADevicesResponse {
        try recorded("ListMFADevices", request, principal) { () throws(IAMError) -> ListMFADevicesResponse in
            try handleListMFADevices(request, as: principal)
        }
    }

    private func handleListMFADevices(
        _ request: ListMFADevicesRequest, as principal: Principal
    ) throws(IAMError) -> ListMFADevicesResponse {
        let owner = try mfaOwner(request.userName, principal)
        try authorize(principal, "ListMFADevices", owner.arn)
        let shapes = enabledSerials(owner).compactMap { serial in
            account.mfaDevices[serial].map { device in
                MFADeviceShape(
                    userName: owner.user?.name, serialNumber: serial, enableDate: device.enableDate ?? device.createDate
                )
            }
        }
        let page = try Paging.inOrder(shapes, marker: request.marker, maxItems: request.maxItems)
        return ListMFADevicesResponse(mFADevices: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Describes a security key enabled for a user (or the root user); AWS accepts only FIDO
    /// security key serial numbers here.
    public func getMFADevice(
        _ request: MFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> GetMFADeviceResponse {
        try recorded("GetMFADevice", request, principal) { () throws(IAMError) -> GetMFADeviceResponse in
            try handleGetMFADevice(request, as: principal)
        }
    }

    private func handleGetMFADevice(
        _ request: MFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> GetMFADeviceResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        let owner = try mfaOwner(request.userName, principal)
        try authorize(principal, "GetMFADevice", owner.arn)
        let device = try enabledDevice(request.serialNumber, for: owner)
        guard device.type == .securityKey else {
            throw .noSuchEntity("MFA Device with serial number \(request.serialNumber) is not a FIDO security key.")
        }
        return GetMFADeviceResponse(
            userName: owner.user?.name, serialNumber: device.serialNumber, enableDate: device.enableDate)
    }
}
