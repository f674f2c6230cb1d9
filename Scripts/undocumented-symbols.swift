// Lists the public symbols that a module declares without a doc comment, from the symbol graph
// files `swift build -emit-symbol-graph` wrote for it, and exits 1 if there is any: docc builds
// a page for such a symbol without a word, and does not warn.
//
// Usage: swift Scripts/undocumented-symbols.swift MODULE.symbols.json [MODULE@Other.symbols.json ...]
//
// Symbols the compiler made up (a RawRepresentable enum's `init(rawValue:)`, `hashValue`) have
// no source location and are left out: there is no place to write their comment.
import Foundation

var undocumented: [(file: String, line: Int, name: String)] = []
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path),
          let graph = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let symbols = graph["symbols"] as? [[String: Any]]
    else {
        FileHandle.standardError.write(Data("error: \(path) is not a symbol graph\n".utf8))
        exit(2)
    }
    for symbol in symbols {
        guard let location = symbol["location"] as? [String: Any], symbol["docComment"] == nil else { continue }
        let name = (symbol["pathComponents"] as? [String])?.joined(separator: ".") ?? "?"
        let uri = (location["uri"] as? String).flatMap { URL(string: $0)?.path } ?? "?"
        let line = ((location["position"] as? [String: Any])?["line"] as? Int).map { $0 + 1 } ?? 0
        undocumented.append((uri, line, name))
    }
}
for symbol in undocumented.sorted(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
    print("\(symbol.file):\(symbol.line): error: public symbol \(symbol.name) has no doc comment")
}
exit(undocumented.isEmpty ? 0 : 1)
