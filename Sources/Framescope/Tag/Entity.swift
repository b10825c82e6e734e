/// Where an entity mention came from.
public enum EntitySource: String, Sendable, Codable {
    /// A surface form in `Lexicons/entities/*.tsv`: has a canonical id.
    case lexicon
    /// A name shape (`… Group`, `…集团`) for firms the lexicon does not know yet: no id.
    case pattern
    /// A number with a unit, a percentage or a multiplier.
    case number
}

/// An entity mention: half-open code-point span into the document text.
public struct Entity: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var utf16Start: Int
    public var utf16End: Int
    public var type: EntityType
    public var id: String?
    public var canonical: String?
    public var source: EntitySource
    public var quantity: Quantity?

    public init(start: Int, end: Int, utf16Start: Int, utf16End: Int, type: EntityType, id: String? = nil,
                canonical: String? = nil, source: EntitySource, quantity: Quantity? = nil) {
        self.start = start
        self.end = end
        self.utf16Start = utf16Start
        self.utf16End = utf16End
        self.type = type
        self.id = id
        self.canonical = canonical
        self.source = source
        self.quantity = quantity
    }
}

/// UTF-16 offset of every code point of a document (and of its end), built once per document so
/// any code-point span can be sliced without walking the text again.
public struct CodePointIndex: Sendable {
    public let utf16Offsets: [Int32]

    public init(_ text: DocumentText) {
        // Written in place (an `append` per code point checked uniqueness and capacity each time).
        utf16Offsets = text.utf16.withUnsafeBufferPointer { utf16 in
            [Int32](unsafeUninitializedCapacity: utf16.count + 1) { offsets, initialized in
                var i = 0, n = 0
                while i < utf16.count {
                    offsets[n] = Int32(i)
                    n += 1
                    i += decodeScalar(utf16, at: i).width
                }
                offsets[n] = Int32(utf16.count)
                initialized = n + 1
            }
        }
    }

    @inline(__always) public func utf16(_ codePoint: Int) -> Int { Int(utf16Offsets[codePoint]) }
    public var count: Int { utf16Offsets.count - 1 }
}
