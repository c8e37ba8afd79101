import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of an XML document: its name (namespace prefix dropped), text, and child elements.
///
/// IAM's Query API answers in XML whose elements carry either text or child elements, never
/// both, so this keeps exactly that: a tree small enough to walk by name.
public struct XMLNode: Sendable, Equatable {
    public var name: String
    /// The element's text, exactly as sent; empty when it has children.
    public var text: String
    public var children: [XMLNode]

    /// Creates an element.
    public init(name: String, text: String = "", children: [XMLNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child with this name.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The child at a `/`-separated path: `node["Error/Code"]`.
    public subscript(path: String) -> XMLNode? {
        var node: XMLNode? = self
        for part in path.split(separator: "/") { node = node?.child(String(part)) }
        return node
    }

    /// The text of the child at `path`, or nil when there is no such child.
    public func text(_ path: String) -> String? { self[path]?.text }

    /// The `<member>` children of the child at `path` (an empty list when absent).
    public func members(_ path: String) -> [XMLNode] {
        self[path]?.children.filter { $0.name == "member" } ?? []
    }

    /// Parses a document; the error says where the XML broke.
    public static func parse(_ data: Data) throws(XMLParseError) -> XMLNode {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw XMLParseError(line: parser.lineNumber, column: parser.columnNumber, message: reason)
        }
        return root
    }
}

/// XML that could not be parsed, with the parser's position.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Collects elements from XMLParser's callbacks into an ``XMLNode`` tree.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [XMLNode] = []
    private var texts: [String] = []
    private(set) var root: XMLNode?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLNode(name: local))
        texts.append("")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += String(decoding: block, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard var node = stack.popLast(), let text = texts.popLast() else { return }
        // Text between child elements is only the indentation of pretty-printed XML; a leaf's
        // text is kept exactly, since tag values and descriptions may start or end with spaces.
        node.text = node.children.isEmpty ? text : ""
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }
}
