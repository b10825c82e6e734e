/// Marks boilerplate: navigation, share/print buttons, image file names and captions, copyright
/// and ICP registration lines, comment forms, "opens in a new tab", 责编/来源 lines and the like.
/// Boilerplate stays in the text with its offsets but is excluded from framing.
///
/// The heuristic is line based (scraped pages put each such element on its own line): a
/// sentence is boilerplate when the line holding it matches one of the rules below. Each rule has
/// a name, reported as the reason, so a surprising decision can be traced.
public enum Boilerplate {
    public struct Rule: Sendable {
        public let name: String
        let test: @Sendable (_ line: String, _ lower: String) -> Bool
    }

    /// Phrases that make a whole line boilerplate wherever they occur in it.
    static let markers: [(String, String)] = [
        ("copyright", "copyright"), ("copyright", "©"), ("copyright", "all rights reserved"), ("copyright", "版权所有"),
        ("registration", "icp备"), ("registration", "icp证"), ("registration", "公网安备"), ("registration", "京公网安"),
        ("share", "share - wechat"), ("share", "share this"), ("share", "spread the word"), ("share", "分享到"), ("share", "扫一扫"),
        ("link", "opens in a new tab"), ("link", "click here"), ("link", "read more:"), ("link", "related:"), ("link", "download the full report"),
        ("comments", "leave a reply"), ("comments", "your email address will not be published"), ("comments", "required fields are marked"),
        ("comments", "post a comment"), ("comments", "发表评论"),
        ("editor", "责任编辑"), ("editor", "责编"), ("editor", "編輯："), ("editor", "编辑："), ("editor", "【纠错】"),
        ("navigation", "返回顶部"), ("navigation", "关闭窗口"), ("navigation", "subscribe to"), ("navigation", "sign up for"),
        ("navigation", "follow us"), ("caption", "[photo/"), ("caption", "[photo /"), ("caption", "(photo/"), ("caption", "photo:"),
        ("disclaimer", "不构成投资建议"), ("disclaimer", "不構成投資建議"), ("disclaimer", "not investment advice"),
        ("disclaimer", "does not constitute investment advice"), ("disclaimer", "免责声明"), ("disclaimer", "免責聲明"),
        // The regulator's standard warning that closes a broker's or a market page: "risk" there
        // is a legal formula, not a frame (framing v7).
        ("disclaimer", "股市有风险"), ("disclaimer", "股市有風險"), ("disclaimer", "投资需谨慎"), ("disclaimer", "投資需謹慎"),
        ("disclaimer", "入市需谨慎"), ("disclaimer", "入市需謹慎"), ("disclaimer", "investing involves risk"),
        ("disclaimer", "past performance is not"),
        ("caption", "图片来源"), ("caption", "资料图"), ("tags", "categories:"), ("tags", "tags:"), ("tags", "标签："),
    ]

    /// Prefixes that make a line boilerplate (source and dateline lines).
    static let prefixes: [(String, String)] = [
        ("source", "来源："), ("source", "来源:"), ("source", "來源："), ("source", "source:"), ("dateline", "updated:"),
        ("dateline", "published:"), ("dateline", "发布时间"), ("dateline", "發布時間"), ("dateline", "时间："), ("byline", "by "),
        ("print", "print"), ("share", "share"),
    ]

    static let navigationWords: Set<String> = [
        "home", "news", "policies", "policy", "business", "world", "china", "opinion", "sports", "menu", "search", "login",
        "subscribe", "markets", "video", "photos", "about", "contact", "us", "and", "&", "|", "首页", "新闻", "财经", "国际",
        "国内", "评论", "视频", "图片", "登录", "注册", "更多", "专题", "要闻", "滚动",
    ]

