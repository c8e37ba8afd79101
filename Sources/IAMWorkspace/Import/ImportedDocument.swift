import Foundation
import IAMCore
import IAMPolicy

/// Reads policy documents as the AWS CLI prints them and checks them as AWS would on creation.
///
/// The CLI prints documents as JSON objects (it decodes what the API returns); output captured
/// another way, or by older tools, holds the API's URL-encoded string (`%7B%22Version%22...`).
/// Both are accepted. Object documents are stored compact, with members in their original order;
/// decoded strings are stored exactly as decoded, since that is the text AWS was given.
///
/// Checking is most of an import's work, so ``read(_:kind:what:)`` only collects each distinct
/// document (real accounts repeat the same ones many times) and ``check()`` checks them all at the
/// end, spread over the processor's cores, reporting the first problem in file order.
struct ImportedDocuments {
    private struct Pending: Sendable {
        var text: String
        /// The parsed document when it was an object in the file; a decoded string is parsed when checked.
        var node: JSONNode?
        var kind: PolicyKind
        var location: SourceLocation
        var what: String
    }

    let file: String
    /// The bytes of the file, for cutting documents' compact text out of it.
    let source: Data
    private var seen: [PolicyKind: Set<String>] = [:]
    private var pending: [Pending] = []

    init(file: String, source: Data) {
        self.file = file
        self.source = source
    }

    mutating func read(_ node: JSONNode, kind: PolicyKind, what: String) throws(ImportError) -> String {
        let text: String
        var parsed: JSONNode?
        switch node.kind {
        case .object:
            text = CompactJSONText.text(of: node, in: source) ?? JSONWriter.compact(node.value)
            parsed = node
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
        if seen[kind, default: []].insert(text).inserted {
            pending.append(Pending(text: text, node: parsed, kind: kind, location: node.location, what: what))
        }
        return text
    }

    /// Checks every document read so far; the error is the first bad document's, in file order.
    func check() throws(ImportError) {
        let problems = ProblemSlots(count: pending.count)
        let documents = pending
        let chunks = max(1, min(documents.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < documents.count {
                problems.set(index, Self.problem(documents[index]))
                index += chunks
            }
        }
        for (index, document) in documents.enumerated() {
            if let message = problems.get(index) {
                throw ImportError(file: file, location: document.location, message: "\(document.what): \(message)")
            }
        }
    }

    private static func problem(_ document: Pending) -> String? {
        let quota = Quotas.standard.policySize
        let diagnostics =
            document.node.map { PolicyGrammar.validate($0, text: document.text, kind: document.kind) }
            ?? PolicyGrammar.validate(document.text, kind: document.kind)
        if let problem = diagnostics.first {
            return "AWS would not accept this policy document: \(problem.message)"
                + " (at \(problem.path)\(problem.detail.map { ": \($0)" } ?? ""))"
        }
        let size = PolicySize.characterCount(document.text)
        if document.kind == .managed, size > quota {
            return "AWS would not accept this policy document: it has \(size) characters, "
                + "more than the \(quota) a managed policy may have"
        }
        return nil
    }
}

/// One optional message per document, written by the checking threads, each to its own slots.
private final class ProblemSlots: @unchecked Sendable {
    private var slots: [String?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ message: String?) {
        guard let message else { return }
        lock.lock()
        slots[index] = message
        lock.unlock()
    }

    func get(_ index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
