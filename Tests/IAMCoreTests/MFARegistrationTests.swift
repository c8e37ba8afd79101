import Testing

@testable import IAMCore

@Suite("Hardware tokens, security keys and the device quota")
struct MFARegistrationTests {
    static let seed = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

    @Test func aHardwareTokenIsImportedThenEnabledWithTwoCodes() throws {
        var fixture = try MFAFixture()
        try fixture.service.importHardwareMFADevice(
            ImportHardwareMFADeviceRequest(serialNumber: "GAHT12345678", base32StringSeed: Self.seed.lowercased()))
        let imported = try #require(fixture.service.account.mfaDevices["GAHT12345678"])
        #expect(imported.type == .hardware && imported.seed == Self.seed && imported.assignedTo == nil)
        #expect(fixture.service.pendingAuditRecords.isEmpty, "an import is not a request by a principal")
        _ = try fixture.service.enableMFADevice(
            MFACodesRequest(
                userName: "alice", serialNumber: "GAHT12345678",
                authenticationCode1: try fixture.code("GAHT12345678", -1),
                authenticationCode2: try fixture.code("GAHT12345678")), as: .root)
        #expect(fixture.service.account.user(named: "alice")?.mfaDevices == ["GAHT12345678"])
        let virtual = try fixture.service.listVirtualMFADevices(ListVirtualMFADevicesRequest(), as: .root)
        #expect(virtual.virtualMFADevices.isEmpty)
        _ = try fixture.service.deactivateMFADevice(
            MFADeviceRequest(userName: "alice", serialNumber: "GAHT12345678"), as: .root)
        #expect(fixture.service.account.mfaDevices["GAHT12345678"]?.assignedTo == nil)
        #expect(fixture.service.account.mfaDevices["GAHT12345678"]?.seed == Self.seed)
    }

    @Test func badHardwareImportsAreRefused() throws {
        var fixture = try MFAFixture()
        try fixture.service.importHardwareMFADevice(
            ImportHardwareMFADeviceRequest(serialNumber: "GAHT12345678", base32StringSeed: Self.seed))
        let cases: [(String, String, IAMError.Code)] = [
            ("GAHT12345678", Self.seed, .entityAlreadyExists),
            ("GAHT00000001", "NOT-BASE32", .invalidInput),
            ("GAHT00000001", "JBSWY3DP", .invalidInput),
            ("arn:aws:iam::123456789012:mfa/x", Self.seed, .invalidInput),
            ("short", Self.seed, .validationError),
        ]
        for (serial, seed, code) in cases {
            expectFailure(code: code, in: &fixture.service) {
                try $0.importHardwareMFADevice(
                    ImportHardwareMFADeviceRequest(serialNumber: serial, base32StringSeed: seed))
            }
        }
    }

