import Foundation
import Testing
@testable import Framescope

/// The English name patterns' fast paths against the slow paths they replace.
struct NamePatternsSpeedTests {
    /// Every listed word, with hyphenated and capitalised forms, as one text to tokenize.
    static var listedWords: String {
        let p = BundledLexicons.shared.patterns
        var words: [String] = []
        for role in PatternLexicon.Role.allCases { words.append(contentsOf: p.english[role] ?? []) }
        for list in [NamePatterns.leadingStops, NamePatterns.demonyms, NamePatterns.weakSuffixes, NamePatterns.andContinuations,
                     NamePatterns.levelWords, NamePatterns.levelBodies, NamePatterns.portfolioBodies, NamePatterns.placeOpeners] {
            words.append(contentsOf: list.sorted())
        }
        words += ["co-founder", "vice-president", "state owned", "Mount", "MT", "Port", "e.g.", "S.A.", "s.r.o.", "Co., Ltd.", "&", "'s"]
        return words.map { "\($0) \($0.capitalized) \($0.uppercased()) \($0.replacingOccurrences(of: " ", with: "-"))" }.joined(separator: " , ")
    }

    @Test("the word table gives every token the trie walk's id: listed words, the corpus and the development set")
    func wordTableMatchesTrie() throws {
        let lex = BundledLexicons.shared
        let words = EnglishNameWords(patterns: lex.patterns)
        let tokenizer = try Tokenizer()
        var texts = [Self.listedWords]
        for folder in ["Corpus", "Tests/DevSet/texts"] {
            let root = Repository.path(folder)
            guard let files = FileManager.default.enumerator(atPath: root) else { continue }
            for case let file as String in files where file.hasSuffix(".txt") || file.hasSuffix(".md") {
                if let data = FileManager.default.contents(atPath: root + "/" + file), let text = String(data: data, encoding: .utf8) { texts.append(text) }
            }
        }
        #expect(texts.count > 20)
        var tokens = 0, known = 0
        for raw in texts {
            let text = DocumentText(raw)
            let folded = tokenizer.folder.fold(text)
            for t in tokenizer.tokens(text, folded: folded) {
                let fast = words.id(of: t, in: folded), slow = words.trieID(of: t, in: folded)
                #expect(fast == slow)
                tokens += 1
                if slow != EnglishNameWords.unknown { known += 1 }
            }
        }
        #expect(tokens > 10_000)
        #expect(known > 1_000)
    }

    @Test("every place suffix of patterns.tsv is a place-suffix key (the table only rules out)")
    func placeSuffixKeys() {
        let p = BundledLexicons.shared.patterns
        let words = EnglishNameWords(patterns: p)
        let suffixes = p.english[.placeSuffix] ?? []
        #expect(!suffixes.isEmpty)
        for suffix in suffixes where !suffix.isEmpty {
            let s = suffix.unicodeScalars.map(\.value)
            #expect(words.isKey(s, 0, s.count, .placeSuffix), "\(suffix)")
            // Hyphens and spaces read alike, as in the trie.
            let h = s.map { $0 == 0x20 ? 0x2D : $0 }
            #expect(words.isKey(h, 0, h.count, .placeSuffix), "\(suffix)")
        }
        let none = "not a suffix".unicodeScalars.map(\.value)
        #expect(!words.isKey(none, 0, none.count, .placeSuffix))
    }

    @Test("the opener words are the place openers")
    func openers() throws {
        let words = EnglishNameWords(patterns: BundledLexicons.shared.patterns)
        let tokenizer = try Tokenizer()
        let text = DocumentText("Mount Mt Port mount")
        let folded = tokenizer.folder.fold(text)
        let ids = tokenizer.tokens(text, folded: folded).map { words.id(of: $0, in: folded) }
        #expect(ids == [words.mount, words.mt, words.port, words.mount])
        #expect(NamePatterns.placeOpeners == ["mount", "mt", "port"])
    }
}
