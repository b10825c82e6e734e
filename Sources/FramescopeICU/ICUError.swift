import CICUShim

/// An ICU call failed. Carries ICU's numeric status so a bug report can name the exact cause.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    public let operation: String
    public let status: Int32

    public init(_ operation: String, status: Int32) {
        self.operation = operation
        self.status = status
    }

    public var description: String { "ICU \(operation) failed with status \(status)" }

    static let bufferOverflow: Int32 = 15

    @inline(__always)
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if fs_failure(status) != 0 { throw ICUError(operation(), status: status) }
    }
}

/// Facts about the ICU library linked in; reported in `run.json` for reproducibility.
public enum ICU {
    public static var version: String { String(cString: fs_icu_version()) }
}
