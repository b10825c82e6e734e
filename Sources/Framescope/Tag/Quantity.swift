/// The value of a quantity mention, with everything a user needs to compare amounts across
/// languages: `1750万吨`, `17.5 million tonnes` and `17,500 kt` all have `base_value` 17,500,000 t.
public struct Quantity: Sendable, Hashable {
    /// The number as written, multipliers applied (`1750万` → 17,500,000), with its sign (`-40℃` → −40);
    /// for a range written as one mention (`3至5万吨`), the lower bound; for each of the two mentions
    /// of a range with a unit on each side (`20% to 30%`), its own number.
    public var value: Double
    /// Canonical unit symbol (`t`, `km/h`, `%`, `CNY`, `t/year`), nil for a bare big number.
    public var unit: String?
    /// `mass`, `speed`, `percent`, `currency_cny`, ..., `number` for a bare number, `a/b` for rates.
    public var dimension: String
    /// `value` in the dimension's base unit (tonnes, km/h, W, one unit of currency, ...).
    public var baseValue: Double?
    /// The multiplier word's value (万 = 1e4, 亿 = 1e8, million = 1e6), when one was used.
    public var multiplier: Double?
    /// "over", "about", 约, 超过, 数百: the amount is not exact.
    public var approx: Bool
    public var min: Double?
    public var max: Double?

    public init(value: Double, unit: String?, dimension: String, baseValue: Double?, multiplier: Double? = nil,
                approx: Bool = false, min: Double? = nil, max: Double? = nil) {
        self.value = value
        self.unit = unit
        self.dimension = dimension
        self.baseValue = baseValue
        self.multiplier = multiplier
        self.approx = approx
        self.min = min
        self.max = max
    }
}

/// A parsed number: its value, where it ends, and what shaped it.
public struct ParsedNumber: Sendable, Equatable {
    public var value: Double
    /// Folded index just after the number.
    public var end: Int
    public var multiplier: Double?
    /// Set for vague amounts such as 数百万 (several million): the range it stands for.
    public var vague: ClosedRange<Double>?
    public var hasArabicDigits: Bool
    public var chineseNumerals: Int
}
