import Foundation

/// A worker (see `Worker`) that runs beside a measurement, such as another process holding the
/// write lock or watching the set: it says "ready" on stdout once in place, and ends when its
/// stdin closes. Waiting for that line, not for some time, is what makes the setup sure.
final class BackgroundWorker {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    /// Starts `progress-bench --worker ARGUMENTS…` and returns once it is ready.
    init(_ arguments: [String]) throws {
        process.executableURL = ChildProcesses.executable
        process.arguments = ["--worker"] + arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = firstLine()
        guard line == "ready" else {
            process.terminate()
            process.waitUntilExit()
            throw BenchError("worker \(arguments) said \(line.debugDescription) instead of ready")
        }
    }

    /// Reads up to the first newline, byte by byte: reading more could swallow later output.
    private func firstLine() -> String? {
        var bytes: [UInt8] = []
        while let byte = try? output.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// Closes its stdin, waits for it to exit, and returns the lines it printed after "ready".
    func stop() throws -> [String] {
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("worker \(process.arguments ?? []) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