    static let markerUnits: [(String, [UInt16])] = markers.map { ($0.0, Array($0.1.utf16)) }
    static let prefixUnits: [(String, [UInt16])] = prefixes.map { ($0.0, Array($0.1.utf16)) }
    static let linkPrefixes: [[UInt16]] = ["http", "www."].map { Array($0.utf16) }
    static let imageSuffixes: [[UInt16]] = [".jpg", ".jpeg", ".png", ".gif", ".webp"].map { Array($0.utf16) }
    /// The markers' units end to end (`markerStart[m]..<markerStart[m + 1]` is marker m), so the
    /// scan reads one buffer and retains nothing per character.
    static let markerFlat: [UInt16] = markerUnits.flatMap(\.1)
    static let markerStart: [Int] = markerUnits.reduce(into: [0]) { $0.append($0.last! + $1.1.count) }

    /// The scan for markers made of ASCII only skips through the line (Wu–Manber): it looks at
    /// the last two units of a window as long as the shortest such marker, and a pair that ends
    /// no marker's start within the window moves it on by up to `window - 1` units. About 0.3
    /// looks per unit on English news, where testing every unit cost some 45 instructions each.
    /// Markers that hold a non-ASCII unit are found from their first such unit instead (the
    /// anchor), which a line of ASCII never has.
    static let asciiMarkers: [Int] = markerUnits.indices.filter { m in markerUnits[m].1.allSatisfy { $0 < 0x80 } }
    /// At least 2 (the pair): the tests check that every ASCII marker is that long.
    static let window: Int = max(2, asciiMarkers.map { markerUnits[$0].1.count }.min() ?? 2)

    /// The key of two units: their low seven bits each. Case and non-ASCII collide, which only
    /// makes a shift shorter or a candidate list longer.
    @inline(__always)
    static func pairKey(_ a: UInt16, _ b: UInt16) -> Int { Int(a & 0x7F) << 7 | Int(b & 0x7F) }

    /// Per pair key, how far the window may move when its last two units have that key: the
    /// least distance from a pair of any ASCII marker's first `window` units to the window's end,
    /// over both cases of their letters.
    static let shift: [UInt8] = {
        var table = [UInt8](repeating: UInt8(window - 1), count: 1 << 14)
        for m in asciiMarkers {
            let units = markerUnits[m].1
            for q in 1..<window {
                for a in caseVariants(units[q - 1]) { for b in caseVariants(units[q]) {
                    let k = pairKey(a, b)
                    table[k] = min(table[k], UInt8(window - 1 - q))
                } }
            }
        }
        return table
    }()
    static func caseVariants(_ u: UInt16) -> [UInt16] { (0x61...0x7A).contains(u) ? [u, u - 0x20] : [u] }

    /// Per lower-cased pair key, the ASCII markers whose window ends in that pair, in list order,
    /// as a packed `start << 16 | count` into `windowEndMarkers`.
    static let windowEndMarkers: [Int32] = asciiMarkers.sorted { (windowEndKey($0), $0) < (windowEndKey($1), $1) }.map(Int32.init)
    static let windowEndRange: [UInt32] = packedRanges(windowEndMarkers, count: 1 << 14) { windowEndKey(Int($0)) }
    static func windowEndKey(_ m: Int) -> Int { pairKey(markerUnits[m].1[window - 2], markerUnits[m].1[window - 1]) }

    /// The other markers by their anchor: the first non-ASCII unit and its offset in the marker.
    static let anchoredMarkers: [Int32] = markerUnits.indices.filter { !asciiMarkers.contains($0) }
        .sorted { (anchor($0).unit, $0) < (anchor($1).unit, $1) }.map(Int32.init)
    static let anchorRange: [UInt32] = packedRanges(anchoredMarkers, count: 0x10000) { Int(anchor(Int($0)).unit) }
    static let anchorOffset: [Int] = markerUnits.indices.map { anchor($0).offset }
    static func anchor(_ m: Int) -> (unit: UInt16, offset: Int) {
        let units = markerUnits[m].1
        let k = units.firstIndex { $0 >= 0x80 } ?? 0
        return (units[k], k)
    }

