import Foundation

/// Runs this executable as workers (see `Worker`) and collects what they print.
enum ChildProcesses {
    static let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()

    /// Starts one worker per argument list at once, waits for all, and returns each one's output lines.
    static func run(_ argumentLists: [[String]]) throws -> [[String]] {
        let children = try argumentLists.map { arguments in
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--worker"] + arguments
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            return (process, output)
        }
        return try children.map { process, output in
            // Read before waiting: a worker blocks once the pipe is full.
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw BenchError("worker \(process.arguments ?? []) exited with status \(process.terminationStatus)")
            }
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }
}
