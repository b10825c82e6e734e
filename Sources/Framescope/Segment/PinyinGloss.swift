/// Recognizes a pinyin reading flattened into the line after a Han character: scraped pages turn
/// ruby annotations into `稀(xī)土`, `包（bāo）钢`, `鏑(di2)`. The folder gives such a gloss no
/// matching key, so a lexicon term, a framing cue or a quantity is found across it while its span
/// still covers the text as written.
///
/// A gloss is an ASCII or full-width pair of parentheses right after a Han character holding one
/// or a few pinyin syllables, at least one of them carrying a tone (a tone mark, or a tone digit
/// after the syllable). Every syllable must be a syllable of Mandarin, so English words, numbers,
/// "(Group)", "(bao)" and "（集团）" stay text.
enum PinyinGloss {
    /// Longest gloss looked at, in UTF-16 units between the parentheses (eight syllables and
    /// their separators fit).
    static let maxContent = 48

    /// Whether `u` opens a gloss (ASCII or full-width parenthesis).
    @inline(__always)
    static func isOpen(_ u: UInt16) -> Bool { u == 0x28 || u == 0xFF08 }

    /// The UTF-16 end (after the closing parenthesis) and the code points of the gloss whose
    /// opening parenthesis is at `i`, or nil when the parenthesis opens no gloss.
    static func gloss(_ utf16: UnsafeBufferPointer<UInt16>, at i: Int) -> (end: Int, codePoints: Int)? {
        guard i > 0, i + 2 < utf16.count, isOpen(utf16[i]) else { return nil }
        // Right after a Han character (an astral one ends in a trailing surrogate).
        let previous: UInt32
        if UTF16.isTrailSurrogate(utf16[i - 1]), i >= 2 {
            previous = decodeScalar(utf16, at: i - 2).scalar
        } else {
            previous = UInt32(utf16[i - 1])
        }
        guard ScriptClass.isHan(previous) else { return nil }
        var j = i + 1
        var letters: [UInt8] = []  // base letters (ü as "v"), digits 0–5, and 0x20 between syllable groups
        letters.reserveCapacity(16)
        var toned = false
        while j < utf16.count, j - i - 1 <= maxContent {
            let u = utf16[j]
            if u == 0x29 || u == 0xFF09 {
                guard toned, isPinyin(letters) else { return nil }
                return (j + 1, j + 1 - i)  // every unit inside is a BMP code point
            }
            switch u {
            case 0x61...0x7A: letters.append(UInt8(u))
            case 0x30...0x35:
                guard let last = letters.last, last >= 0x61 else { return nil }  // a tone digit ends a syllable
                letters.append(UInt8(u))
                toned = true
            case 0x20, 0x27, 0x2D, 0x2019:  // space, apostrophes, hyphen between syllables
                if letters.last != 0x20 { letters.append(0x20) }
            case 0xFC: letters.append(0x76)  // ü
            case 0x300, 0x301, 0x304, 0x30C:  // a combining tone mark on the vowel before it
                guard let last = letters.last, "aeiouv".utf8.contains(last) else { return nil }
                toned = true
            case 0x308:  // u + combining diaeresis = ü
                guard letters.last == 0x75 else { return nil }
                letters[letters.count - 1] = 0x76
            default:
                guard let base = tonedVowels[u] else { return nil }
                letters.append(base)
                toned = true
            }
            j += 1
        }
        return nil
    }

    /// The vowels with tone marks, precomposed, and their base letter (ü as "v").
    static let tonedVowels: [UInt16: UInt8] = {
        var table: [UInt16: UInt8] = [:]
        let rows: [(String, Character)] = [("āáǎà", "a"), ("ēéěè", "e"), ("īíǐì", "i"), ("ōóǒò", "o"), ("ūúǔù", "u"), ("ǖǘǚǜ", "v")]
        for (marked, base) in rows {
            for c in marked.unicodeScalars { table[UInt16(c.value)] = base.asciiValue! }
        }
        return table
    }()

    /// Whether base letters, digits and separators split into pinyin syllables, each followed by
    /// at most one tone digit (syllables may run together, as in "bāogāng").
    static func isPinyin(_ letters: [UInt8]) -> Bool {
        var syllables = 0
        for group in letters.split(separator: 0x20) {
            let g = Array(group)
            // reach[k]: 1 = a syllable ends at k, 2 = a tone digit ends at k; the start counts as after a digit.
            var reach = [UInt8](repeating: 0, count: g.count + 1)
            reach[0] = 2
            var count = [Int](repeating: 0, count: g.count + 1)
            for k in 0..<g.count where reach[k] != 0 {
                if reach[k] & 1 != 0, (0x30...0x35).contains(g[k]) {
                    reach[k + 1] |= 2
                    count[k + 1] = count[k]
                }
                var end = k
                while end < g.count, end - k < 6, g[end] >= 0x61 {
                    end += 1
                    if syllableSet.contains(String(decoding: g[k..<end], as: UTF8.self)) {
                        reach[end] |= 1
                        count[end] = count[k] + 1
                    }
                }
            }
            guard !g.isEmpty, reach[g.count] != 0 else { return false }
            syllables += count[g.count]
        }
        return syllables > 0 && syllables <= 8
    }

    /// The syllables of Standard Mandarin without tones (ü written "v").
    static let syllableSet: Set<String> = Set("""
        a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng \
        cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu \
        cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo \
        e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan \
        guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian \
        jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan \
        kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun \
        luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei \
        nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi \
        pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren \
        reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen \
        sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te \
        teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao \
        xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang \
        zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui \
        zhun zhuo zi zong zou zu zuan zui zun zuo
        """.split(separator: " ").map(String.init))
}
