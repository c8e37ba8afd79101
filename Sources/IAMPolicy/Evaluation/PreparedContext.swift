/// A request's context in the form the evaluator searches: keys lowercased and numbered, and the keys AWS
/// derives from the principal already computed, built once when the request is made or changed.
///
/// Why not a dictionary: a condition's or policy variable's key is numbered once, at parse time
/// (``ContextKeyIDs``), so a lookup is a scan of a dozen 32-bit numbers in one cache line, where
/// `Dictionary<String, _>` hashes the key on every lookup.
///
/// What the engine reads of a request is also laid out in one block of memory (``block``), so that it can
/// be asked for, whole, while the request before is decided: the context keys' numbers
/// (``ContextKeyIDs``), each value's readings, the resource's split (``RequestResource``), the bytes of the
/// action (lowered), the resource and each single value, then the readings' payloads.
final class PreparedContext: @unchecked Sendable {
    /// Explicit context values first, then the derived keys' that they do not shadow, in the order of the
    /// block's key numbers.
    private let values: [ContextValue]
    /// The block: `count` key numbers (`UInt32`), padded to 8 bytes; `count` ``PackedReadings``; the
    /// resource's split (``RequestResource/splitCount`` `UInt32`s); the lowered action's bytes; the
    /// resource's; each single value's; padded to 8 bytes, the readings' payloads (``ReadingPayload``).
    /// Immutable once made.
    let block: UnsafeMutableRawPointer
    let blockSize: Int
    let count: Int
    private let readingsOffset: Int
    private let splitOffset: Int
    private let payloadOffset: Int
    private let actionRange: Range<Int>
    private let resourceRange: Range<Int>

    init(_ context: [String: ContextValue], principal: EvaluationPrincipal, action: String, resource: String) {
        var ids: [UInt32] = []
        var values: [ContextValue] = []
        ids.reserveCapacity(context.count + 4)
        values.reserveCapacity(context.count + 4)
        func add(_ key: String, _ value: ContextValue) {
            let id = ContextKeyIDs.id(key)
            // First spelling wins when a caller passes one key twice in different cases.
            guard !ids.contains(id) else { return }
            ids.append(id)
            values.append(value)
        }
        // Without an ASCII capital in any key, the keys are taken as they are (a non-ASCII capital stays).
        let alreadyLower = context.keys.allSatisfy { key in
            key.utf8.allSatisfy { !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        }
        for (key, value) in context {
            // Keys are nearly always ASCII, which lowers byte by byte much faster than `lowercased()`.
            let lowerKey =
                alreadyLower
                ? key
                : key.utf8.allSatisfy { $0 < 0x80 }
                    ? String(decoding: key.utf8.map(lowerASCII), as: UTF8.self) : key.lowercased()
            add(lowerKey, value)
        }
        for (key, value) in Self.derived(principal) { add(key, .string(value)) }
        self.values = values
        count = ids.count
        readingsOffset = (count * MemoryLayout<UInt32>.stride + 7) & ~7
        splitOffset = readingsOffset + count * MemoryLayout<PackedReadings>.stride
        let resourceBytes = Array(resource.utf8)
        let split = RequestResource.split(resourceBytes)
        var readings = values.map(ContextReadings.init)
        let bytesStart = splitOffset + split.count * MemoryLayout<UInt32>.stride
        var bytes = Array(action.utf8.lazy.map(lowerASCII))
        actionRange = bytesStart..<bytesStart + bytes.count
        bytes += resourceBytes
        resourceRange = actionRange.upperBound..<bytesStart + bytes.count
        for (index, value) in values.enumerated() {
            if case .string(let text) = value {
                readings[index].text = bytesStart + bytes.count..<bytesStart + bytes.count + text.utf8.count
                bytes += text.utf8
            }
        }
        var packed: [PackedReadings] = []
        var payloads: [ReadingPayload] = []
        for reading in readings { packed.append(PackedReadings(reading, payloads: &payloads)) }
        // The payloads go last, since how many there are is known only once the readings are packed.
        payloadOffset = (bytesStart + bytes.count + 7) & ~7
        blockSize = payloadOffset + payloads.count * MemoryLayout<ReadingPayload>.stride
        // Aligned to a cache line, so the engine's read-ahead asks for exactly the lines it spans.
        block = UnsafeMutableRawPointer.allocate(byteCount: max(blockSize, 1), alignment: 64)
        for (index, id) in ids.enumerated() {
            block.storeBytes(of: id, toByteOffset: index * MemoryLayout<UInt32>.stride, as: UInt32.self)
        }
        (block + readingsOffset).bindMemory(to: PackedReadings.self, capacity: count)
            .initialize(from: packed, count: count)
        (block + splitOffset).bindMemory(to: UInt32.self, capacity: split.count).initialize(
            from: split, count: split.count)
        (block + payloadOffset).bindMemory(to: ReadingPayload.self, capacity: payloads.count).initialize(
            from: payloads, count: payloads.count)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { (block + bytesStart).copyMemory(from: base, byteCount: source.count) }
        }
    }

    deinit {
        block.deallocate()
    }

    /// The action's bytes, lowered (ASCII letters only, as patterns are lowered).
    var loweredAction: UnsafeBufferPointer<UInt8> { bytes(actionRange) }

