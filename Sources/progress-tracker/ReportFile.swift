internal import Foundation
internal import ProgressTrackerRendering

/// Where `report --output` writes: whole or not at all, and never over a file that is not a
/// report.
///
/// The rules: an existing file is replaced only if it is a report this command made (its
/// head has `RunReport.generatorMark`), so that a mistyped path cannot destroy someone's
/// page or data; anything else is refused, and stays as it was. The page is written to a new
/// temporary file beside the target, flushed to disk, and renamed over it: a reader, or a
/// crash, sees the old file or the new one, never a part.
struct ReportFile {
    let path: String

    /// Bytes of an existing file read to find the mark: the page's head puts it well before.
    private static let headLength = 1_024

    enum Refusal: Error, CustomStringConvertible {
        case directory(path: String)
        case notAReport(path: String)
        case cannotWrite(path: String, reason: String)

        var description: String {
            switch self {
            case let .directory(path):
                "--output \(path) is a directory: give the report's file name"
            case let .notAReport(path):
                "\(path) exists and is not a report made by progress-tracker: remove it or give another --output"
            case let .cannotWrite(path, reason):
                "cannot write the report to \(path): \(reason)"
            }
        }
    }

    /// Writes `html` to the file, replacing a report made earlier.
    /// - Throws: `Refusal`: the path is a directory, an existing file that is not a report,
    ///   or a place that cannot be written (the message gives the system's reason).
    func write(_ html: String) throws {
        try checkReplaceable()
        let url = URL(filePath: path)
        let temporary = url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Refusal.cannotWrite(path: path, reason: Self.systemError()) }
        var written = false
        defer { if !written { unlink(temporary) } }
        do {
            try Self.writeAll(Array(html.utf8), to: descriptor)
        } catch {
            close(descriptor)
            throw Refusal.cannotWrite(path: path, reason: "\(error)")
        }
        // Flushed before the rename, so that the name never points at a file not yet on disk.
        let synced = fsync(descriptor) == 0 ? nil : Self.systemError()
        close(descriptor)
        if let synced { throw Refusal.cannotWrite(path: path, reason: synced) }
        guard rename(temporary, path) == 0 else { throw Refusal.cannotWrite(path: path, reason: Self.systemError()) }
        written = true
    }

    private func checkReplaceable() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw Refusal.directory(path: path) }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw Refusal.cannotWrite(path: path, reason: "it exists and cannot be read, to tell whether it is a report")
        }
        defer { try? file.close() }
        let head = (try? file.read(upToCount: Self.headLength)) ?? Data()
        guard String(decoding: head, as: UTF8.self).contains(RunReport.generatorMark) else {
            throw Refusal.notAReport(path: path)
        }
    }

    private struct WriteFailure: Error, CustomStringConvertible {
        let description: String
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(description: systemError())
            }
            offset += count
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