    /// A table of `count` entries, `start << 16 | count` of the run of `sorted` whose key is the
    /// entry's index (0 where none).
    static func packedRanges(_ sorted: [Int32], count: Int, key: (Int32) -> Int) -> [UInt32] {
        var table = [UInt32](repeating: 0, count: count)
        for (k, m) in sorted.enumerated() {
            let u = key(m)
            table[u] = (table[u] == 0 ? UInt32(k) << 16 : table[u]) + 1
        }
        return table
    }

    static let longestNavigationWord = navigationWords.map { $0.utf16.count }.max() ?? 0

    @inline(__always)
    static func lowerASCII(_ u: UInt16) -> UInt16 { (u >= 0x41 && u <= 0x5A) ? u | 0x20 : u }

    /// White_Space code points (what `Character.isWhitespace` trims) plus a stray BOM.
    @inline(__always)
    static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Decides one line; nil when it is content.
    public static func reason(forLine raw: some StringProtocol) -> String? {
        DocumentText.transcode(raw).withUnsafeBufferPointer { reason(forLine: $0[...]) }
    }

    /// Decides one line given as UTF-16 units. Works on the units with ASCII case folding (the
    /// markers are ASCII or caseless), so a paragraph-long content line costs one scan and no
    /// allocation.
    static func reason(forLine line: Slice<UnsafeBufferPointer<UInt16>>) -> String? {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi, isSpace(line[lo]) { lo += 1 }
        while hi > lo, isSpace(line[hi - 1]) { hi -= 1 }
        guard lo < hi else { return nil }
        // Markers anywhere; the earliest-listed marker found names the rule.
        let best = earliestMarker(line.base, lo, hi)
        if best != .max { return markerUnits[best].0 }
        // Words split at spaces and tabs (counted up to 13, the most any rule looks at).
        var wordCount = 0, longest = 0
        forEachWord(line, lo, hi) { word in
            wordCount += 1
            longest = max(longest, word.count)
            return wordCount <= 12
        }
        func hasPrefix(_ p: [UInt16]) -> Bool {
            guard hi - lo >= p.count else { return false }
            for k in 0..<p.count where lowerASCII(line[lo + k]) != p[k] { return false }
            return true
        }
        // Prefix rules apply to short lines only: "Source: Baogang Group", not a paragraph.
        if wordCount <= 12 {
            for (name, prefix) in prefixUnits where hasPrefix(prefix) {
                if name == "byline" && wordCount > 6 { continue }
                if (name == "print" || name == "share") && wordCount > 3 { continue }
                return name
            }
        }
        // Image file names ("1.jpg") and bare links.
        if wordCount <= 2, imageSuffixes.contains(where: { s in
            hi - lo >= s.count && s.indices.allSatisfy { lowerASCII(line[hi - s.count + $0]) == s[$0] }
        }) { return "image" }
        if wordCount == 1, linkPrefixes.contains(where: hasPrefix) { return "link" }
        // A line of navigation words only ("News and Policies", "首页 | 新闻").
        if wordCount <= 6, longest <= longestNavigationWord, allNavigationWords(line, lo, hi) {
            return "navigation"
        }
        return nil
    }

    /// Whether every space- or tab-separated word of `line[lo..<hi]` is a navigation word.
    static func allNavigationWords(_ line: Slice<UnsafeBufferPointer<UInt16>>, _ lo: Int, _ hi: Int) -> Bool {
        var all = true
        forEachWord(line, lo, hi) { word in
            all = navigationWords.contains(String(decoding: word.map { lowerASCII(line[$0]) }, as: UTF16.self))
            return all
        }
        return all
    }

    /// Calls `body` with each space- or tab-separated word of `line[lo..<hi]` (its range), in
    /// order, until it returns false.
    @inline(__always)
    static func forEachWord(_ line: Slice<UnsafeBufferPointer<UInt16>>, _ lo: Int, _ hi: Int, _ body: (Range<Int>) -> Bool) {
        var w = lo
        for i in lo...hi where i == hi || line[i] == 0x20 || line[i] == 0x09 {
            if i > w, !body(w..<i) { return }
            w = i + 1
        }
    }

