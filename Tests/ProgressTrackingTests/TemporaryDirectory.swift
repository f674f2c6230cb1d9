import Foundation

/// A directory of its own for one test, removed when the test lets go of it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ProgressTrackingTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of a file named `name` in the directory (the file is not created).
    func path(_ name: String = "progress.sqlite") -> String {
        url.appendingPathComponent(name).path
    }
}
