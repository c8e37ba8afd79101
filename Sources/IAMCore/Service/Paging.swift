import Foundation

/// One page of a List action's results, with AWS's `IsTruncated` and `Marker`.
struct Page<Item> {
    var items: [Item]
    var isTruncated: Bool
    var marker: String?
}

enum Paging {
    static let defaultMaxItems = 100

    /// Checks `MaxItems` (1–1000) as the API model does.
    static func checkMaxItems(_ maxItems: Int?) throws(IAMError) {
        if let maxItems, maxItems < 1 || maxItems > 1000 {
            let constraint =
                maxItems < 1
                ? "Member must have value greater than or equal to 1"
                : "Member must have value less than or equal to 1000"
            throw NameRules.validationError(String(maxItems), "maxItems", constraint)
        }
    }

    /// Returns the page of `items` (already sorted by `key`) that starts at `marker`.
    ///
    /// The marker is the opaque (base64) sort key of the first item of the next page, so paging stays
    /// correct when entities are added or removed between calls.
    static func page<Item>(
        _ items: [Item], key: (Item) -> String, marker: String?, maxItems: Int?
    ) throws(IAMError) -> Page<Item> {
        try checkMaxItems(maxItems)
        let limit = maxItems ?? defaultMaxItems
        var start = 0
        if let marker {
            guard let data = Data(base64Encoded: marker), let startKey = String(data: data, encoding: .utf8) else {
                throw IAMError(.invalidInput, "Invalid Marker.")
            }
            start = items.firstIndex { key($0) >= startKey } ?? items.count
        }
        let end = min(items.count, start + limit)
        let slice = Array(items[start..<end])
        if end < items.count {
            return Page(items: slice, isTruncated: true, marker: Data(key(items[end]).utf8).base64EncodedString())
        }
        return Page(items: slice, isTruncated: false, marker: nil)
    }

    /// Sorts entities by name (case-insensitively) and returns the page that starts at `marker`.
    static func byName<Item>(
        _ items: some Sequence<Item>, name: (Item) -> String, marker: String?, maxItems: Int?
    ) throws(IAMError) -> Page<Item> {
        let keyed = items.map { (nameKey(name($0)), $0) }.sorted { $0.0 < $1.0 }
        let page = try self.page(keyed, key: { $0.0 }, marker: marker, maxItems: maxItems)
        return Page(items: page.items.map(\.1), isTruncated: page.isTruncated, marker: page.marker)
    }

    /// Pages items in the order given (attachment order, version order, tag order).
    static func inOrder<Item>(_ items: [Item], marker: String?, maxItems: Int?) throws(IAMError) -> Page<Item> {
        let keyed = items.enumerated().map { (String(1_000_000 + $0.offset), $0.element) }
        let page = try self.page(keyed, key: { $0.0 }, marker: marker, maxItems: maxItems)
        return Page(items: page.items.map(\.1), isTruncated: page.isTruncated, marker: page.marker)
    }

    /// A sort key that orders names case-insensitively and stays unique.
    static func nameKey(_ name: String) -> String { name.lowercased() + "\u{0}" + name }
}
