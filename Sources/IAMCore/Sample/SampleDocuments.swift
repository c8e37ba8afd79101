/// The policy documents of the sample account.
enum SampleDocuments {
    static let denyWithoutMFA = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "DenyAllExceptMFASetupWithoutMFA",
                    "Effect": "Deny",
                    "NotAction": [
                        "iam:CreateVirtualMFADevice",
                        "iam:EnableMFADevice",
                        "iam:GetUser",
                        "iam:ListMFADevices",
                        "iam:ListVirtualMFADevices",
                        "iam:ResyncMFADevice",
                        "sts:GetSessionToken"
                    ],
                    "Resource": "*",
                    "Condition": {
                        "BoolIfExists": {
                            "aws:MultiFactorAuthPresent": "false"
                        }
                    }
                }
            ]
        }
        """

    static let deployArtifactsV1 = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["s3:PutObject", "s3:GetObject"],
                    "Resource": "arn:aws:s3:::acme-artifacts/*"
                }
            ]
        }
        """

    static let deployArtifactsV2 = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "UploadArtifacts",
                    "Effect": "Allow",
                    "Action": ["s3:PutObject", "s3:GetObject", "s3:ListBucket"],
                    "Resource": ["arn:aws:s3:::acme-artifacts", "arn:aws:s3:::acme-artifacts/*"]
                },
                {
                    "Sid": "InvalidateCDN",
                    "Effect": "Allow",
                    "Action": "cloudfront:CreateInvalidation",
                    "Resource": "*"
                }
            ]
        }
        """

    static let developerBoundary = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "ServicesDevelopersUse",
                    "Effect": "Allow",
                    "Action": ["s3:*", "dynamodb:*", "lambda:*", "logs:*", "cloudwatch:*", "iam:Get*", "iam:List*"],
                    "Resource": "*"
                },
                {
                    "Sid": "NoBillingOrOrganizations",
                    "Effect": "Deny",
                    "Action": ["aws-portal:*", "organizations:*", "account:*"],
                    "Resource": "*"
                }
            ]
        }
        """

    static let manageOwnKeys = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": [
                        "iam:CreateAccessKey",
                        "iam:DeleteAccessKey",
                        "iam:ListAccessKeys",
                        "iam:UpdateAccessKey"
                    ],
                    "Resource": "arn:aws:iam::*:user/${aws:username}"
                }
            ]
        }
        """

    static let readParameters = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": "ssm:GetParameter*",
                    "Resource": "arn:aws:ssm:us-east-1:111122223333:parameter/ci/*"
                }
            ]
        }
        """

    static let trustEC2 = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": { "Service": "ec2.amazonaws.com" },
                    "Action": "sts:AssumeRole"
                }
            ]
        }
        """

    static let trustLambda = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": { "Service": "lambda.amazonaws.com" },
                    "Action": "sts:AssumeRole"
                }
            ]
        }
        """

    static let trustOtherAccount = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": { "AWS": "arn:aws:iam::999988887777:root" },
                    "Action": "sts:AssumeRole",
                    "Condition": { "StringEquals": { "sts:ExternalId": "acme-audit-2026" } }
                }
            ]
        }
        """
}
