/// TagMFADevice request.
public struct TagMFADeviceRequest: Codable, Sendable {
    public var serialNumber: String
    public var tags: [Tag]
    public init(serialNumber: String, tags: [Tag]) {
        self.serialNumber = serialNumber
        self.tags = tags
    }
}

/// UntagMFADevice request.
public struct UntagMFADeviceRequest: Codable, Sendable {
    public var serialNumber: String
    public var tagKeys: [String]
    public init(serialNumber: String, tagKeys: [String]) {
        self.serialNumber = serialNumber
        self.tagKeys = tagKeys
    }
}

/// ListMFADeviceTags request.
public struct ListMFADeviceTagsRequest: Codable, Sendable {
    public var serialNumber: String
    public var marker: String?
    public var maxItems: Int?
    public init(serialNumber: String, marker: String? = nil, maxItems: Int? = nil) {
        self.serialNumber = serialNumber
        self.marker = marker
        self.maxItems = maxItems
    }
}

extension IAMService {
    /// The virtual device the tag actions address (AWS tags virtual MFA devices only).
    private func taggableDevice(_ serial: String) throws(IAMError) -> MFADevice {
        try MFARules.checkSerialNumber(serial)
        guard let device = account.mfaDevices[serial], device.type == .virtual else {
            throw .noSuchEntity("VirtualMFADevice with serial number \(serial) doesn't exist.")
        }
        return device
    }

    /// Adds or overwrites tags on a virtual MFA device (at most 50).
    public mutating func tagMFADevice(
        _ request: TagMFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("TagMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleTagMFADevice(request, as: principal)
        }
    }

    private mutating func handleTagMFADevice(
        _ request: TagMFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        try authorize(
            principal, "TagMFADevice", request.serialNumber, context: RequestContextBuilder.requestTags(request.tags))
        var device = try taggableDevice(request.serialNumber)
        try NameRules.checkTags(request.tags)
        device.tags.merge(request.tags)
        guard device.tags.count <= quotas.tagsPerEntity else {
            throw .quota("TagsPerMFADevice", quotas.tagsPerEntity)
        }
        account.mfaDevices[device.serialNumber] = device
        committed(principal, "TagMFADevice", device.serialNumber)
        return EmptyResponse()
    }

    /// Removes tags by key from a virtual MFA device; missing keys are ignored.
    public mutating func untagMFADevice(
        _ request: UntagMFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("UntagMFADevice", request, principal) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUntagMFADevice(request, as: principal)
        }
    }

    private mutating func handleUntagMFADevice(
        _ request: UntagMFADeviceRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        try authorize(
            principal, "UntagMFADevice", request.serialNumber,
            context: request.tagKeys.isEmpty ? [:] : ["aws:TagKeys": request.tagKeys])
        var device = try taggableDevice(request.serialNumber)
        for (index, key) in request.tagKeys.enumerated() {
            try NameRules.checkLength(key, field: "tagKeys.\(index + 1).member", min: 1, max: 128)
        }
        device.tags.remove(keys: request.tagKeys)
        account.mfaDevices[device.serialNumber] = device
        committed(principal, "UntagMFADevice", device.serialNumber)
        return EmptyResponse()
    }

    /// Lists a virtual MFA device's tags in the order they were added.
    public func listMFADeviceTags(
        _ request: ListMFADeviceTagsRequest, as principal: Principal
    ) throws(IAMError) -> ListTagsResponse {
        try recorded("ListMFADeviceTags", request, principal) { () throws(IAMError) -> ListTagsResponse in
            try handleListMFADeviceTags(request, as: principal)
        }
    }

    private func handleListMFADeviceTags(
        _ request: ListMFADeviceTagsRequest, as principal: Principal
    ) throws(IAMError) -> ListTagsResponse {
        try MFARules.checkSerialNumber(request.serialNumber)
        try authorize(principal, "ListMFADeviceTags", request.serialNumber)
        let device = try taggableDevice(request.serialNumber)
        let page = try Paging.inOrder(device.tags, marker: request.marker, maxItems: request.maxItems)
        return ListTagsResponse(tags: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }
}
