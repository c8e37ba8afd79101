/// The tasks that only the root user can perform (IAM User Guide, "Tasks that require root user
/// credentials"), as the overview lists them. Requests for them by anyone else are refused before
/// any policy is consulted: no policy can grant them.
public enum RootOnlyTask: String, Sendable, CaseIterable {
    case changeAccountSettings =
        "Change account settings (account name, email address, root user password, root user access keys)"
    case viewTaxInvoices = "View certain tax invoices"
    case closeAccount = "Close your AWS account"
    case restoreIAMUserPermissions = "Restore IAM user permissions"
    case changeSupportPlan = "Change or cancel your AWS Support plan"
    case registerReservedInstanceSeller = "Register as a seller in the Reserved Instance Marketplace"
    case configureS3MFADelete = "Configure an Amazon S3 bucket to enable MFA"
    case editInvalidS3BucketPolicy =
        "Edit or delete an Amazon S3 bucket policy that includes an invalid VPC ID or VPC endpoint ID"
    case signUpForGovCloud = "Sign up for GovCloud"
}