    /// The resource, split for ``PackedResourcePattern``.
    var resource: RequestResource {
        RequestResource(
            bytes: bytes(resourceRange),
            split: UnsafePointer((block + splitOffset).assumingMemoryBound(to: UInt32.self)))
    }

    @inline(__always)
    private func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (block + range.lowerBound).assumingMemoryBound(to: UInt8.self), count: range.count)
    }

    /// The block's keys, readings and bytes as ``PreparedBlock`` reads them.
    var view: PreparedBlock {
        PreparedBlock(
            ids: UnsafePointer(block.assumingMemoryBound(to: UInt32.self)), count: count,
            readings: UnsafePointer((block + readingsOffset).assumingMemoryBound(to: PackedReadings.self)),
            payloads: UnsafePointer((block + payloadOffset).assumingMemoryBound(to: ReadingPayload.self)),
            bytes: UnsafePointer(block.assumingMemoryBound(to: UInt8.self)))
    }

    @inline(__always)
    func value(at position: Int) -> ContextValue { values[position] }

    /// *Variables and tags*, principal-derived keys: `aws:username` exists only for IAM users, and
    /// `aws:PrincipalArn` of a role session is the role's ARN.
    private static func derived(_ principal: EvaluationPrincipal) -> [(String, String)] {
        guard principal.isAccountIdentity else { return [] }
        var keys: [(String, String)] = []
        if case .user = principal.kind, let name = principal.arn.split(separator: "/").last {
            keys.append(("aws:username", String(name)))
        }
        if case .assumedRole(let roleArn) = principal.kind {
            keys.append(("aws:principalarn", roleArn))
        } else {
            keys.append(("aws:principalarn", principal.arn))
        }
        keys.append(("aws:principalaccount", principal.accountId))
        let type: String
        switch principal.kind {
        case .root: type = "Account"
        case .user: type = "User"
        case .federatedUser: type = "FederatedUser"
        default: type = "AssumedRole"
        }
        keys.append(("aws:principaltype", type))
        return keys
    }
}

/// What the engine reads of a ``PreparedContext``'s block per condition, as plain pointers made once per
/// decision (``RequestContext``).
///
/// Why not the object's own methods: each call on the object, even through an unretained reference,
/// retained and released it around the call, an atomic write to its cache line for every condition.
struct PreparedBlock {
    private let ids: UnsafePointer<UInt32>
    private let count: Int
    private let packedReadings: UnsafePointer<PackedReadings>
    private let payloads: UnsafePointer<ReadingPayload>
    private let bytes: UnsafePointer<UInt8>

    init(
        ids: UnsafePointer<UInt32>, count: Int, readings: UnsafePointer<PackedReadings>,
        payloads: UnsafePointer<ReadingPayload>, bytes: UnsafePointer<UInt8>
    ) {
        self.ids = ids
        self.count = count
        packedReadings = readings
        self.payloads = payloads
        self.bytes = bytes
    }

    /// Where the value of the key numbered `id` (``ContextKeyIDs``) is, for ``readings(at:)`` and
    /// ``PreparedContext/value(at:)``.
    @inline(__always)
    func position(id: UInt32) -> Int? {
        for index in 0..<count where ids[index] == id { return index }
        return nil
    }

    @inline(__always)
    func readings(at position: Int) -> ContextReadings {
        packedReadings[position].readings(payloads: payloads)
    }

    /// The single value's bytes, when its readings have them.
    @inline(__always)
    func text(of readings: ContextReadings) -> UnsafeBufferPointer<UInt8>? {
        readings.text.map { UnsafeBufferPointer(start: bytes + $0.lowerBound, count: $0.count) }
    }
}

/// A single context value read once, when the request is prepared, as the typed condition operators read it
/// (``ConditionValueReaders``): a request compares `aws:CurrentTime` or `aws:SourceIp` in several conditions,
/// and each used to parse the text again. Each reading is exactly what the reader gives for the text, so a
/// condition that uses it decides as one that reads the text. A multivalued value has none (its items are read
/// where they are compared).
struct ContextReadings: Sendable {
    let number: Double?
    let date: Double?
    let ipRange: IPRange?
    /// Whether the text is ASCII: case-insensitive comparisons then fold bytes, without `lowercased()`.
    let isASCII: Bool
    /// Whether the readings are of a single value (`false` for a multivalued one: nothing was read).
    let isSingle: Bool
    /// Where the single value's bytes are in its ``PreparedContext/block``.
    var text: Range<Int>?

    init(
        number: Double?, date: Double?, ipRange: IPRange?, isASCII: Bool, isSingle: Bool, text: Range<Int>?
    ) {
        self.number = number
        self.date = date
        self.ipRange = ipRange
        self.isASCII = isASCII
        self.isSingle = isSingle
        self.text = text
    }

    init(_ value: ContextValue) {
        switch value {
        case .string(let text):
            number = ConditionValueReaders.number(text)
            date = ConditionValueReaders.date(text)
            ipRange = ConditionValueReaders.ipRange(text)
            isASCII = text.utf8.allSatisfy { $0 < 0x80 }
            isSingle = true
        case .strings:
            number = nil
            date = nil
            ipRange = nil
            isASCII = false
            isSingle = false
        }
    }
}