    @Test func aSecurityKeyIsRegisteredEnabledAndRemovedOnDeactivation() throws {
        var fixture = try MFAFixture()
        let response = try fixture.service.registerSecurityKey(
            RegisterSecurityKeyRequest(userName: "alice", keyName: "yubikey", credentialId: "Y3JlZGVudGlhbC0wMDAx"),
            as: .root)
        #expect(response.serialNumber.hasPrefix("arn:aws:iam::123456789012:u2f/user/alice/yubikey-"))
        #expect(response.serialNumber.count == "arn:aws:iam::123456789012:u2f/user/alice/yubikey-".count + 26)
        let device = try #require(fixture.service.account.mfaDevices[response.serialNumber])
        #expect(device.type == .securityKey && device.assignedTo == "alice" && device.seed == nil)
        #expect(device.type.displayName == "Security key")
        let got = try fixture.service.getMFADevice(
            MFADeviceRequest(userName: "alice", serialNumber: response.serialNumber), as: .root)
        #expect(
            got
                == GetMFADeviceResponse(
                    userName: "alice", serialNumber: response.serialNumber, enableDate: MFAFixture.start))
        #expect(fixture.service.pendingAuditRecords.contains { $0.eventName == "EnableMFADevice" && $0.succeeded })
        _ = try fixture.service.deactivateMFADevice(
            MFADeviceRequest(userName: "alice", serialNumber: response.serialNumber), as: .root)
        #expect(fixture.service.account.mfaDevices[response.serialNumber] == nil)
        #expect(fixture.service.account.user(named: "alice")?.mfaDevices == [])
    }

    @Test func rootSecurityKeysUseTheRootForm() throws {
        var fixture = try MFAFixture()
        let response = try fixture.service.registerSecurityKey(
            RegisterSecurityKeyRequest(keyName: "root-key", credentialId: "cm9vdC1jcmVkZW50aWFs"), as: .root)
        #expect(response.serialNumber.hasPrefix("arn:aws:iam::123456789012:u2f/root/root-key-"))
        #expect(fixture.service.account.root.mfaDevices == [response.serialNumber])
    }

    @Test func badSecurityKeysAreRefused() throws {
        var fixture = try MFAFixture()
        _ = try fixture.service.registerSecurityKey(
            RegisterSecurityKeyRequest(userName: "alice", keyName: "k", credentialId: "Y3JlZGVudGlhbC0wMDAx"), as: .root
        )
        expectFailure(
            IAMError(.entityAlreadyExists, "A security key with this credential id is already registered."),
            in: &fixture.service
        ) {
            _ = try $0.registerSecurityKey(
                RegisterSecurityKeyRequest(userName: "bob", keyName: "k", credentialId: "Y3JlZGVudGlhbC0wMDAx"),
                as: .root)
        }
        for (name, credential) in [("k", "not base64url!!!!!"), ("k", "short"), ("a b", "Y3JlZGVudGlhbC0wMDAy")] {
            expectFailure(code: .validationError, in: &fixture.service) {
                _ = try $0.registerSecurityKey(
                    RegisterSecurityKeyRequest(userName: "bob", keyName: name, credentialId: credential), as: .root)
            }
        }
    }

    @Test func getMFADeviceDescribesOnlySecurityKeys() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        expectFailure(code: .noSuchEntity, in: &fixture.service) {
            _ = try $0.getMFADevice(MFADeviceRequest(userName: "alice", serialNumber: serial), as: .root)
        }
    }

    @Test func anIdentityHasAtMostEightDevicesOfAnyKind() throws {
        var fixture = try MFAFixture()
        for index in 0..<4 { _ = try fixture.enrol("alice-\(index)", for: "alice") }
        for index in 0..<4 {
            _ = try fixture.service.registerSecurityKey(
                RegisterSecurityKeyRequest(
                    userName: "alice", keyName: "key\(index)", credentialId: "Y3JlZGVudGlhbC0wMDA\(index)"), as: .root)
        }
        #expect(fixture.service.account.user(named: "alice")?.mfaDevices.count == 8)
        let ninth = try fixture.createVirtual("alice-9")
        let limit = IAMError(.limitExceeded, "Cannot exceed quota for MFADevicesPerUser: 8")
        expectFailure(limit, in: &fixture.service) { [fixture] service in
            _ = try service.enableMFADevice(
                MFACodesRequest(
                    userName: "alice", serialNumber: ninth, authenticationCode1: try fixture.code(ninth, -1),
                    authenticationCode2: try fixture.code(ninth)), as: .root)
        }
        expectFailure(limit, in: &fixture.service) {
            _ = try $0.registerSecurityKey(
                RegisterSecurityKeyRequest(userName: "alice", keyName: "more", credentialId: "Y3JlZGVudGlhbC0wMDA5"),
                as: .root)
        }
        // The root user has its own eight.
        _ = try fixture.enrol("root-1", for: nil)
    }
}

@Suite("MFA device tags")
struct MFADeviceTagTests {
    @Test func virtualDevicesCarryTagsFromCreationAndLater() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.service.createVirtualMFADevice(
            CreateVirtualMFADeviceRequest(virtualMFADeviceName: "tagged", tags: [Tag(key: "team", value: "a")]),
            as: .root
        ).virtualMFADevice.serialNumber
        _ = try fixture.service.tagMFADevice(
            TagMFADeviceRequest(
                serialNumber: serial, tags: [Tag(key: "TEAM", value: "b"), Tag(key: "env", value: "p")]),
            as: .root)
        var listed = try fixture.service.listMFADeviceTags(ListMFADeviceTagsRequest(serialNumber: serial), as: .root)
        #expect(listed.tags == [Tag(key: "TEAM", value: "b"), Tag(key: "env", value: "p")])
        _ = try fixture.service.untagMFADevice(
            UntagMFADeviceRequest(serialNumber: serial, tagKeys: ["team"]), as: .root)
        listed = try fixture.service.listMFADeviceTags(ListMFADeviceTagsRequest(serialNumber: serial), as: .root)
        #expect(listed.tags == [Tag(key: "env", value: "p")])
    }

    @Test func onlyVirtualDevicesAreTaggedAndTagsAreLimited() throws {
        var fixture = try MFAFixture()
        try fixture.service.importHardwareMFADevice(
            ImportHardwareMFADeviceRequest(serialNumber: "GAHT12345678", base32StringSeed: MFARegistrationTests.seed))
        expectFailure(
            IAMError(.noSuchEntity, "VirtualMFADevice with serial number GAHT12345678 doesn't exist."),
            in: &fixture.service
        ) { _ = try $0.tagMFADevice(TagMFADeviceRequest(serialNumber: "GAHT12345678", tags: []), as: .root) }
        let serial = try fixture.createVirtual("many")
        let tags = (0..<51).map { Tag(key: "k\($0)", value: "v") }
        expectFailure(IAMError(.limitExceeded, "Cannot exceed quota for TagsPerMFADevice: 50"), in: &fixture.service) {
            _ = try $0.tagMFADevice(TagMFADeviceRequest(serialNumber: serial, tags: tags), as: .root)
        }
    }
}
