import Foundation

/// The migrations in one of `Migrations/`' folders, as each storage embeds them: for the test
/// that the embedded copy is the folder's (`Scripts/embed-migrations` writes it).
package enum MigrationFiles {
    /// The files `NNNN_name.sql` of `Migrations/<folder>`, in order: each one's version, name
    /// and text without its last newline.
    package static func read(_ folder: String) throws -> [(version: Int, name: String, sql: String)] {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Migrations").appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
        return try files.map { file in
            let stem = file.dropLast(".sql".count)
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            return (
                version: Int(stem.prefix(while: \.isNumber)) ?? -1,
                name: String(stem.drop(while: { $0 != "_" }).dropFirst()),
                sql: text.hasSuffix("\n") ? String(text.dropLast()) : text
            )
        }
    }
}
