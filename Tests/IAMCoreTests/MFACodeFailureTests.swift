import Testing

@testable import IAMCore

/// Codes that must be refused, each with AWS's error and nothing changed.
@Suite("MFA codes that are refused")
struct MFACodeFailureTests {
    static let invalid = IAMError(.invalidAuthenticationCode, "Authentication code for device is not valid.")

    func enable(
        _ fixture: inout MFAFixture, _ serial: String, _ first: String, _ second: String
    ) -> (inout IAMService) throws -> Void {
        { service in
            _ = try service.enableMFADevice(
                MFACodesRequest(
                    userName: "alice", serialNumber: serial, authenticationCode1: first, authenticationCode2: second),
                as: .root)
        }
    }

    @Test func aSevenDigitCodeIsAValidationError() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("alice")
        let good = try fixture.code(serial)
        expectFailure(
            validationError("1234567", "authenticationCode1", "Member must have length less than or equal to 6"),
            in: &fixture.service, enable(&fixture, serial, "1234567", good))
        expectFailure(
            validationError("12345", "authenticationCode2", "Member must have length greater than or equal to 6"),
            in: &fixture.service, enable(&fixture, serial, good, "12345"))
    }

    @Test(arguments: ["12a456", "12 456", "١٢٣٤٥٦"])
    func nonDigitCodesAreValidationErrors(_ code: String) throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("alice")
        let good = try fixture.code(serial)
        let error = validationError(
            code, "authenticationCode1", "Member must satisfy regular expression pattern: [\\d]+")
        expectFailure(error, in: &fixture.service, enable(&fixture, serial, code, good))
    }

    @Test func codesFromTwoStepsAgoAreRefused() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("alice")
        let old = enable(&fixture, serial, try fixture.code(serial, -3), try fixture.code(serial, -2))
        expectFailure(Self.invalid, in: &fixture.service, old)
        let future = enable(&fixture, serial, try fixture.code(serial, 1), try fixture.code(serial, 2))
        expectFailure(Self.invalid, in: &fixture.service, future)
    }

    @Test func theSameCodeTwiceOrOutOfOrderIsRefused() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("alice")
        let now = try fixture.code(serial)
        let previous = try fixture.code(serial, -1)
        expectFailure(Self.invalid, in: &fixture.service, enable(&fixture, serial, now, now))
        expectFailure(Self.invalid, in: &fixture.service, enable(&fixture, serial, now, previous))
        expectFailure(Self.invalid, in: &fixture.service, enable(&fixture, serial, "000000", "000001"))
    }

    @Test func spentCodesCannotEnableTheDeviceAgain() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.createVirtual("alice")
        let first = try fixture.code(serial, -1)
        let second = try fixture.code(serial)
        try enable(&fixture, serial, first, second)(&fixture.service)
        _ = try fixture.service.deactivateMFADevice(
            MFADeviceRequest(userName: "alice", serialNumber: serial), as: .root)
        expectFailure(Self.invalid, in: &fixture.service, enable(&fixture, serial, first, second))
    }

    @Test func unknownAndTakenDevicesAreRefused() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        fixture.clock.advance(seconds: 60)
        let fresh = enable(&fixture, serial, try fixture.code(serial, -1), try fixture.code(serial))
        expectFailure(IAMError(.entityAlreadyExists, "MFA Device is already in use."), in: &fixture.service, fresh)
        let unknown = "arn:aws:iam::123456789012:mfa/nobody"
        expectFailure(
            IAMError(.noSuchEntity, "MFA Device with serial number \(unknown) does not exist."), in: &fixture.service,
            enable(&fixture, unknown, "123456", "234567"))
        expectFailure(code: .noSuchEntity, in: &fixture.service) {
            _ = try $0.enableMFADevice(
                MFACodesRequest(
                    userName: "nobody", serialNumber: serial, authenticationCode1: "123456",
                    authenticationCode2: "234567"), as: .root)
        }
        expectFailure(code: .validationError, in: &fixture.service, enable(&fixture, "short", "123456", "234567"))
    }

    @Test func deactivatingADeviceOfSomeoneElseIsNoSuchEntity() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        expectFailure(
            IAMError(.noSuchEntity, "MFA Device with serial number \(serial) does not exist for user bob."),
            in: &fixture.service
        ) { _ = try $0.deactivateMFADevice(MFADeviceRequest(userName: "bob", serialNumber: serial), as: .root) }
    }

    @Test func resyncLearnsTheDriftOfADeviceWhoseClockRunsAhead() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        fixture.clock.advance(seconds: 300)
        // The device now runs six steps ahead: its codes are outside the sign-in window.
        let ahead = MFAResponse.code(try fixture.code(serial, 6))
        guard
            case .mfaRequired(let challenge) = fixture.service.signIn(
                .user(account: TestAccount.id, userName: "alice"), password: MFAFixture.password)
        else {
            Issue.record("expected an MFA challenge")
            return
        }
        #expect(fixture.service.completeSignIn(challenge, with: ahead) == .rejected(ConsoleSignIn.codeFailureMessage))
        fixture.clock.advance(seconds: 30)
        _ = try fixture.service.resyncMFADevice(
            MFACodesRequest(
                userName: "alice", serialNumber: serial, authenticationCode1: try fixture.code(serial, 6),
                authenticationCode2: try fixture.code(serial, 7)), as: .root)
        #expect(fixture.service.account.mfaDevices[serial]?.driftSteps == 7)
        fixture.clock.advance(seconds: 30)
        guard
            case .mfaRequired(let second) = fixture.service.signIn(
                .user(account: TestAccount.id, userName: "alice"), password: MFAFixture.password)
        else {
            Issue.record("expected an MFA challenge")
            return
        }
        guard case .signedIn = fixture.service.completeSignIn(second, with: .code(try fixture.code(serial, 7))) else {
            Issue.record("the drifted device's next code was refused")
            return
        }
    }

    @Test func resyncRefusesCodesBeyondTenMinutes() throws {
        var fixture = try MFAFixture()
        let serial = try fixture.enrol("alice", for: "alice")
        expectFailure(Self.invalid, in: &fixture.service) { [fixture] service in
            _ = try service.resyncMFADevice(
                MFACodesRequest(
                    userName: "alice", serialNumber: serial, authenticationCode1: try fixture.code(serial, 30),
                    authenticationCode2: try fixture.code(serial, 31)), as: .root)
        }
    }
}
