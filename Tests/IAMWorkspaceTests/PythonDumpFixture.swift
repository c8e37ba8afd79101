import IAMCore

/// What Python writes for `CodecTestAccounts.everything()`: the file loaded with `json.load` and
/// written with `json.dump(obj, f, indent=2, sort_keys=True, ensure_ascii=False,
/// separators=(",", " : "))` plus a newline, by Python 3.11. Non-ASCII characters are spelled
/// `\#u{...}` so the source stays ASCII.
enum PythonDumpFixture {
    static func account() -> Account { CodecTestAccounts.everything() }

    static let expected = #"""
        {
          "account" : {
            "alias" : "alias-\#u{E9}",
            "auditTrail" : [
              {
                "action" : "iam:CreateUser",
                "outcome" : "Success",
                "principal" : "arn:aws:iam::123456789012:root",
                "resource" : "arn:aws:iam::123456789012:user/bare",
                "time" : "1970-01-01T00:01:10+00:00"
              },
              {
                "action" : "iam:DeleteUser",
                "outcome" : "NoSuchEntity",
                "principal" : "p",
                "resource" : "q\"uote\\back/slash \#u{E9} \#u{1F600} \#u{2028}\#u{2029}\#u{FEFF}\#u{7F}\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f",
                "time" : "1970-01-01T00:01:11.000001+00:00"
              }
            ],
            "createDate" : "1970-01-01T00:00:00+00:00",
            "groups" : [
              {
                "attachedPolicies" : [
                  "arn:aws:iam::aws:policy/AdministratorAccess"
                ],
                "createDate" : "1970-01-01T00:00:10+00:00",
                "id" : "AGPAEXAMPLE0000000001",
                "inlinePolicies" : [
                  {
                    "document" : "{}",
                    "name" : "g"
                  }
                ],
                "name" : "Admins",
                "path" : "/"
              },
              {
                "createDate" : "1970-01-01T00:00:11+00:00",
                "id" : "AGPAEXAMPLE0000000002",
                "name" : "Empty",
                "path" : "/"
              }
            ],
            "id" : "123456789012",
            "instanceProfiles" : [
              {
                "createDate" : "1970-01-01T00:00:51+00:00",
                "id" : "AIPAEXAMPLE0000000002",
                "name" : "empty",
                "path" : "/",
                "roles" : [],
                "tags" : []
              },
              {
                "createDate" : "1970-01-01T00:00:50+00:00",
                "id" : "AIPAEXAMPLE0000000001",
                "name" : "IP",
                "path" : "/",
                "roles" : [
                  "R"
                ],
                "tags" : [
                  {
                    "key" : "k",
                    "value" : "v"
                  }
                ]
              }
            ],
            "mfaDevices" : [
              {
                "createDate" : "1970-01-01T00:01:02+00:00",
                "serialNumber" : "GAHT12345678",
                "tags" : [],
                "type" : "hardware"
              },
              {
                "assignedTo" : "\#u{DC}n\#u{EF}code",
                "createDate" : "1970-01-01T00:01:00+00:00",
                "credentialId" : "cred",
                "driftSteps" : -2,
                "enableDate" : "1970-01-01T00:01:01+00:00",
                "lastUsedStep" : 58925000,
                "seed" : "SEED",
                "serialNumber" : "arn:aws:iam::123456789012:mfa/u",
                "tags" : [
                  {
                    "key" : "k",
                    "value" : "v"
                  }
                ],
                "type" : "securityKey"
              }
            ],
            "name" : "Kitchen q\"uote\\back/slash \#u{E9} \#u{1F600} \#u{2028}\#u{2029}\#u{FEFF}\#u{7F}\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f",
            "passwordPolicy" : {
              "allowUsersToChangePassword" : true,
              "hardExpiry" : false,
              "maxPasswordAge" : 90,
              "minimumPasswordLength" : 12,
              "passwordReusePrevention" : 5,
              "requireLowercaseCharacters" : false,
              "requireNumbers" : false,
              "requireSymbols" : true,
              "requireUppercaseCharacters" : true
            },
            "policies" : [
              {
                "createDate" : "1970-01-01T00:00:42+00:00",
                "defaultVersionId" : "v1",
                "description" : "d",
                "id" : "ANPAEXAMPLE0000000002",
                "name" : "Boundary",
                "nextVersionNumber" : 2,
                "path" : "/x/",
                "updateDate" : "1970-01-01T00:00:42+00:00",
                "versions" : [
                  {
                    "createDate" : "1970-01-01T00:00:42+00:00",
                    "document" : "{}",
                    "versionId" : "v1"
                  }
                ]
              },
              {
                "createDate" : "1970-01-01T00:00:40+00:00",
                "defaultVersionId" : "v2",
                "id" : "ANPAEXAMPLE0000000001",
                "name" : "P",
                "nextVersionNumber" : 3,
                "path" : "/",
                "tags" : [
                  {
                    "key" : "a",
                    "value" : "b"
                  }
                ],
                "updateDate" : "1970-01-01T00:00:40+00:00",
                "versions" : [
                  {
                    "createDate" : "1970-01-01T00:00:40+00:00",
                    "document" : "q\"uote\\back/slash \#u{E9} \#u{1F600} \#u{2028}\#u{2029}\#u{FEFF}\#u{7F}\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f",
                    "versionId" : "v1"
                  },
                  {
                    "createDate" : "1970-01-01T00:00:41+00:00",
                    "document" : "{}",
                    "versionId" : "v2"
                  }
                ]
              }
            ],
            "roles" : [
              {
                "assumeRolePolicyDocument" : "{}",
                "createDate" : "1970-01-01T00:00:21+00:00",
                "id" : "AROAEXAMPLE0000000002",
                "lastUsed" : {
                  "date" : "1970-01-01T00:00:31+00:00",
                  "region" : "us-east-1"
                },
                "maxSessionDuration" : 3600,
                "name" : "plain",
                "path" : "/"
              },
              {
                "assumeRolePolicyDocument" : "q\"uote\\back/slash \#u{E9} \#u{1F600} \#u{2028}\#u{2029}\#u{FEFF}\#u{7F}\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f",
                "attachedPolicies" : [
                  "arn:aws:iam::123456789012:policy/P"
                ],
                "createDate" : "1970-01-01T00:00:20+00:00",
                "description" : "a role",
                "id" : "AROAEXAMPLE0000000001",
                "inlinePolicies" : [
                  {
                    "document" : "{}",
                    "name" : "r"
                  }
                ],
                "lastUsed" : {
                  "date" : "1970-01-01T00:00:30+00:00"
                },
                "maxSessionDuration" : 43200,
                "name" : "R",
                "path" : "/service/",
                "permissionsBoundary" : "arn:aws:iam::123456789012:policy/Boundary",
                "tags" : [
                  {
                    "key" : "team",
                    "value" : "x"
                  }
                ]
              }
            ],
            "root" : {
              "accessKeys" : [],
              "email" : "root@example.com",
              "mfaDevices" : [],
              "passwordHash" : "pbkdf2$1$salt$hash",
              "passwordLastChanged" : "2020-09-13T12:26:40+00:00",
              "passwordLastUsed" : "2023-11-14T22:13:20.000005+00:00"
            },
            "users" : [
              {
                "createDate" : "1970-01-01T00:00:01+00:00",
                "id" : "AIDAEXAMPLE0000000002",
                "name" : "bare",
                "path" : "/"
              },
              {
                "accessKeys" : [
                  {
                    "createDate" : "1970-01-01T00:50:00+00:00",
                    "id" : "AKIAEXAMPLE000000001",
                    "lastUsed" : {
                      "date" : "1970-01-01T01:06:40+00:00",
                      "region" : "eu-west-1",
                      "serviceName" : "s3"
                    },
                    "secretHash" : "ab",
                    "status" : "Inactive"
                  },
                  {
                    "createDate" : "1970-01-01T00:00:05+00:00",
                    "id" : "AKIAEXAMPLE000000002",
                    "secretHash" : "cd",
                    "status" : "Active"
                  }
                ],
                "attachedPolicies" : [
                  "arn:aws:iam::aws:policy/ReadOnlyAccess"
                ],
                "createDate" : "1970-01-01T00:16:40+00:00",
                "groups" : [
                  "Admins"
                ],
                "id" : "AIDAEXAMPLE0000000001",
                "inlinePolicies" : [
                  {
                    "document" : "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                    "name" : "p"
                  }
                ],
                "loginProfile" : {
                  "createDate" : "1970-01-01T00:33:20.123456+00:00",
                  "passwordHash" : "h",
                  "passwordLastChanged" : "1970-01-01T00:33:20.123456+00:00",
                  "passwordResetRequired" : true,
                  "previousPasswordHashes" : [
                    "old1",
                    "old2"
                  ]
                },
                "mfaDevices" : [
                  "arn:aws:iam::123456789012:mfa/u"
                ],
                "name" : "\#u{DC}n\#u{EF}code",
                "passwordLastUsed" : "1969-12-30T23:59:59.999999+00:00",
                "path" : "/a/b/",
                "permissionsBoundary" : "arn:aws:iam::123456789012:policy/Boundary",
                "serviceSpecificCredentials" : 1,
                "signingCertificates" : 2,
                "sshPublicKeys" : -3,
                "tags" : [
                  {
                    "key" : "k",
                    "value" : "q\"uote\\back/slash \#u{E9} \#u{1F600} \#u{2028}\#u{2029}\#u{FEFF}\#u{7F}\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
                  },
                  {
                    "key" : "",
                    "value" : ""
                  }
                ]
              }
            ]
          },
          "format" : "iamconsole-workspace",
          "schemaVersion" : 1
        }

        """#
}
