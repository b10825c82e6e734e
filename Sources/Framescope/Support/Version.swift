/// The tool version, written into every `run.json` so results can be traced to the code.
public enum FramescopeVersion {
    public static let string = "0.1.0"
}
