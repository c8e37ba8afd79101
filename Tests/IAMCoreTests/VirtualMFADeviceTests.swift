import Foundation
import Testing

@testable import IAMCore

@Suite("Virtual MFA devices")
struct VirtualMFADeviceTests {
    @Test func createdDevicesHaveA160BitSeedAQRCodeAndNoOwner() throws {
        var fixture = try MFAFixture()
        let response = try fixture.service.createVirtualMFADevice(
            CreateVirtualMFADeviceRequest(path: "/team/", virtualMFADeviceName: "alice-phone"), as: .root)
        let shape = response.virtualMFADevice
        #expect(shape.serialNumber == "arn:aws:iam::123456789012:mfa/team/alice-phone")
        let seed = try #require(shape.seedText)
        #expect(seed.count == 32 && Base32.decode(seed)?.count == 20)
        #expect(shape.qrCodePNGBytes?.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(shape.user == nil && shape.enableDate == nil)
        let stored = try #require(fixture.service.account.mfaDevices[shape.serialNumber])
        #expect(stored.type == .virtual && stored.seed == seed && stored.assignedTo == nil)
        #expect(
            fixture.service.account.provisioningURI(forVirtualDevice: shape.serialNumber)
                == "otpauth://totp/alice-phone@123456789012?secret=\(seed)")
        #expect(fixture.service.pendingAuditRecords.last?.eventName == "CreateVirtualMFADevice")
    }

    @Test func theProvisioningURINamesTheAliasWhenThereIsOne() throws {
        var fixture = try MFAFixture()
        _ = try fixture.service.createAccountAlias(AccountAliasRequest(accountAlias: "acme-demo"), as: .root)
        let serial = try fixture.createVirtual("root-key")
        let seed = try #require(fixture.service.account.mfaDevices[serial]?.seed)
        #expect(
            fixture.service.account.provisioningURI(forVirtualDevice: serial)
                == "otpauth://totp/root-key@acme-demo?secret=\(seed)")
        #expect(fixture.service.account.provisioningURI(forVirtualDevice: "GAHT12345678") == nil)
    }

    @Test(.enabled(if: ExternalTool.path("zbarimg") != nil, "zbarimg is missing: install Debian's zbar-tools"))
    func theQRCodePNGReadsBackAsTheProvisioningURI() throws {
        var fixture = try MFAFixture()
        let shape = try fixture.service.createVirtualMFADevice(
            CreateVirtualMFADeviceRequest(virtualMFADeviceName: "alice"), as: .root
        ).virtualMFADevice
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mfa-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try #require(shape.qrCodePNGBytes)).write(to: file)
        let result = try ExternalTool.run(try #require(ExternalTool.path("zbarimg")), ["--raw", "-q", file.path])
        let uri = try #require(fixture.service.account.provisioningURI(forVirtualDevice: shape.serialNumber))
        #expect(result.output == uri + "\n")
        #expect(MFAProvisioning.qrRows(for: uri)?.count ?? 0 >= 21)
    }

    @Test func enablingWithTwoConsecutiveCodesAssignsTheDevice() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        let device = try #require(fixture.service.account.mfaDevices[serial])
        #expect(device.assignedTo == "alice" && device.enableDate == MFAFixture.start)
        #expect(device.lastUsedStep == Int(fixture.step))
        #expect(fixture.service.account.user(named: "alice")?.mfaDevices == [serial])
        let listed = try fixture.service.listMFADevices(ListMFADevicesRequest(userName: "alice"), as: .root)
        #expect(
            listed.mFADevices == [MFADeviceShape(userName: "alice", serialNumber: serial, enableDate: MFAFixture.start)]
        )
        let assigned = try fixture.service.listVirtualMFADevices(
            ListVirtualMFADevicesRequest(assignmentStatus: "Assigned"), as: .root)
        #expect(assigned.virtualMFADevices.map(\.serialNumber) == [serial])
        #expect(assigned.virtualMFADevices.first?.user?.userName == "alice")
        #expect(assigned.virtualMFADevices.first?.base32StringSeed == nil)
    }

    @Test func theCurrentAndNextCodesAreAcceptedForAFastUser() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("alice")
        _ = try fixture.service.enableMFADevice(
            MFACodesRequest(
                userName: "alice", serialNumber: serial, authenticationCode1: try fixture.code(serial),
                authenticationCode2: try fixture.code(serial, 1)), as: .root)
        #expect(fixture.service.account.mfaDevices[serial]?.lastUsedStep == Int(fixture.step + 1))
    }

    @Test func theListOfVirtualDevicesFiltersByAssignment() throws {
        var fixture = try MFAFixture()
        let assigned = try fixture.enrol("a-device", for: "alice")
        let spare = try fixture.createVirtual("b-spare")
        func list(_ status: String?) throws -> [String] {
            try fixture.service.listVirtualMFADevices(ListVirtualMFADevicesRequest(assignmentStatus: status), as: .root)
                .virtualMFADevices.map(\.serialNumber)
        }
        #expect(try list(nil) == [assigned, spare])
        #expect(try list("Any") == [assigned, spare])
        #expect(try list("Assigned") == [assigned])
        #expect(try list("Unassigned") == [spare])
        expectFailure(
            validationError(
                "Some", "assignmentStatus", "Member must satisfy enum value set: [Unassigned, Any, Assigned]"),
            in: &fixture.service
        ) { _ = try $0.listVirtualMFADevices(ListVirtualMFADevicesRequest(assignmentStatus: "Some"), as: .root) }
        let page = try fixture.service.listVirtualMFADevices(ListVirtualMFADevicesRequest(maxItems: 1), as: .root)
        #expect(page.isTruncated && page.virtualMFADevices.map(\.serialNumber) == [assigned])
        let rest = try fixture.service.listVirtualMFADevices(
            ListVirtualMFADevicesRequest(marker: page.marker), as: .root)
        #expect(rest.virtualMFADevices.map(\.serialNumber) == [spare])
    }

    @Test func deactivatingKeepsTheDeviceUnassignedUntilItIsDeleted() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        expectFailure(
            IAMError(.deleteConflict, "MFA VirtualDevice in use. Must deactivate first."), in: &fixture.service
        ) { _ = try $0.deleteVirtualMFADevice(SerialNumberRequest(serialNumber: serial), as: .root) }
        _ = try fixture.service.deactivateMFADevice(
            MFADeviceRequest(userName: "alice", serialNumber: serial), as: .root)
        #expect(fixture.service.account.user(named: "alice")?.mfaDevices == [])
        let device = try #require(fixture.service.account.mfaDevices[serial])
        #expect(device.assignedTo == nil && device.enableDate == nil && device.seed != nil)
        _ = try fixture.service.deleteVirtualMFADevice(SerialNumberRequest(serialNumber: serial), as: .root)
        #expect(fixture.service.account.mfaDevices[serial] == nil)
        expectFailure(
            IAMError(.noSuchEntity, "VirtualMFADevice with serial number \(serial) doesn't exist."),
            in: &fixture.service
        ) { _ = try $0.deleteVirtualMFADevice(SerialNumberRequest(serialNumber: serial), as: .root) }
    }

    @Test func aDeviceNameIsTakenOncePerPath() throws {
        var fixture = try MFAFixture()
        _ = try fixture.createVirtual("alice")
        expectFailure(
            IAMError(.entityAlreadyExists, "MFADevice entity at the same path and name already exists."),
            in: &fixture.service
        ) {
            _ = try $0.createVirtualMFADevice(CreateVirtualMFADeviceRequest(virtualMFADeviceName: "ALICE"), as: .root)
        }
        _ = try fixture.service.createVirtualMFADevice(
            CreateVirtualMFADeviceRequest(path: "/other/", virtualMFADeviceName: "alice"), as: .root)
    }

    @Test func badNamesAndPathsAreValidationErrors() throws {
        var fixture = try MFAFixture()
        expectFailure(code: .validationError, in: &fixture.service) {
            _ = try $0.createVirtualMFADevice(CreateVirtualMFADeviceRequest(virtualMFADeviceName: "a b"), as: .root)
        }
        expectFailure(code: .validationError, in: &fixture.service) {
            _ = try $0.createVirtualMFADevice(
                CreateVirtualMFADeviceRequest(path: "nopath", virtualMFADeviceName: "a"), as: .root)
        }
    }

    @Test func rootEnablesItsOwnDevicesWithoutAUserName() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("root", for: nil)
        #expect(fixture.service.account.root.mfaDevices == [serial])
        #expect(fixture.service.account.mfaDevices[serial]?.assignedTo == MFADevice.rootAssignee)
        let listed = try fixture.service.listMFADevices(ListMFADevicesRequest(), as: .root)
        #expect(listed.mFADevices.map(\.userName) == [nil])
        let virtual = try fixture.service.listVirtualMFADevices(ListVirtualMFADevicesRequest(), as: .root)
        #expect(virtual.virtualMFADevices.first?.user?.arn == "arn:aws:iam::123456789012:root")
        #expect(try fixture.service.getAccountSummary(as: .root).summaryMap["AccountMFAEnabled"] == 1)
    }

    @Test func usersNeedPermissionAndAnyUserDefaultsToThemselves() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("bob")
        let request = MFACodesRequest(
            serialNumber: serial, authenticationCode1: try fixture.code(serial, -1),
            authenticationCode2: try fixture.code(serial))
        let message = expectFailure(code: .accessDenied, in: &fixture.service) {
            _ = try $0.enableMFADevice(request, as: .user("bob"))
        }
        #expect(message?.contains("iam:EnableMFADevice on resource: arn:aws:iam::123456789012:user/bob") == true)
        try fixture.service.attach(user: "bob", TestAccount.awsPolicy("IAMFullAccess"))
        _ = try fixture.service.enableMFADevice(request, as: .user("bob"))
        #expect(fixture.service.account.user(named: "bob")?.mfaDevices == [serial])
    }

    @Test func deletingAUserWithAnMFADeviceIsAConflict() throws {
        var fixture = try MFAFixture()
        _ = try fixture.enrol("alice", for: "alice")
        fixture.service.account.users["alice"]?.loginProfile = nil
        expectFailure(
            IAMError(.deleteConflict, "Cannot delete entity, must delete MFA device first."), in: &fixture.service
        ) { _ = try $0.deleteUser(UserNameRequest(userName: "alice"), as: .root) }
    }
}
