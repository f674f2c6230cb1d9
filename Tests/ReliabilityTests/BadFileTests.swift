import Foundation
import ProgressTracking
import Testing

/// A path that cannot hold a store, or a file that is not one, gets a clear typed error, and
/// the file is left byte for byte as it was.
@Suite struct BadFileTests {
    @Test func randomBytesAreNotADatabaseAndStayUntouched() throws {
        var random = SeededGenerator(for: "randomBytesAreNotADatabaseAndStayUntouched")
        let directory = try TestDirectory()
        // 1 byte is the size SQLite alone would write a store over.
        for size in [1, 100, 4_096, 10_000] {
            let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
            try bytes.write(to: URL(fileURLWithPath: directory.storePath))
            #expect(throws: ProgressTrackingError.notADatabase(path: directory.storePath), "\(size) bytes, seed \(random.seed)") {
                try ProgressStore(path: directory.storePath)
            }
            #expect(try directory.storeBytes() == bytes)
        }
    }

    /// SQLite alone would take a 1-byte file for an empty database and write a store over it.
    @Test func oneByteFileIsNotADatabaseAndStaysUntouched() throws {
        let directory = try TestDirectory()
        let newline = Data("\n".utf8)
        try newline.write(to: URL(fileURLWithPath: directory.storePath))
        #expect(throws: ProgressTrackingError.notADatabase(path: directory.storePath)) {
            try ProgressStore(path: directory.storePath)
        }
        #expect(try directory.storeBytes() == newline)
    }

    @Test func truncatedDatabaseIsReportedDamagedAndStaysUntouched() throws {
        let directory = try TestDirectory()
        let path = directory.storePath
        do {
            let tracker = try ProgressStore(path: path).trackerSet(named: "work").createTracker("items", total: 3_000)
            for key in 0..<3_000 { try tracker.increment(item: "item-\(key)") }
        }
        let whole = try directory.storeBytes()
        let truncated = whole.prefix(whole.count / 2)
        try truncated.write(to: URL(fileURLWithPath: path))

        #expect(throws: ProgressTrackingError.corrupt(path: path)) {
            // Opening may find it, or the first read.
            _ = try ProgressStore(path: path).getTrackerSet(named: "work")?.getStatus()
        }
        #expect(throws: ProgressTrackingError.corrupt(path: path)) {
            _ = try ProgressStore(path: path, readOnly: true).getTrackerSet(named: "work")?.getStatus()
        }
        #expect(try directory.storeBytes() == truncated)
    }

    @Test func directoryAsPathCannotBeOpened() throws {
        let directory = try TestDirectory()
        #expect(expectCannotOpen(directory.url.path) == "it is a directory")
    }

    @Test func pathInAMissingDirectoryCannotBeOpenedAndCreatesNothing() throws {
        let directory = try TestDirectory()
        let missing = directory.url.appendingPathComponent("missing")
        expectCannotOpen(missing.appendingPathComponent("store.sqlite").path)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    /// Expects `.cannotOpen` naming `path`, read-write and read-only alike; returns the reason.
    @discardableResult
    private func expectCannotOpen(_ path: String) -> String? {
        let reasons = [false, true].map { readOnly in
            let error = #expect(throws: ProgressTrackingError.self) { try ProgressStore(path: path, readOnly: readOnly) }
            guard let error, case let .cannotOpen(reportedPath, reason) = error else {
                Issue.record("expected cannotOpen, got \(String(describing: error))")
                return nil as String?
            }
            #expect(reportedPath == path)
            #expect(error.description == "cannot open \(path): \(reason)")
            return reason
        }
        #expect(reasons[0] == reasons[1])
        return reasons[0]
    }
}
