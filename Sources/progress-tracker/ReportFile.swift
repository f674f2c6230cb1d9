#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
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
        let temporary = Self.temporaryPath(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Refusal.cannotWrite(path: path, reason: Self.systemError()) }
        var written = false
        defer { if !written { unlink(temporary) } }
        do {
            try DescriptorOutput.writeAll(Array(html.utf8), to: descriptor)
        } catch {
            close(descriptor)
            throw Refusal.cannotWrite(path: path, reason: error.description)
        }
        // Flushed before the rename, so that the name never points at a file not yet on disk.
        let synced = fsync(descriptor) == 0 ? nil : Self.systemError()
        close(descriptor)
        if let synced { throw Refusal.cannotWrite(path: path, reason: synced) }
        guard rename(temporary, path) == 0 else { throw Refusal.cannotWrite(path: path, reason: Self.systemError()) }
        written = true
    }

    private func checkReplaceable() throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR { throw Refusal.directory(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Refusal.cannotWrite(path: path, reason: "it exists and cannot be read, to tell whether it is a report")
        }
        defer { close(descriptor) }
        guard String(decoding: Self.head(of: descriptor), as: UTF8.self).contains(RunReport.generatorMark) else {
            throw Refusal.notAReport(path: path)
        }
    }

    /// Up to `headLength` bytes from the start of the file: fewer only at its end, or when it
    /// cannot be read (which makes it no report).
    private static func head(of descriptor: Int32) -> [UInt8] {
        var head = [UInt8](repeating: 0, count: headLength)
        var count = 0
        while count < headLength {
            let got = head[count...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            count += got
        }
        return Array(head.prefix(count))
    }

    /// `DIRECTORY/.NAME.PID.RANDOM.tmp` beside `path`: in the same directory, so that the
    /// rename stays on one file system, and hidden.
    private static func temporaryPath(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
