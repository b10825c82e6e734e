/// The JSON form of an entity, shared by every writer so the contract lives in one place.
public enum EntityJSON {
    public static func write(_ e: Entity, text: DocumentText, into json: inout JSONWriter) {
        json.beginObject()
        json.field("start", e.start)
        json.field("end", e.end)
        json.key("text"); json.string(utf16: text.utf16[e.utf16Start..<e.utf16End])
        json.field("type", e.type.rawValue)
        json.field("source", e.source.rawValue)
        if let id = e.id { json.field("id", id) }
        if let c = e.canonical { json.field("canonical", c) }
        if let q = e.quantity {
            json.field("value", q.value)
            json.field("unit", q.unit)
            json.field("dimension", q.dimension)
            if let b = q.baseValue { json.field("base_value", b) }
            if let m = q.multiplier { json.field("multiplier", m) }
            if q.approx { json.field("approx", true) }
            if let lo = q.min { json.field("min", lo) }
            if let hi = q.max { json.field("max", hi) }
        }
        json.endObject()
    }
}
