/// Where an entity mention came from.
public enum EntitySource: String, Sendable, Codable {
    /// A surface form in `Lexicons/entities/*.tsv`: has a canonical id.
    case lexicon
    /// A name shape (`… Group`, `…集团`) for firms the lexicon does not know yet: no id.
    case pattern
    /// A number with a unit, a percentage or a multiplier.
    case number
    /// A short form ("Halden", 金力永磁) of a name the same document introduced in full earlier
    /// ("Halden Materials", 江西金力永磁科技股份有限公司), found by pattern: it carries that name's
    /// document-local id (`pattern:` + its folded key) and its text as canonical. The short form
    /// is never a lexicon surface; another document does not know it.
    case shortForm = "short-form"
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
    /// The UTF-16 offset of every code point and of the end; empty when the text has no
    /// surrogates, where the two offsets are equal (most documents: nothing is built then).
    private let offsets: [Int32]
    /// How many code points the text has.
    public let count: Int

    public init(_ text: DocumentText) {
        let hasSurrogates = text.utf16.withUnsafeBufferPointer(Self.containsSurrogate)
        guard hasSurrogates else { offsets = []; count = text.utf16.count; return }
        // Written in place (an `append` per code point checked uniqueness and capacity each time).
        offsets = text.utf16.withUnsafeBufferPointer { utf16 in
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
        count = offsets.count - 1
    }

    /// Whether any unit is a surrogate (D800–DFFF), four units at a time: a lane is one when
    /// its top five bits are 11011.
    static func containsSurrogate(_ utf16: UnsafeBufferPointer<UInt16>) -> Bool {
        let n = utf16.count
        var i = 0
        if let raw = UnsafeRawPointer(utf16.baseAddress) {
            let mask: UInt64 = 0xF800_F800_F800_F800, surrogate: UInt64 = 0xD800_D800_D800_D800
            let ones: UInt64 = 0x0001_0001_0001_0001, highs: UInt64 = 0x8000_8000_8000_8000
            while i + 4 <= n {
                // Lanes that equal D800 after masking become zero; find a zero lane.
                let x = (raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & mask) ^ surrogate
                if (x &- ones) & ~x & highs != 0 { return true }
                i += 4
            }
        }
        while i < n {
            if utf16[i] & 0xF800 == 0xD800 { return true }
            i += 1
        }
        return false
    }

    /// The UTF-16 offset of every code point and of the end.
    public var utf16Offsets: [Int32] { offsets.isEmpty ? (0...count).map { Int32($0) } : offsets }

    @inline(__always) public func utf16(_ codePoint: Int) -> Int {
        if offsets.isEmpty {
            precondition(codePoint >= 0 && codePoint <= count, "code point offset out of range")
            return codePoint
        }
        return Int(offsets[codePoint])
    }
}
