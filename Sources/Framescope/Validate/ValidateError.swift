/// What can go wrong reading the inputs of `framescope validate` or a calibration file: each case
/// names the file (and the line, where there is one) and says what to do.
public enum ValidateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A file that cannot be read at all.
    case unreadable(path: String, reason: String)
    /// A problem in the CODES file, at a line (1-based, the line where the record starts).
    case codes(path: String, line: Int, message: String)
    /// A problem in the annotations (documents.jsonl), at a line when there is one.
    case annotations(path: String, line: Int?, message: String)
    /// A calibration file that cannot be used.
    case calibration(path: String, message: String)
    /// Options that cannot work together with the data (for example more folds than documents).
    case options(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .codes(let path, let line, let message): return "\(path):\(line): \(message)"
        case .annotations(let path, let line, let message): return "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
        case .calibration(let path, let message): return "\(path): \(message)"
        case .options(let message): return message
        }
    }
}
