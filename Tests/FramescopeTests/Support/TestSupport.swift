import Foundation
@testable import Framescope

/// Where the repository lives, for tests that read `Corpus/`, `Lexicons/` or fixtures.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// The text of code points `[start, end)` of `s`, the way Python slices a `str`.
func slice(_ s: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(s.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

extension Tokenizer {
    /// Token texts, for readable expectations.
    func texts(_ s: String) -> [String] {
        let text = DocumentText(s)
        return tokens(text).map { text.substring(utf16: $0.utf16Start..<$0.utf16End) }
    }
}
