import FramescopeICU

/// Words that must come out as single tokens wherever they occur inside a run of Chinese
/// characters, whatever ICU's dictionary would have cut (jieba, HanLP and ICU treat such words as
/// hints; here they are binding). Keys are folded, so traditional and full-width forms match too.
public struct UserWordList: Sendable {
    public private(set) var trie = ScalarTrie()
    public private(set) var words: [String] = []

    public init() {}

    /// Adds a word (ignored when it folds to nothing or to a single character).
    public mutating func add(_ word: String, folder: Folder) {
        let key = folder.fold(word).unicodeScalars.map(\.value)
        guard key.count >= 2 else { return }
        if trie.insert(key, payload: Int32(words.count)) == nil { words.append(word) }
    }

    /// Reads one word a line (the first whitespace-separated field; `#` lines are comments).
    public static func load(contentsOf text: String, folder: Folder) -> UserWordList {
        var list = UserWordList()
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmed()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let word = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? String(trimmed)
            list.add(word, folder: folder)
        }
        list.trie.compact()
        return list
    }

    public var count: Int { trie.count }
}


extension UserWordList {
    /// Every entity surface and framing cue of the lexicons that contains Chinese characters, so
    /// the tokenizer keeps lexicon terms whole (`tokenize --keep-lexicon-terms`).
    public init(lexicons: Lexicons, folder: Folder) {
        self.init()
        let phrases = lexicons.entities.entries.flatMap(\.surfaces) + lexicons.framing.cues.map(\.cue)
        for phrase in phrases where phrase.unicodeScalars.contains(where: { ScriptClass.isHan($0.value) }) {
            add(phrase, folder: folder)
        }
        trie.compact()
    }
}
