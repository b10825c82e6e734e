/// One problem in a lexicon file, with where it is and what to do about it.
public struct LexiconIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// 1-based line number; 0 when the problem concerns the whole file.
    public let line: Int
    public let message: String

    public init(file: String, line: Int, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Every problem found while loading lexicons; loading reports them all at once.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public let issues: [LexiconIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
