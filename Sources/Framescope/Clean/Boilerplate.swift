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

    static let markerBytes: [(String, [UInt8])] = markers.map { ($0.0, Array($0.1.utf8)) }

    /// Byte search: Foundation's `contains` compares by canonical equivalence and is far slower.
    @inline(__always)
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Decides one line; nil when it is content.
    public static func reason(forLine raw: some StringProtocol) -> String? {
        let line = raw.trimmed()
        guard !line.isEmpty else { return nil }
        let lower = line.lowercased()
        let bytes = Array(lower.utf8)
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (name, marker) in markerBytes where contains(bytes, marker) { return name }
        // Prefix rules apply to short lines only: "Source: Baogang Group", not a paragraph.
        if words.count <= 12 {
            for (name, prefix) in prefixes where lower.hasPrefix(prefix) {
                if name == "byline" && words.count > 6 { continue }
                if (name == "print" || name == "share") && words.count > 3 { continue }
                return name
            }
        }
        // Image file names ("1.jpg") and bare links.
        let imageSuffixes = [".jpg", ".jpeg", ".png", ".gif", ".webp"]
        if words.count <= 2, imageSuffixes.contains(where: { lower.hasSuffix($0) }) { return "image" }
        if words.count == 1, lower.hasPrefix("http") || lower.hasPrefix("www.") { return "link" }
        // A line of navigation words only ("News and Policies", "首页 | 新闻").
        if words.count <= 6, words.allSatisfy({ navigationWords.contains(String($0)) }) { return "navigation" }
        return nil
    }

    /// For each sentence, the reason it is boilerplate (nil for content).
    public static func classify(_ text: DocumentText, sentences: [TextSpan]) -> [String?] {
        // Line spans in UTF-16.
        var lineReasons: [(range: Range<Int>, reason: String?)] = []
        let u = text.utf16
        var start = 0
        for i in 0...u.count where i == u.count || u[i] == 0x0A {
            let line = text.substring(utf16: start..<i)
            lineReasons.append((start..<i, reason(forLine: line)))
            start = i + 1
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