    /// The index of the earliest-listed marker found anywhere in `u[lo..<hi]` (ASCII letters
    /// compared lower-cased), or `Int.max`.
    static func earliestMarker(_ u: UnsafeBufferPointer<UInt16>, _ lo: Int, _ hi: Int) -> Int {
        var best = Int.max
        markerFlat.withUnsafeBufferPointer { flat in markerStart.withUnsafeBufferPointer { mStart in
            /// Whether marker m starts at `s` (inside the line).
            @inline(__always) func matches(_ m: Int, at s: Int) -> Bool {
                let a = mStart[m], count = mStart[m + 1] - a
                guard s >= lo, s + count <= hi else { return false }
                var j = 0
                while j < count, lowerASCII(u[s + j]) == flat[a + j] { j += 1 }
                return j == count
            }
            // ASCII markers: the skip scan.
            let m = window
            if hi - lo >= m {
                shift.withUnsafeBufferPointer { shift in windowEndRange.withUnsafeBufferPointer { endRange in
                    windowEndMarkers.withUnsafeBufferPointer { endMarkers in
                        var j = lo + m - 1
                        while j < hi {
                            let step = Int(shift[pairKey(u[j - 1], u[j])])
                            if step != 0 { j += step; continue }
                            let packed = endRange[pairKey(lowerASCII(u[j - 1]), lowerASCII(u[j]))]
                            let from = Int(packed >> 16)
                            for k in from..<(from + Int(packed & 0xFFFF)) {
                                let marker = Int(endMarkers[k])
                                guard marker < best else { break }  // listed in order: later ones cannot win
                                if matches(marker, at: j - m + 1) { best = marker; break }
                            }
                            j += 1
                        }
                    }
                } }
            }
            // The other markers, from their anchor; a line of ASCII has none (one OR per unit first).
            var any: UInt16 = 0
            for i in lo..<hi { any |= u[i] }
            guard any >= 0x80 else { return }
            anchorRange.withUnsafeBufferPointer { anchors in anchoredMarkers.withUnsafeBufferPointer { anchored in
                anchorOffset.withUnsafeBufferPointer { offsets in
                    for i in lo..<hi where u[i] >= 0x80 {
                        let packed = anchors[Int(u[i])]
                        guard packed != 0 else { continue }
                        let from = Int(packed >> 16)
                        for k in from..<(from + Int(packed & 0xFFFF)) {
                            let marker = Int(anchored[k])
                            guard marker < best else { break }
                            if matches(marker, at: i - offsets[marker]) { best = marker; break }
                        }
                    }
                }
            } }
        } }
        return best
    }

    /// For each sentence, the reason it is boilerplate (nil for content).
    public static func classify(_ text: DocumentText, sentences: [TextSpan]) -> [String?] {
        // Line spans in UTF-16.
        var lineReasons: [(range: Range<Int>, reason: String?)] = []
        text.utf16.withUnsafeBufferPointer { u in
            var start = 0
            for i in 0...u.count where i == u.count || u[i] == 0x0A {
                lineReasons.append((start..<i, reason(forLine: u[start..<i])))
                start = i + 1
            }
        }
        var out: [String?] = []
        out.reserveCapacity(sentences.count)
        var l = 0
        for s in sentences {
            while l < lineReasons.count, lineReasons[l].range.upperBound < s.utf16Start { l += 1 }
            // A sentence may span lines; it is boilerplate only if every line it touches is.
            var k = l
            var reason: String?
            var allBoiler = true
            while k < lineReasons.count, lineReasons[k].range.lowerBound < s.utf16End {
                if let r = lineReasons[k].reason { reason = reason ?? r } else if !lineReasons[k].range.isEmpty { allBoiler = false }
                k += 1
            }
            out.append(allBoiler ? reason : nil)
        }
        return out
    }
}
