import IAMCore

extension ActionTable {
    static let serialNumber = flag(
        "serial-number", required: true, "The device's serial number: an ARN, or a hardware token's serial.")
    static let authenticationCodes = [
        flag("authentication-code1", required: true, "A code from the device."),
        flag("authentication-code2", required: true, "The device's next code."),
    ]
    static let mfaUserName = flag("user-name", "The user (default: the caller; for --root, the root user).")

    static let mfa: [ActionSpec] = [
        ActionSpec(
            cliName: "create-virtual-mfa-device", operation: "CreateVirtualMFADevice",
            summary: "Creates a virtual MFA device; its seed is written to --outfile, only now.",
            flags: [
                FlagSpec(
                    name: "virtual-mfa-device-name", member: "VirtualMFADeviceName", kind: .string, required: true,
                    help: "The device name; the serial number is arn:aws:iam::ACCOUNT:mfa/PATH/NAME."),
                path, tags,
                flag("outfile", required: true, "Where to write the bootstrap data (mode 0600)."),
                flag(
                    "bootstrap-method", required: true,
                    "QRCodePNG (a PNG of the otpauth:// URI) or Base32StringSeed (the seed as text)."),
            ], mutates: true, resultKeys: nil,
            call: ActionCall.make(CreateVirtualMFADeviceRequest.self) { try $0.createVirtualMFADevice($1, as: $2) },
            clientStep: VirtualMFABootstrap.step),
        ActionSpec(
            cliName: "enable-mfa-device", operation: "EnableMFADevice",
            summary: "Enables a virtual or hardware MFA device with two consecutive codes.",
            flags: [mfaUserName, serialNumber] + authenticationCodes, mutates: true, resultKeys: nil,
            call: ActionCall.make(MFACodesRequest.self) { try $0.enableMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "resync-mfa-device", operation: "ResyncMFADevice",
            summary: "Resynchronises a device whose clock drifted, with two consecutive codes.",
            flags: [mfaUserName, serialNumber] + authenticationCodes, mutates: true, resultKeys: nil,
            call: ActionCall.make(MFACodesRequest.self) { try $0.resyncMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "deactivate-mfa-device", operation: "DeactivateMFADevice",
            summary: "Disables an MFA device for its user (a security key is removed).",
            flags: [mfaUserName, serialNumber], mutates: true, resultKeys: nil,
            call: ActionCall.make(MFADeviceRequest.self) { try $0.deactivateMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "delete-virtual-mfa-device", operation: "DeleteVirtualMFADevice",
            summary: "Deletes an unassigned virtual MFA device.", flags: [serialNumber], mutates: true,
            resultKeys: nil,
            call: ActionCall.make(SerialNumberRequest.self) { try $0.deleteVirtualMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "list-mfa-devices", operation: "ListMFADevices",
            summary: "Lists the MFA devices enabled for a user.", flags: [mfaUserName], mutates: false,
            resultKeys: ["MFADevices"],
            call: ActionCall.make(ListMFADevicesRequest.self) { try $0.listMFADevices($1, as: $2) }),
        ActionSpec(
            cliName: "list-virtual-mfa-devices", operation: "ListVirtualMFADevices",
            summary: "Lists the account's virtual MFA devices.",
            flags: [flag("assignment-status", "Assigned, Unassigned or Any (the default).")], mutates: false,
            resultKeys: ["VirtualMFADevices"],
            call: ActionCall.make(ListVirtualMFADevicesRequest.self) { try $0.listVirtualMFADevices($1, as: $2) }),
        ActionSpec(
            cliName: "get-mfa-device", operation: "GetMFADevice", summary: "Describes a FIDO security key.",
            flags: [serialNumber, mfaUserName], mutates: false, resultKeys: nil,
            call: ActionCall.make(MFADeviceRequest.self) { try $0.getMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "tag-mfa-device", operation: "TagMFADevice", summary: "Adds tags to a virtual MFA device.",
            flags: [serialNumber, flag("tags", .tags, required: true, "Tags: Key=k,Value=v ... or a JSON list.")],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(TagMFADeviceRequest.self) { try $0.tagMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "untag-mfa-device", operation: "UntagMFADevice",
            summary: "Removes tags from a virtual MFA device.",
            flags: [serialNumber, flag("tag-keys", .stringList, required: true, "The keys to remove.")],
            mutates: true, resultKeys: nil,
            call: ActionCall.make(UntagMFADeviceRequest.self) { try $0.untagMFADevice($1, as: $2) }),
        ActionSpec(
            cliName: "list-mfa-device-tags", operation: "ListMFADeviceTags",
            summary: "Lists a virtual MFA device's tags.", flags: [serialNumber], mutates: false,
            resultKeys: ["Tags"],
            call: ActionCall.make(ListMFADeviceTagsRequest.self) { try $0.listMFADeviceTags($1, as: $2) }),
    ]
}
