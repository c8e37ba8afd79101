import IAMPolicy

/// Turns a CloudTrail record's `eventSource` and `eventName` into the action policies name
/// (`s3.amazonaws.com` + `GetObject` → `s3:GetObject`).
///
/// Most services log under `NAMESPACE.amazonaws.com` and name events after their API operations,
/// which are the actions of the same name. The exceptions are the few services whose endpoint is
/// not their namespace, and the services that suffix an API version to event names (Lambda's
/// `GetFunction20150331v2`, CloudFront's `GetDistribution2020_05_31`).
enum CloudTrailAction {
    /// Endpoints whose host is not the service's namespace in policies.
    static let namespaceOfSource: [String: String] = [
        "monitoring.amazonaws.com": "cloudwatch",
        "email.amazonaws.com": "ses",
        "streams.dynamodb.amazonaws.com": "dynamodb",
        "sso-directory.amazonaws.com": "sso-directory",
        "identitystore.amazonaws.com": "identitystore",
        "elasticfilesystem.amazonaws.com": "elasticfilesystem",
        "tagging.amazonaws.com": "tag",
        "api.ecr.amazonaws.com": "ecr",
    ]

    /// API operations whose event name is not the action that authorises them. S3 above all: its
    /// REST operations are authorised by differently named actions (`ListBuckets` by
    /// `s3:ListAllMyBuckets`, `HeadObject` by `s3:GetObject`, multipart uploads by `s3:PutObject`).
    static let actionOfOperation: [String: String] = [
        "s3:ListBuckets": "s3:ListAllMyBuckets",
        "s3:HeadBucket": "s3:ListBucket",
        "s3:ListObjects": "s3:ListBucket",
        "s3:ListObjectsV2": "s3:ListBucket",
        "s3:ListObjectVersions": "s3:ListBucketVersions",
        "s3:HeadObject": "s3:GetObject",
        "s3:SelectObjectContent": "s3:GetObject",
        "s3:DeleteObjects": "s3:DeleteObject",
        "s3:CopyObject": "s3:PutObject",
        "s3:CreateMultipartUpload": "s3:PutObject",
        "s3:UploadPart": "s3:PutObject",
        "s3:UploadPartCopy": "s3:PutObject",
        "s3:CompleteMultipartUpload": "s3:PutObject",
        "s3:ListMultipartUploads": "s3:ListBucketMultipartUploads",
        "s3:ListParts": "s3:ListMultipartUploadParts",
        "s3:GetBucketLifecycleConfiguration": "s3:GetLifecycleConfiguration",
        "s3:PutBucketLifecycleConfiguration": "s3:PutLifecycleConfiguration",
        "s3:DeleteBucketLifecycle": "s3:PutLifecycleConfiguration",
        "s3:GetBucketEncryption": "s3:GetEncryptionConfiguration",
        "s3:PutBucketEncryption": "s3:PutEncryptionConfiguration",
        "s3:DeleteBucketEncryption": "s3:PutEncryptionConfiguration",
        "s3:GetBucketReplication": "s3:GetReplicationConfiguration",
        "s3:PutBucketReplication": "s3:PutReplicationConfiguration",
        "s3:DeleteBucketReplication": "s3:PutReplicationConfiguration",
        "lambda:Invoke": "lambda:InvokeFunction",
        "lambda:InvokeAsync": "lambda:InvokeFunction",
        "lambda:InvokeWithResponseStream": "lambda:InvokeFunction",
    ]

    /// The action `service:Name` a record stands for, spelled as the catalog spells it, or nil
    /// when the source is not an AWS service endpoint or the catalog does not know the action.
    static func action(source: String, name: String, catalog: ActionCatalog?) -> String? {
        let namespace: String
        if let known = namespaceOfSource[source] {
            namespace = known
        } else if source.hasSuffix(".amazonaws.com") {
            namespace = String(source.dropLast(".amazonaws.com".count))
        } else {
            return nil
        }
        guard !namespace.isEmpty, !namespace.contains("."), !name.isEmpty else { return nil }
        var operation = withoutVersionSuffix(name)
        if let renamed = actionOfOperation["\(namespace):\(operation)"] {
            operation = String(renamed.dropFirst(namespace.count + 1))
        }
        guard let catalog else { return "\(namespace):\(operation)" }
        guard let service = catalog.service(namespace) else { return nil }
        if let action = service.action(named: operation) { return "\(service.prefix):\(action.name)" }
        if let action = service.action(named: name) { return "\(service.prefix):\(action.name)" }
        return nil
    }

    /// `GetFunction20150331v2` → `GetFunction`; `GetDistribution2020_05_31` → `GetDistribution`.
    /// A name keeps its digits unless they are a whole date (eight digits, with or without
    /// underscores), so `PutBucketV2`-style names are left alone.
    static func withoutVersionSuffix(_ name: String) -> String {
        var scalars = Array(name.unicodeScalars)
        // An optional `v2`, `v3` … after the date.
        if let last = scalars.last, ("0"..."9").contains(last), scalars.count >= 2 {
            var index = scalars.count - 1
            while index > 0, ("0"..."9").contains(scalars[index]) { index -= 1 }
            if scalars[index] == "v", index >= 8 { scalars.removeSubrange(index...) }
        }
        let digits = scalars.reversed().prefix { ("0"..."9").contains($0) || $0 == "_" }
        let digitCount = digits.filter { $0 != "_" }.count
        guard digitCount == 8, digits.count < scalars.count, digits.first != "_" else { return name }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.dropLast(digits.count))
        return String(result)
    }
}
