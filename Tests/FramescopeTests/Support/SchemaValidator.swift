import Foundation

/// Validates JSON values against the subset of JSON Schema (2020-12) that Framescope's schema
/// uses: type (with unions), const, enum, required, properties, additionalProperties (bool or
/// schema), items, minimum, maximum, minLength, pattern. Hand-written because no package on the
/// offline list validates JSON Schema; unknown keywords make validation fail loudly rather than
/// pass silently.
struct SchemaValidator {
    let schema: [String: Any]
    static let known: Set<String> = ["$schema", "$id", "title", "description", "type", "const", "enum", "required", "properties",
                                     "additionalProperties", "items", "minimum", "maximum", "minLength", "pattern"]

    func validate(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, schema, path: "$", errors: &errors)
        return errors
    }

    private func typeName(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let n = v as? NSNumber {
            if String(cString: n.objCType) == "c" { return "boolean" }  // JSONSerialization's booleans
            return n.doubleValue == n.doubleValue.rounded() && !"\(n)".contains(".") ? "integer" : "number"
        }
        if v is String { return "string" }
        if v is [Any] { return "array" }
        if v is [String: Any] { return "object" }
        return "unknown"
    }

    private func check(_ v: Any, _ s: [String: Any], path: String, errors: inout [String]) {
        for k in s.keys where !Self.known.contains(k) { errors.append("\(path): schema keyword '\(k)' is not supported by the test validator") }
        if let t = s["type"] {
            let allowed = (t as? [String]) ?? [(t as? String) ?? ""]
            let actual = typeName(v)
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok { errors.append("\(path): expected \(allowed.joined(separator: "|")), found \(actual)"); return }
        }
        if let c = s["const"] as? String, (v as? String) != c { errors.append("\(path): expected const '\(c)'") }
        if let e = s["enum"] as? [String], !(v is String && e.contains(v as! String)) { errors.append("\(path): '\(v)' not in \(e)") }
        if let n = v as? NSNumber, typeName(v) != "boolean" {
            if let min = (s["minimum"] as? NSNumber)?.doubleValue, n.doubleValue < min - 1e-12 { errors.append("\(path): \(n) < minimum \(min)") }
            if let max = (s["maximum"] as? NSNumber)?.doubleValue, n.doubleValue > max + 1e-12 { errors.append("\(path): \(n) > maximum \(max)") }
        }
        if let str = v as? String {
            if let minLength = s["minLength"] as? Int, str.count < minLength { errors.append("\(path): shorter than \(minLength)") }
            if let pattern = s["pattern"] as? String, str.range(of: pattern, options: .regularExpression) == nil { errors.append("\(path): does not match \(pattern)") }
        }
        if let object = v as? [String: Any] {
            for r in (s["required"] as? [String]) ?? [] where object[r] == nil { errors.append("\(path): missing '\(r)'") }
            let properties = (s["properties"] as? [String: Any]) ?? [:]
            for (k, value) in object {
                if let sub = properties[k] as? [String: Any] {
                    check(value, sub, path: "\(path).\(k)", errors: &errors)
                } else if let extra = s["additionalProperties"] {
                    if let allowed = extra as? Bool, !allowed { errors.append("\(path): unexpected property '\(k)'") }
                    if let sub = extra as? [String: Any] { check(value, sub, path: "\(path).\(k)", errors: &errors) }
                }
            }
        }
        if let array = v as? [Any], let items = s["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { check(item, items, path: "\(path)[\(i)]", errors: &errors) }
        }
    }
}

/// Where `swift build` put the framescope executable (beside the test bundle).
enum Executable {
    static var framescope: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // The xctest bundle may be a directory inside the build folder.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("framescope").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Repository.path(".build/debug/framescope")
    }

    /// Runs framescope with arguments (and optional stdin), returning exit code, stdout, stderr.
    /// `environment` changes the inherited environment: a value sets a variable, nil removes it.
    static func run(_ arguments: [String], stdin: Data? = nil, cwd: String? = nil,
                    environment: [String: String?] = [:]) throws -> (code: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: framescope)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (name, value) in environment { env[name] = value }
            p.environment = env
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

/// A fresh temporary folder.
func temporaryFolder(_ name: String) throws -> String {
    let path = TestScratch.path(name)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func jsonObject(_ path: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
}

/// Every file under a folder, relative paths, sorted.
func files(under root: String) -> [String] {
    (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isDir)
        return !isDir.boolValue
    }.sorted()
}
