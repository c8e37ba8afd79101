import Testing

@testable import IAMCore

/// SimulatePrincipalPolicy and SimulateCustomPolicy: AWS's result shape, with the statements that
/// decided, their positions, missing context keys and the boundary's verdict.
@Suite struct SimulationTests {
    static let allowS3Read = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"},
            {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::secret/*"}
          ]
        }
        """

    @Test func customPolicyDecisionsAndMatchedStatements() throws {
        let service = TestAccount.make()
        let response = try service.simulateCustomPolicy(
            SimulatePolicyRequest(
                policyInputList: [Self.allowS3Read], actionNames: ["s3:GetObject", "s3:PutObject"],
                resourceArns: ["arn:aws:s3:::public/a", "arn:aws:s3:::secret/b"]),
            as: .root)
        #expect(
            response.evaluationResults.map(\.evalDecision) == [
                "allowed", "explicitDeny", "implicitDeny", "implicitDeny",
            ])
        let allowed = response.evaluationResults[0]
        #expect(allowed.evalActionName == "s3:GetObject")
        #expect(allowed.evalResourceName == "arn:aws:s3:::public/a")
        #expect(
            allowed.matchedStatements == [
                StatementShape(
                    sourcePolicyId: "PolicyInputList.1", sourcePolicyType: "none",
                    startPosition: PositionShape(line: 4, column: 5), endPosition: PositionShape(line: 4, column: 77))
            ])
        let denied = response.evaluationResults[1]
        #expect(denied.matchedStatements.map(\.startPosition) == [PositionShape(line: 5, column: 5)])
        #expect(response.evaluationResults[2].matchedStatements.isEmpty)
    }

    @Test func principalPolicyUsesTheUsersGroupsAndBoundary() throws {
        var service = TestAccount.make()
        try service.user("bob")
        try service.group("readers")
        try service.join("bob", "readers")
        try service.attach(group: "readers", TestAccount.awsPolicy("IAMReadOnlyAccess"))
        _ = try service.putPermissionsBoundary(
            PutPermissionsBoundaryRequest(
                userName: "bob", permissionsBoundary: TestAccount.awsPolicy("IAMReadOnlyAccess")),
            as: .root)
        let response = try service.simulatePrincipalPolicy(
            SimulatePolicyRequest(
                policySourceArn: TestAccount.arn("user", "/bob"), actionNames: ["iam:ListUsers", "iam:CreateUser"]),
            as: .root)
        #expect(response.evaluationResults.map(\.evalDecision) == ["allowed", "implicitDeny"])
        #expect(response.evaluationResults[0].matchedStatements.first?.sourcePolicyType == "aws-managed")
        #expect(
            response.evaluationResults[0].matchedStatements.first?.sourcePolicyId
                == TestAccount.awsPolicy("IAMReadOnlyAccess"))
        #expect(
            response.evaluationResults[0].permissionsBoundaryDecisionDetail
                == PermissionsBoundaryDecisionDetailShape(allowedByPermissionsBoundary: true))
    }

    @Test func missingContextValuesAndContextEntries() throws {
        let policy =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        let service = TestAccount.make()
        let without = try service.simulateCustomPolicy(
            SimulatePolicyRequest(policyInputList: [policy], actionNames: ["ec2:RunInstances"]), as: .root)
        #expect(without.evaluationResults[0].evalDecision == "implicitDeny")
        #expect(without.evaluationResults[0].missingContextValues == ["aws:MultiFactorAuthPresent"])
        let with = try service.simulateCustomPolicy(
            SimulatePolicyRequest(
                policyInputList: [policy], actionNames: ["ec2:RunInstances"],
                contextEntries: [
                    ContextEntry(
                        contextKeyName: "aws:MultiFactorAuthPresent", contextKeyValues: ["true"],
                        contextKeyType: "boolean")
                ]),
            as: .root)
        #expect(with.evaluationResults[0].evalDecision == "allowed")
    }

    @Test func errors() throws {
        var service = TestAccount.make()
        try service.user("bob")
        #expect(throws: IAMError(.noSuchEntity, "The user with name ghost cannot be found.")) {
            _ = try service.simulatePrincipalPolicy(
                SimulatePolicyRequest(
                    policySourceArn: TestAccount.arn("user", "/ghost"), actionNames: ["s3:GetObject"]),
                as: .root)
        }
        #expect(throws: IAMError(.malformedPolicyDocument, "Syntax errors in policy.")) {
            _ = try service.simulateCustomPolicy(
                SimulatePolicyRequest(policyInputList: ["{not json"], actionNames: ["s3:GetObject"]), as: .root)
        }
        let denied = #expect(throws: IAMError.self) {
            _ = try service.simulateCustomPolicy(
                SimulatePolicyRequest(policyInputList: [Self.allowS3Read], actionNames: ["s3:GetObject"]),
                as: .user("bob"))
        }
        #expect(denied?.code == .accessDenied)
    }
}
