import Foundation
import Testing

/// Every Swift code block of the documentation (the README, the articles of
/// `ProgressTracking.docc`, the library's doc comments) is a region of
/// `DocumentationExampleTests` that runs, so that no example shows code that does not compile
/// or does not do what its text says; and every region is quoted somewhere, so that none is left
/// behind when a document changes.
@Suite struct DocumentationCodeTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A block that shows a package manifest, which has no place in a test: its first line.
    static let manifestMarker = "// Package.swift"

    @Test func everySwiftBlockIsAnExampleThatRunsAndEveryExampleIsShown() throws {
        let regions = try Self.exampleRegions()
        #expect(regions.count >= 8)
        var quoted = Set<String>()
        for (document, blocks) in try Self.documents().mapValues(Self.swiftBlocks).sorted(by: { $0.key < $1.key }) {
            for block in blocks where !block.hasPrefix(Self.manifestMarker) {
                quoted.insert(block)
                if !regions.contains(block) {
                    Issue.record("\(document): this Swift block is not a region of DocumentationExampleTests:\n\(block)")
                }
            }
        }
        for region in regions.subtracting(quoted).sorted() {
            Issue.record("no document shows this region of DocumentationExampleTests:\n\(region)")
        }
    }

    @Test func manifestSnippetsNameTheLibraryProduct() throws {
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains(#".library(name: "ProgressTracking", targets: ["ProgressTracking"])"#))
        let snippets = try Self.documents().values.flatMap(Self.swiftBlocks).filter { $0.hasPrefix(Self.manifestMarker) }
        #expect(!snippets.isEmpty)
        for snippet in snippets {
            #expect(snippet.contains(#".product(name: "ProgressTracking", package: "ProgressTracking")"#), "\(snippet)")
        }
    }

    // MARK: - Reading the documents

    /// Each document's Markdown, by its path from the package root: a doc comment counts as
    /// Markdown once its `///` is taken off.
    static func documents() throws -> [String: String] {
        var documents = ["README.md": try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)]
        let library = "Sources/ProgressTracking"
        for file in try files(in: "\(library)/ProgressTracking.docc", ending: ".md") {
            documents[file] = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        }
        for file in try files(in: library, ending: ".swift") {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            documents[file] = source.split(separator: "\n", omittingEmptySubsequences: false)
                .compactMap { line -> String? in
                    let text = line.drop { $0 == " " }
                    guard text.hasPrefix("///") else { return nil }
                    let comment = text.dropFirst(3)
                    return String(comment.hasPrefix(" ") ? comment.dropFirst() : comment)
                }
                .joined(separator: "\n")
        }
        return documents
    }

    static func files(in folder: String, ending suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    /// The fenced code blocks of `markdown` whose language is Swift, normalized.
    static func swiftBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var block: [Substring]?
        var fence = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.drop { $0 == " " }
            if var lines = block {
                if text == fence {
                    blocks.append(normalized(lines))
                    block = nil
                } else {
                    lines.append(line)
                    block = lines
                }
            } else if text.hasPrefix("```") {
                fence = String(text.prefix { $0 == "`" })
                if text.dropFirst(fence.count).trimmingCharacters(in: .whitespaces) == "swift" { block = [] }
            }
        }
        return blocks
    }

    // MARK: - Reading the examples

    static let beginMarker = "// documentation example begins"
    static let endMarker = "// documentation example ends"

    /// The regions of `DocumentationExampleTests` between the markers, normalized.
    static func exampleRegions() throws -> Set<String> {
        let url = root.appendingPathComponent("Tests/ProgressTrackingTests/DocumentationExampleTests.swift")
        var regions = Set<String>()
        var region: [Substring]?
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text == beginMarker {
                region = []
            } else if text == endMarker, let lines = region {
                regions.insert(normalized(lines))
                region = nil
            } else {
                region?.append(line)
            }
        }
        return regions
    }

    /// The lines without the indentation they all share, without blank lines at either end,
    /// and without `import` lines (a test file has its imports at the top, not in a function).
    static func normalized(_ lines: [Substring]) -> String {
        var lines = lines.filter { !$0.hasPrefix("import ") }
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
}
