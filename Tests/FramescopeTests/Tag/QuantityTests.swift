import Testing
@testable import Framescope

@Suite("Quantities")
struct QuantityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let sentence: String
        let surface: String
        let value: Double
        let unit: String?
        let base: Double?
        var multiplier: Double? = nil
        var approx = false
        var min: Double? = nil
        var max: Double? = nil
        var testDescription: String { surface }
    }

    static let cases: [Case] = [
        Case(sentence: "Output reached 800,000 tons last year.", surface: "800,000 tons", value: 800_000, unit: "t", base: 800_000),
        Case(sentence: "Prices rose 1.5 percent.", surface: "1.5 percent", value: 1.5, unit: "%", base: 1.5),
        Case(sentence: "A 10-ton demonstration line opened.", surface: "10-ton", value: 10, unit: "t", base: 10),
        Case(sentence: "The 1.5mm sheet is thinner.", surface: "1.5mm", value: 1.5, unit: "mm", base: 0.0015),
        Case(sentence: "Trains run at 400 km/h on it.", surface: "400 km/h", value: 400, unit: "km/h", base: 400),
        Case(sentence: "Exports fell 15% in May.", surface: "15%", value: 15, unit: "%", base: 15),
        Case(sentence: "Gains of 3047%-3722% were reported.", surface: "3047%", value: 3047, unit: "%", base: 3047, min: 3047, max: 3722),
        Case(sentence: "Revenue was 86.05 billion CNH.", surface: "86.05 billion CNH", value: 86.05e9, unit: "CNH", base: 86.05e9, multiplier: 1e9),
        Case(sentence: "It shipped 5.5 million tons.", surface: "5.5 million tons", value: 5.5e6, unit: "t", base: 5.5e6, multiplier: 1e6),
        Case(sentence: "Margins were over 35% again.", surface: "35%", value: 35, unit: "%", base: 35, approx: true),
        Case(sentence: "粗钢产量达到1750万吨。", surface: "1750万吨", value: 1.75e7, unit: "t", base: 1.75e7, multiplier: 1e4),
        Case(sentence: "新增产能1,100万吨。", surface: "1,100万吨", value: 1.1e7, unit: "t", base: 1.1e7, multiplier: 1e4),
        Case(sentence: "库存共3万4000吨。", surface: "3万4000吨", value: 34_000, unit: "t", base: 34_000, multiplier: 1e4),
        Case(sentence: "累计投资二十万亿元。", surface: "二十万亿元", value: 2e13, unit: "CNY", base: 2e13, multiplier: 1e12),
        Case(sentence: "市场规模一万五千亿元。", surface: "一万五千亿元", value: 1.5e12, unit: "CNY", base: 1.5e12, multiplier: 1e8),
        Case(sentence: "每年消耗数百万吨矿石。", surface: "数百万吨", value: 2e6, unit: "t", base: 2e6, multiplier: 1e6, approx: true, min: 2e6, max: 9e6),
        Case(sentence: "新建90万吨/年生产线。", surface: "90万吨/年", value: 9e5, unit: "t/year", base: 9e5, multiplier: 1e4),
        Case(sentence: "China files 10x more patents.", surface: "10x", value: 10, unit: "x", base: 10),
        Case(sentence: "It costs $62 per kilogram.", surface: "$62 per kilogram", value: 62, unit: "USD/kg", base: 62_000),
        Case(sentence: "A US$2.3 billion deal.", surface: "US$2.3 billion", value: 2.3e9, unit: "USD", base: 2.3e9, multiplier: 1e9),
        Case(sentence: "同比增长百分之五。", surface: "百分之五", value: 5, unit: "%", base: 5),
        Case(sentence: "年产约300余吨。", surface: "300余吨", value: 300, unit: "t", base: 300, approx: true),
        Case(sentence: "新增3至5万吨产能。", surface: "3", value: 3e4, unit: "t", base: 3e4, min: 3e4, max: 5e4),
        Case(sentence: "產能達到１７５０萬噸。", surface: "１７５０萬噸", value: 1.75e7, unit: "t", base: 1.75e7, multiplier: 1e4),
        // The financial pages' scale letters after a currency sign: millions, not metres.
        Case(sentence: "The miner paid $20m for the stake.", surface: "$20m", value: 2e7, unit: "USD", base: 2e7, multiplier: 1e6),
        Case(sentence: "A A$45m grant was announced.", surface: "A$45m", value: 4.5e7, unit: "AUD", base: 4.5e7, multiplier: 1e6),
        Case(sentence: "It raised £1.5b in London.", surface: "£1.5b", value: 1.5e9, unit: "GBP", base: 1.5e9, multiplier: 1e9),
        Case(sentence: "A €300k study was funded.", surface: "€300k", value: 3e5, unit: "EUR", base: 3e5, multiplier: 1e3),
        Case(sentence: "A 20m-long rail was rolled.", surface: "20m", value: 20, unit: "m", base: 20),
        Case(sentence: "The sample weighs 5 g.", surface: "5 g", value: 5, unit: "g", base: 5e-6),
        // Magnet properties, weight percent, the won and the rupee.
        Case(sentence: "Grade N52 reaches 52 MGOe.", surface: "52 MGOe", value: 52, unit: "MGOe", base: 52),
        Case(sentence: "Coercivity exceeds 20 kOe at room temperature.", surface: "20 kOe", value: 20, unit: "kOe", base: 20),
        Case(sentence: "The field is 1.2 tesla.", surface: "1.2 tesla", value: 1.2, unit: "T", base: 1.2),
        Case(sentence: "Dysprosium content is 1.5 wt% of the magnet.", surface: "1.5 wt%", value: 1.5, unit: "wt%", base: 1.5),
        Case(sentence: "It invested ₩1 trillion.", surface: "₩1 trillion", value: 1e12, unit: "KRW", base: 1e12, multiplier: 1e12),
        Case(sentence: "The plant cost Rs 500 crore.", surface: "Rs 500 crore", value: 5e9, unit: "INR", base: 5e9, multiplier: 1e7),
        // A unit that starts with 千 after 万 or 亿: the 千 is the unit's.
        Case(sentence: "装机3万千瓦。", surface: "3万千瓦", value: 3e4, unit: "kW", base: 3e7, multiplier: 1e4),
        Case(sentence: "年发电量12亿千瓦时。", surface: "12亿千瓦时", value: 1.2e9, unit: "kWh", base: 1.2e12, multiplier: 1e8),
        Case(sentence: "新增装机1200千瓦。", surface: "1200千瓦", value: 1200, unit: "kW", base: 1.2e6),
        // A per-unit part first for any amount with a unit, not only prices.
        Case(sentence: "废水中污染物浓度降至每升15毫克以下。", surface: "每升15毫克", value: 15, unit: "mg/L", base: 15e-9 / 0.001, approx: true),
        // A space between the per-unit part and the amount (scraped price flashes), and a share
        // before a price: a dividend or earnings per share.
        Case(sentence: "鎢精礦報每噸 20.8 萬元人民幣，持平。", surface: "每噸 20.8 萬元人民幣", value: 2.08e5, unit: "CNY/t", base: 2.08e5,
             multiplier: 1e4),
        Case(sentence: "董事會建議派末期息每股３港仙。", surface: "每股３港仙", value: 3, unit: "HK cent/share", base: 0.03),
        Case(sentence: "公司擬派息每股3仙。", surface: "每股3仙", value: 3, unit: "cent/share", base: 3),
        Case(sentence: "基本每股盈利為9.8分人民幣。", surface: "9.8分人民幣", value: 9.8, unit: "fen", base: 0.098),
        // Currencies of Southeast Asian, African and other trade news, wet and dry tonnes, pounds of metal.
        Case(sentence: "该集团拟投资140亿令吉建设钢厂。", surface: "140亿令吉", value: 1.4e10, unit: "MYR", base: 1.4e10, multiplier: 1e8),
        Case(sentence: "每吨成本约2万泰铢。", surface: "2万泰铢", value: 2e4, unit: "THB", base: 2e4, multiplier: 1e4, approx: true),
        Case(sentence: "The smelter owes 1,200 million kwacha in tax.", surface: "1,200 million kwacha", value: 1.2e9, unit: "ZMW", base: 1.2e9,
             multiplier: 1e6),
        Case(sentence: "進口礦價約910元/濕噸。", surface: "910元/濕噸", value: 910, unit: "CNY/t", base: 910, approx: true),
        Case(sentence: "Cobalt traded at $11.60 per pound.", surface: "$11.60 per pound", value: 11.6, unit: "USD/lb", base: 11.6 / 0.00045359237),
    ]

    @Test("each number form parses to the right value and unit", arguments: cases)
    func numberForms(_ c: Case) throws {
        // A range is two mentions (the conventions in Tests/DevSet/README.md): these cases check
        // the first; `rangesAreTwoMentions` checks both.
        let (text, result) = try tag(c.sentence)
        let quantities = result.entities.filter { $0.type == .quantity }
        let found = try #require(quantities.first { text.text(of: $0) == c.surface }, "found: \(quantities.map(text.text(of:)))")
        let q = try #require(found.quantity)
        #expect(abs(q.value - c.value) <= 1e-6 * Swift.max(1, abs(c.value)))
        #expect(q.unit == c.unit)
        if let base = c.base, let b = q.baseValue { #expect(abs(b - base) <= 1e-6 * Swift.max(1, abs(base))) }
        #expect(q.multiplier == c.multiplier)
        #expect(q.approx == c.approx)
        #expect(q.min == c.min)
        #expect(q.max == c.max)
    }

    /// Signs, full-width digits, dash forms, ranges with a unit on each side, prices with the
    /// per-unit part before the amount, and currencies written before a generic 元.
    static let signedAndUnusual: [Case] = [
        // Negative temperatures: U+2212, the word "minus", a hyphen, 零下, 攝氏零下, and a bare C only after a sign.
        Case(sentence: "Temperatures fell to −40 °C overnight.", surface: "−40 °C", value: -40, unit: "°C", base: -40),
        Case(sentence: "The motor still runs at minus 40 C in the Arctic.", surface: "minus 40 C", value: -40, unit: "°C", base: -40),
        Case(sentence: "The line was tested at -40°C and 85°C.", surface: "-40°C", value: -40, unit: "°C", base: -40),
        Case(sentence: "The line was tested at -40°C and 85°C.", surface: "85°C", value: 85, unit: "°C", base: 85),
        Case(sentence: "包头冬季气温可达-40℃。", surface: "-40℃", value: -40, unit: "°C", base: -40),
        Case(sentence: "当地气温低至零下40摄氏度。", surface: "零下40摄氏度", value: -40, unit: "°C", base: -40),
        Case(sentence: "夜间最低零下40度，设备照常运转。", surface: "零下40度", value: -40, unit: "°C", base: -40),
        Case(sentence: "當地氣溫曾降至攝氏零下40度。", surface: "攝氏零下40度", value: -40, unit: "°C", base: -40),
        Case(sentence: "當地氣溫曾降至攝氏35度。", surface: "攝氏35度", value: 35, unit: "°C", base: 35),
        Case(sentence: "Ranges run from -40 to -30 °C.", surface: "-40", value: -40, unit: "°C", base: -40, min: -40, max: -30),
        Case(sentence: "Winter lows hit 40 °F.", surface: "40 °F", value: 40, unit: "°F", base: 40),
        // Signed changes.
        Case(sentence: "净利润同比-3.5%，营收持平。", surface: "-3.5%", value: -3.5, unit: "%", base: -3.5),
        Case(sentence: "淨利潤為負1200萬元。", surface: "負1200萬元", value: -1.2e7, unit: "CNY", base: -1.2e7, multiplier: 1e4),
        Case(sentence: "Margins moved −2.5% in the quarter.", surface: "−2.5%", value: -2.5, unit: "%", base: -2.5),
        // A hyphen after a letter, a digit or another dash is no minus.
        Case(sentence: "The 2023-24 season saw 5% growth.", surface: "5%", value: 5, unit: "%", base: 5),
        Case(sentence: "Nd-Fe-B magnet output rose 8%.", surface: "8%", value: 8, unit: "%", base: 8),
        Case(sentence: "产量下降——40%的产能停工。", surface: "40%", value: 40, unit: "%", base: 40),
        Case(sentence: "A 10-ton line and a 20-tonne press.", surface: "20-tonne", value: 20, unit: "t", base: 20),
        // Full-width digits and signs.
        Case(sentence: "新增产能１０万吨。", surface: "１０万吨", value: 1e5, unit: "t", base: 1e5, multiplier: 1e4),
        Case(sentence: "出口增長２０％。", surface: "２０％", value: 20, unit: "%", base: 20),
        Case(sentence: "氣溫降至－４０℃。", surface: "－４０℃", value: -40, unit: "°C", base: -40),
        // Ranges with the unit written once, with every dash form.
        Case(sentence: "Growth of 20–30% is expected.", surface: "20", value: 20, unit: "%", base: 20, min: 20, max: 30),
        Case(sentence: "Growth of 20—30% is expected.", surface: "20", value: 20, unit: "%", base: 20, min: 20, max: 30),
        Case(sentence: "新增5~8万吨产能。", surface: "5", value: 5e4, unit: "t", base: 5e4, min: 5e4, max: 8e4),
        Case(sentence: "新增5～8万吨产能。", surface: "5", value: 5e4, unit: "t", base: 5e4, min: 5e4, max: 8e4),
        Case(sentence: "擬投資3-5億元。", surface: "3", value: 3e8, unit: "CNY", base: 3e8, min: 3e8, max: 5e8),
        Case(sentence: "Each kiln takes 10 to 12 tonnes a day.", surface: "10", value: 10, unit: "t", base: 10, min: 10, max: 12),
        // A unit on each side: two mentions, each with the range.
        Case(sentence: "Prices rose 20% to 30%.", surface: "20%", value: 20, unit: "%", base: 20, min: 20, max: 30),
        Case(sentence: "Prices rose 20% to 30%.", surface: "30%", value: 30, unit: "%", base: 30, min: 20, max: 30),
        Case(sentence: "报价每吨55万元至57万元。", surface: "每吨55万元", value: 5.5e5, unit: "CNY/t", base: 5.5e5, multiplier: 1e4, min: 5.5e5, max: 5.7e5),
        Case(sentence: "报价每吨55万元至57万元。", surface: "57万元", value: 5.7e5, unit: "CNY/t", base: 5.7e5, multiplier: 1e4, min: 5.5e5, max: 5.7e5),
        Case(sentence: "Oxide sold for $5 to $8 per kilogram.", surface: "$5", value: 5, unit: "USD/kg", base: 5000, min: 5, max: 8),
        Case(sentence: "Oxide sold for $5 to $8 per kilogram.", surface: "$8 per kilogram", value: 8, unit: "USD/kg", base: 8000, min: 5, max: 8),
        // Prices, currencies and sizes.
        Case(sentence: "報價每公噸475美元。", surface: "每公噸475美元", value: 475, unit: "USD/t", base: 475),
        Case(sentence: "每公噸各調降新台幣300元。", surface: "新台幣300元", value: 300, unit: "TWD", base: 300),
        Case(sentence: "1,050萬公噸鋼材出口。", surface: "1,050萬公噸", value: 1.05e7, unit: "t", base: 1.05e7, multiplier: 1e4),
        Case(sentence: "Steel sold at $470 a tonne.", surface: "$470 a tonne", value: 470, unit: "USD/t", base: 470),
        Case(sentence: "Output could exceed 150 tonnes a year by 2030.", surface: "150 tonnes", value: 150, unit: "t", base: 150),
        Case(sentence: "Ore traded at $96.40 per dry metric tonne.", surface: "$96.40 per dry metric tonne", value: 96.4, unit: "USD/t", base: 96.4),
        Case(sentence: "The fund gets HK$2.5 billion.", surface: "HK$2.5 billion", value: 2.5e9, unit: "HKD", base: 2.5e9, multiplier: 1e9),
        Case(sentence: "Tokyo adds ¥120 billion.", surface: "¥120 billion", value: 1.2e11, unit: "¥", base: 1.2e11, multiplier: 1e9),
        Case(sentence: "The report is a 2.3 MB file.", surface: "2.3 MB", value: 2.3, unit: "MB", base: 2.3e6),
        // A currency sign on both sides of a hyphen: the second sign starts the second amount, it
        // is no unit of the first ("62-$" was one mention, and "$65" was lost).
        Case(sentence: "Oxide sold for $62-$65 per kilogram.", surface: "$62", value: 62, unit: "USD/kg", base: 62_000, min: 62, max: 65),
        Case(sentence: "Oxide sold for $62-$65 per kilogram.", surface: "$65 per kilogram", value: 65, unit: "USD/kg", base: 65_000, min: 62, max: 65),
        Case(sentence: "Bids were US$62-US$65.", surface: "US$62", value: 62, unit: "USD", base: 62, min: 62, max: 65),
        Case(sentence: "Bids were US$62-US$65.", surface: "US$65", value: 65, unit: "USD", base: 65, min: 62, max: 65),
        Case(sentence: "Bids were US$ 62-US$ 65.", surface: "US$ 62", value: 62, unit: "USD", base: 62, min: 62, max: 65),
        Case(sentence: "Bids were US$ 62-US$ 65.", surface: "US$ 65", value: 65, unit: "USD", base: 65, min: 62, max: 65),
        Case(sentence: "Ore fetched RMB 62-RMB 65 a tonne.", surface: "RMB 62", value: 62, unit: "CNY/t", base: 62, min: 62, max: 65),
        // Singular unit words in hyphenated compounds, and energy spelled out.
        Case(sentence: "A 0.3-millimetre sheet was rolled.", surface: "0.3-millimetre", value: 0.3, unit: "mm", base: 0.0003),
        Case(sentence: "They built a 5-megawatt furnace.", surface: "5-megawatt", value: 5, unit: "MW", base: 5e6),
        Case(sentence: "Storage of 40 gigawatt-hours is planned.", surface: "40 gigawatt-hours", value: 40, unit: "GWh", base: 4e10),
        Case(sentence: "It uses 12 kilowatt hours a tonne.", surface: "12 kilowatt hours a tonne", value: 12, unit: "kWh/t", base: 12_000),
        // Thousands grouped by spaces (SI style), a scale word after a hyphen, a tolerance.
        Case(sentence: "The smelter will produce 180 000 t/y of copper.", surface: "180 000 t/y", value: 180_000, unit: "t/year", base: 180_000),
        Case(sentence: "Reserves stand at 1 200 000 tonnes.", surface: "1 200 000 tonnes", value: 1_200_000, unit: "t", base: 1_200_000),
        Case(sentence: "In 2019 200 tonnes were shipped.", surface: "200 tonnes", value: 200, unit: "t", base: 200),
        Case(sentence: "The $3.2-billion smelter opened.", surface: "$3.2-billion", value: 3.2e9, unit: "USD", base: 3.2e9, multiplier: 1e9),
        Case(sentence: "A 3-million-tonne plant is planned.", surface: "3-million-tonne", value: 3e6, unit: "t", base: 3e6, multiplier: 1e6),
        Case(sentence: "炉温控制在±0.1℃以内。", surface: "±0.1℃", value: 0.1, unit: "°C", base: 0.1),
        Case(sentence: "爐溫波動±0.5℃。", surface: "±0.5℃", value: 0.5, unit: "°C", base: 0.5),
        // The won, the dong, feet, container units, the tungsten price unit.
        Case(sentence: "The mill will cost 420 billion won.", surface: "420 billion won", value: 4.2e11, unit: "KRW", base: 4.2e11, multiplier: 1e9),
        Case(sentence: "Plate sold for 900,000 won per ton.", surface: "900,000 won per ton", value: 9e5, unit: "KRW/t", base: 9e5),
        Case(sentence: "The plant is worth 4.2 trillion dong.", surface: "4.2 trillion dong", value: 4.2e12, unit: "VND", base: 4.2e12, multiplier: 1e12),
        Case(sentence: "每个40英尺集装箱运费上涨。", surface: "40英尺", value: 40, unit: "ft", base: 12.192),
        Case(sentence: "A 40-foot container costs more.", surface: "40-foot", value: 40, unit: "ft", base: 12.192),
        Case(sentence: "全年集装箱吞吐量1.86万标箱。", surface: "1.86万标箱", value: 18_600, unit: "TEU", base: 18_600, multiplier: 1e4),
        Case(sentence: "仲鎢酸銨報每mtu 520美元。", surface: "每mtu 520美元", value: 520, unit: "USD/mtu", base: 52_000),
        Case(sentence: "A 220,000 cubic metre tank was built.", surface: "220,000 cubic metre", value: 220_000, unit: "m3", base: 220_000),
    ]

    @Test("signed, full-width and ranged quantities: sign, value, min/max and span", arguments: signedAndUnusual)
    func signedAndUnusualForms(_ c: Case) throws {
        try numberForms(c)
    }

    @Test("durations, score-like pairs and ± are not quantities with a sign", arguments: [
        "一年过去，事实证明这是一步险棋。", "上世纪九十年代后，产业转移。", "The plant took 3 years to build.", "Scores of 10-15 are common.",
        "项目历时5年建成。",
    ])
    func noDurations(_ s: String) throws {
        let q = try spans(s, .quantity)
        #expect(q.isEmpty, "\(s): \(q)")
    }

    @Test("the number parser reads the forms Recognizers-Text gets wrong", arguments: [
        ("1,100万", 1.1e7), ("3万4000", 34_000.0), ("三万五千", 35_000.0), ("3千", 3_000.0), ("二十万亿", 2e13), ("一万五千亿", 1.5e12), ("二〇〇一", 2001.0),
        ("一千零五", 1005.0), ("十二", 12.0), ("1.5亿", 1.5e8), ("800,000", 800_000.0), ("1.5", 1.5),
    ])
    func numbers(_ input: String, _ expected: Double) {
        #expect(NumberParser.value(of: input) == expected)
    }

    @Test("Arabic numbers read exactly as Double(text) reads them: decimals, separators, leading zeros, long digit runs")
    func arabicNumbersAgreeWithDouble() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: UInt64) -> Int { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return Int(state % n) }
        var wrong: [String] = []
        for _ in 0..<50_000 {
            let whole = String((0..<(1 + next(20))).map { _ in Character(String(next(10))) })
            let fraction = next(3) == 0 ? "" : "." + String((0..<(1 + next(16))).map { _ in Character(String(next(10))) })
            let text = whole + fraction
            if NumberParser.value(of: text) != Double(text) { wrong.append(text) }
        }
        for text in ["0.1", "0.3", "123456789012345", "1234567890123456", "9007199254740993", "0.000000000000001", "1.7976931348623157"] {
            if NumberParser.value(of: text) != Double(text) { wrong.append(text) }
        }
        #expect(wrong.prefix(5) == [])
        #expect(NumberParser.value(of: "1,234,567.25") == 1_234_567.25)
        #expect(NumberParser.value(of: "12,34") == nil)  // not a thousands separator: the number ends at 12
    }

    @Test("years, bare counts and lone numerals are not quantities")
    func notQuantities() throws {
        for s in ["包钢成立于1954年。", "It launched 10 new steel products in 2025.", "一个企业", "两国签署协议",
                  // Large counts are counts: a multiplier is no unit.
                  "The city has 1.2 million people.", "就业人数达20万人。", "全国有2万家企业。", "數百家廠商參展。",
                  // One-letter unit symbols keep their case: 5G is a network, 20M no length.
                  "5G网络覆盖全市。", "The 5G rollout was delayed.", "Shares rose to 20M.",
                  // Cents only after digits (八仙 is the Eight Immortals); shares are counted, not measured.
                  "八仙过海，各显神通。", "他增持了3000股。", "The Rand Corporation published it.",
                  // A space before a group that is not three digits, or after four, joins nothing.
                  "Team 7 won 3 games."] {
            let (text, result) = try tag(s)
            let q = result.entities.filter { $0.type == .quantity }
            #expect(q.isEmpty, "\(s): \(q.map(text.text(of:)))")
        }
    }

    @Test("a range is two mentions, the first ending at its number or its own unit, both carrying min and max; no inverted span")
    func rangesAreTwoMentions() throws {
        for (sentence, first, second, lo, hi) in [
            ("Growth of 20–30% is expected.", "20", "30%", 20.0, 30.0),
            ("Growth of 20% to 30% is expected.", "20%", "30%", 20, 30),
            ("Toughness rises 18 to 22 percent.", "18", "22 percent", 18, 22),
            ("新增5~8万吨产能。", "5", "8万吨", 5e4, 8e4),
            ("每吨55万元至57万元。", "每吨55万元", "57万元", 55e4, 57e4),
            // A currency written once before the first number.
            ("Oxide sold at RMB 540,000–560,000 per tonne.", "RMB 540,000", "560,000 per tonne", 54e4, 56e4),
            ("It fetched $5-8 a kilogram.", "$5", "8 a kilogram", 5, 8),
        ] {
            let (text, result) = try tag(sentence)
            let q = result.entities.filter { $0.type == .quantity }
            #expect(q.map { text.text(of: $0) } == [first, second], "\(sentence)")
            #expect(q.allSatisfy { $0.quantity?.min == lo && $0.quantity?.max == hi }, "\(sentence)")
        }
        // The second side without a unit of its own is no second mention, and nothing inverts.
        let (text, result) = try tag("Usage falls from about 4% to 1.2–1.5% of magnet weight.")
        let q = result.entities.filter { $0.type == .quantity }
        #expect(q.allSatisfy { $0.start < $0.end && $0.utf16Start < $0.utf16End }, "\(q.map { text.text(of: $0) })")
        #expect(q.map { text.text(of: $0) }.contains("1.5%"))
    }
}
