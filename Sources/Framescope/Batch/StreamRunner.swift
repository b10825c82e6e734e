import Foundation

/// `annotate --stdin-jsonl`: documents as JSON lines in, one annotation JSON line per document
/// out, in input order, so Spark's `RDD.pipe`, Hadoop streaming or any job runner can drive it.
/// A line that cannot be annotated gives a `framescope.error/1` line in its place, so output
/// lines always match input lines.
public struct StreamRunner: Sendable {
    public let lexicons: Lexicons
    public let jobs: Int
    public let framing: FramingOptions

    /// A folder whose `manifest.csv`/`manifest.tsv` applies to the documents, as the corpus
    /// root's does in a folder run (nil: no manifest).
    public let corpusRoot: String?

    public init(lexicons: Lexicons, jobs: Int, framing: FramingOptions = .init(), corpusRoot: String? = nil) {
        self.lexicons = lexicons
        self.jobs = jobs
        self.framing = framing
        self.corpusRoot = corpusRoot
    }

    /// Reads lines from `input` (file descriptor) and calls `emit` with each output line, in
    /// order. Returns the number of failed lines.
    public func run(input: Int32, emit: @escaping @Sendable ([UInt8]) -> Void) throws -> Int {
        var reader = try DocumentLoader(corpusRoot: corpusRoot ?? "/nonexistent-framescope-stdin")
        reader.streamRoot = corpusRoot
        let loader = reader
        let context = DocumentJSON.Context(toolVersion: FramescopeVersion.string, lexiconHash: lexicons.hash,
                                           settingsHash: framing.settingsHash)
        let queue = WorkQueue<(Int, [UInt8])?>(capacity: jobs * 4)
        // Reorder buffer: results wait until every earlier line has been emitted.
        struct Order {
            var next = 1
            var pending: [Int: [UInt8]] = [:]
            var failed = 0
            /// Holds a finished line until every earlier one is out, then emits what is ready.
            mutating func deliver(_ number: Int, _ line: [UInt8], _ emit: ([UInt8]) -> Void) {
                pending[number] = line
                while let ready = pending.removeValue(forKey: next) { emit(ready); next += 1 }
            }
        }
        let order = Locked(Order())
        let group = DispatchGroup()
        let matcher = CombinedMatcher(lexicons: lexicons)  // one for all workers
        for _ in 0..<max(1, jobs) {
            group.enter()
            let lexicons = self.lexicons, framing = self.framing
            Thread {
                defer { group.leave() }
                guard let annotator = try? Annotator(lexicons: lexicons, framing: framing, matcher: matcher) else { return }
                while let item = queue.pop(), let (number, bytes) = item {
                    var line: [UInt8]
                    var failed = false
                    switch loader.load(streamLine: bytes[...], line: number) {
                    case .success(let source):
                        var json = JSONWriter(indent: 0)
                        DocumentJSON.write(annotator.annotate(source), context: context, into: &json)
                        line = json.bytes
                    case .failure(let e):
                        var json = JSONWriter(indent: 0)
                        json.beginObject(); json.field("schema", "framescope.error/1"); json.field("line", number)
                        // The corpus file too: a stdin line number means little in a Spark part.
                        if e.file != "stdin" { json.field("file", e.file) }
                        json.field("error", e.reason); json.endObject()
                        line = json.bytes
                        failed = true
                    }
                    line.append(0x0A)
                    order.withLock { o in
                        if failed { o.failed += 1 }
                        o.deliver(number, line, emit)
                    }
                }
            }.start()
        }
        let handle = FileHandle(fileDescriptor: input, closeOnDealloc: false)
        var pending: [UInt8] = []
        var number = 0
        func push(_ line: ArraySlice<UInt8>) {
            number += 1
            var l = line
            if l.last == 0x0D { l = l.dropLast() }
            if l.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                // Blank input lines give blank output lines, keeping the two aligned.
                order.withLock { $0.deliver(number, [0x0A], emit) }
                return
            }
            queue.push((number, Array(l)))
        }
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = 0
            while let nl = pending[start...].firstIndex(of: 0x0A) { push(pending[start..<nl]); start = nl + 1 }
            pending.removeSubrange(0..<start)
        }
        if !pending.isEmpty { push(pending[...]) }
        queue.close()
        group.wait()
        return order.withLock { $0.failed }
    }
}
