import Foundation
import IAMCore
import IAMPolicy

/// Reads policy documents as the AWS CLI prints them and checks them as AWS would on creation.
///
/// The CLI prints documents as JSON objects (it decodes what the API returns); output captured
/// another way, or by older tools, holds the API's URL-encoded string (`%7B%22Version%22...`).
/// Both are accepted. Object documents are stored compact, with members in their original order;
/// decoded strings are stored exactly as decoded, since that is the text AWS was given.
struct ImportedDocuments {
    let file: String
    /// Texts already validated, per kind: real accounts repeat the same documents many times.
    private var valid: [PolicyKind: Set<String>] = [:]

    init(file: String) { self.file = file }

    mutating func read(_ node: JSONNode, kind: PolicyKind, what: String) throws(ImportError) -> String {
        let text: String
        switch node.kind {
        case .object:
            text = JSONWriter.compact(node.value)
        case .string(let raw):
            if raw.first == "{" {
                text = raw
            } else if let decoded = raw.removingPercentEncoding, decoded.first == "{" {
                text = decoded
            } else {
                throw ImportError(
                    file: file, location: node.location,
                    message: "\(what): a policy document must be a JSON object or a URL-encoded JSON object")
            }
        default:
            throw ImportError(
                file: file, location: node.location,
                message: "\(what): a policy document must be a JSON object, found \(node.value.typeName)")
        }
        if valid[kind]?.contains(text) == true { return text }
        if let problem = PolicyGrammar.validate(text, kind: kind).first {
            throw ImportError(
                file: file, location: node.location,
                message: "\(what): AWS would not accept this policy document: \(problem.message)"
                    + " (at \(problem.path)\(problem.detail.map { ": \($0)" } ?? ""))")
        }
        let quota = Quotas.standard.policySize
        if kind == .managed, PolicySize.characterCount(text) > quota {
            throw ImportError(
                file: file, location: node.location,
                message: "\(what): AWS would not accept this policy document: it has "
                    + "\(PolicySize.characterCount(text)) characters, more than the \(quota) a managed policy may have")
        }
        valid[kind, default: []].insert(text)
        return text
    }
}
