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
    /// Per first UTF-16 unit, the markers that start with it, as a range of `markersByFirst`
    /// (empty for most units), in list order.
    static let markersByFirst: [Int32] = markerUnits.indices.sorted { (markerUnits[$0].1[0], $0) < (markerUnits[$1].1[0], $1) }.map(Int32.init)
    static let firstUnitRange: [UInt32] = {
        // Packed start << 16 | count into `markersByFirst`; 0 where no marker starts with the unit.
        var table = [UInt32](repeating: 0, count: 0x10000)
        for (k, m) in markersByFirst.enumerated() {
            let marker = markerUnits[Int(m)].1
            let u = Int(marker[0])
            table[u] = (table[u] == 0 ? UInt32(k) << 16 : table[u]) + 1
        }
        return table
    }()
    /// The first two units of every marker, by pair hash: the scan's first test at each unit.
    /// Most letters of English text start some marker (c, a, i, s, o, r, t…), so testing the first
    /// unit first took a mispredicted branch at about every other letter; few pairs pass this.
    static let pairFilter: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for (_, m) in markerUnits where m.count >= 2 {
            let h = pairHash(m[0], m[1])
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
        return bits
    }()
    /// The units that are a whole marker (©), which the pair filter cannot see.
    static let singleFilter: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for (_, m) in markerUnits where m.count == 1 { bits[Int(m[0]) >> 6] |= 1 << UInt64(m[0] & 63) }
        return bits
    }()
    @inline(__always)
    static func pairHash(_ a: UInt16, _ b: UInt16) -> Int { Int((UInt32(a) &* 0x9E37 &+ UInt32(b)) & 0xFFFF) }
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
        var best = Int.max
        markerFlat.withUnsafeBufferPointer { flat in
            markerStart.withUnsafeBufferPointer { mStart in
                markersByFirst.withUnsafeBufferPointer { byFirst in
                    firstUnitRange.withUnsafeBufferPointer { firstRange in
                        pairFilter.withUnsafeBufferPointer { pairs in singleFilter.withUnsafeBufferPointer { singles in
                            for i in lo..<hi {
                                let u0 = lowerASCII(line[i])
                                // Past the last unit no pair starts: 0 stands in for the second unit.
                                let h = pairHash(u0, i + 1 < hi ? lowerASCII(line[i + 1]) : 0)
                                guard (pairs[h >> 6] >> UInt64(h & 63)) & 1 | (singles[Int(u0) >> 6] >> UInt64(u0 & 63)) & 1 != 0 else { continue }
                                let packed = firstRange[Int(u0)]
                                guard packed != 0 else { continue }
                                let from = Int(packed >> 16)
                                for k in from..<(from + Int(packed & 0xFFFF)) {
                                    let m = Int(byFirst[k])
                                    guard m < best else { break }  // listed in order: later ones cannot win
                                    let a = mStart[m], count = mStart[m + 1] - a
                                    guard i + count <= hi else { continue }
                                    var j = 1
                                    while j < count, lowerASCII(line[i + j]) == flat[a + j] { j += 1 }
                                    if j == count { best = m; break }
                                }
                            }
                        } }
                    }
                }
            }
        }
        if best != .max { return markerUnits[best].0 }
        // Words split at spaces and tabs.
        var words: [Range<Int>] = []
        var w = lo
        for i in lo...hi where i == hi || line[i] == 0x20 || line[i] == 0x09 {
            if i > w { words.append(w..<i); if words.count > 12 { break } }
            w = i + 1
        }
        func hasPrefix(_ p: [UInt16]) -> Bool {
            guard hi - lo >= p.count else { return false }
            for k in 0..<p.count where lowerASCII(line[lo + k]) != p[k] { return false }
            return true
        }
        // Prefix rules apply to short lines only: "Source: Baogang Group", not a paragraph.
        if words.count <= 12 {
            for (name, prefix) in prefixUnits where hasPrefix(prefix) {
                if name == "byline" && words.count > 6 { continue }
                if (name == "print" || name == "share") && words.count > 3 { continue }
                return name
            }
        }
        // Image file names ("1.jpg") and bare links.
        if words.count <= 2, imageSuffixes.contains(where: { s in
            hi - lo >= s.count && s.indices.allSatisfy { lowerASCII(line[hi - s.count + $0]) == s[$0] }
        }) { return "image" }
        if words.count == 1, linkPrefixes.contains(where: hasPrefix) { return "link" }
        // A line of navigation words only ("News and Policies", "首页 | 新闻").
        if words.count <= 6, words.allSatisfy({ $0.count <= longestNavigationWord }),
           words.allSatisfy({ r in navigationWords.contains(String(decoding: r.map { lowerASCII(line[$0]) }, as: UTF16.self)) }) {
            return "navigation"
        }
        return nil
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
