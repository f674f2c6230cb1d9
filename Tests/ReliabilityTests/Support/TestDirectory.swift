import Foundation

/// A directory of one test's own, with the store file's path; removed with the value.
final class TestDirectory {
    let url: URL
    /// Where the test's store lives (the file is not created).
    let storePath: String

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ReliabilityTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        storePath = url.appendingPathComponent("store.sqlite").path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The store file's bytes, to show that a refused file was left alone.
    func storeBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: storePath))
    }
}
