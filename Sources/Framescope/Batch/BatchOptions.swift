/// Output formats. The reference documents are always written: one JSON file each (`json`,
/// the default) or, with `jsonl`, as lines of a few large files under `documents-full/`
/// instead. `brat` and `html` add per-document files beside either.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, jsonl, brat, html
}

/// A deterministic 1/N of a corpus by a hash of each document id, so job arrays can split it.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    /// FNV-1a over the id's UTF-8: stable across runs, machines and Swift versions.
    public func contains(id: String) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
        return Int(h % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

public struct BatchOptions: Sendable {
    public var corpus: String
    public var output: String
    public var formats: Set<OutputFormat> = [.json]
    public var jobs: Int
    public var shard: Shard?
    public var force = false
    /// The scoring settings, with any calibration already applied.
    public var framing = FramingOptions()
    /// The calibration file applied to `framing` (`annotate --calibration`), for run.json.
    public var calibration: CalibrationProvenance?
    /// Documents in flight per worker (bounds memory whatever the corpus size).
    public var queueDepthPerJob = 8
    /// With `--format jsonl`: a part file under `documents-full/` takes lines until the next one
    /// would take it past this size (a longer line gets a part of its own).
    public var fullPartBytes = 256 << 20

    /// Whether the full documents go to JSON-lines parts instead of one file each.
    public var writesFullLines: Bool { formats.contains(.jsonl) }

    public init(corpus: String, output: String, jobs: Int) {
        self.corpus = corpus
        self.output = output
        self.jobs = jobs
    }
}

/// A document that could not be annotated, as listed in `run.json`.
public struct Failure: Sendable, Hashable {
    public let file: String
    public let line: Int?
    public let reason: String
}

/// What a run did, written to `run.json`.
public struct RunReport: Sendable {
    public var annotated = 0
    public var skippedUnchanged = 0
    public var failures: [Failure] = []
    public var bytes = 0
    /// Bytes the decoder could not decode (each became U+FFFD), per document id; only documents
    /// with some are listed. Skipped-as-unchanged documents count with their earlier figure.
    public var replacedBytes: [String: Int] = [:]
    public var seconds = 0.0
    public var startupSeconds = 0.0
}

/// Progress for a terminal display.
public struct BatchProgress: Sendable {
    public let done: Int
    public let total: Int?
    public let elapsed: Double
}
