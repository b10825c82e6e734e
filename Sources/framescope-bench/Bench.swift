import ArgumentParser
import Foundation
import Framescope

/// Benchmarks that are measurements, not tests: segmentation quality on SIGHAN 2005 and
/// (later) throughput. Run them with a release build.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framescope-bench",
        abstract: "Measure Framescope (release build): segmentation quality and throughput.",
        subcommands: [Segmentation.self, Entities.self, FramingEval.self, Throughput.self, SimplifiedTable.self, UnicodeTables.self]
    )
}
