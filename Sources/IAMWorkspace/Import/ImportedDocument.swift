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
/// Checking is most of an import's work, so ``read(_:kind:what:)`` collects each distinct document
/// (real accounts repeat the same ones many times) and hands them in batches to background threads
/// while the rest of the file is read; ``check()`` checks what is left, waits for the batches, and
/// reports the first problem in file order.
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
    /// How many of `pending` were handed to background checking.
    private var dispatched = 0
    private let problems = ProblemSlots()
    private let batches = DispatchGroup()
    private static let batchSize = 256

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
            if pending.count - dispatched >= Self.batchSize { dispatchBatch() }
        }
        return text
    }

    /// Checks the documents not yet handed out on a background thread.
    private mutating func dispatchBatch() {
        let first = dispatched
        let batch = Array(pending[first...])
        dispatched = pending.count
        let problems = self.problems
        DispatchQueue.global().async(group: batches) {
            for (offset, document) in batch.enumerated() { problems.set(first + offset, Self.problem(document)) }
        }
    }

    /// Checks every document read so far; the error is the first bad document's, in file order.
    func check() throws(ImportError) {
        let problems = self.problems
        let first = dispatched
        let rest = Array(pending[first...])
        let chunks = max(1, min(rest.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < rest.count {
                problems.set(first + index, Self.problem(rest[index]))
                index += chunks
            }
        }
        batches.wait()
        for (index, document) in pending.enumerated() {
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

/// The problems found so far, by document index, written by the checking threads.
private final class ProblemSlots: @unchecked Sendable {
    private var slots: [Int: String] = [:]
    private let lock = NSLock()

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
