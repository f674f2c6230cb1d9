import Foundation
import Testing

/// A pseudo-terminal for a command to run on, as on a user's terminal: the test reads what
/// the command prints, types keys (Ctrl-C), and changes the terminal's size.
final class PseudoTerminal {
    /// The controlling side, which the test reads and writes.
    private let controller: Int32
    /// The terminal device, until a command gets it as its standard input, output and error.
    private var device: FileHandle?
    private var received = Data()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(columns: Int, rows: Int) throws {
        var controller: Int32 = -1
        var device: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &device, nil, nil, &size) == 0 else { throw Failure(description: "openpty: errno \(errno)") }
        self.controller = controller
        self.device = FileHandle(fileDescriptor: device, closeOnDealloc: true)
    }

    deinit {
        close(controller)
    }

    /// Starts `process` with the terminal as its standard input, output and error. From then on
    /// only the process holds the device, so reading ends when it exits.
    func run(_ process: Process) throws {
        guard let device else { throw Failure(description: "the terminal already runs a command") }
        process.standardInput = device
        process.standardOutput = device
        process.standardError = device
        try process.run()
        try device.close()
        self.device = nil
    }

    /// Sets the terminal's size, as a user dragging the window's edge does.
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    }

    /// Types `keys` on the terminal ("\u{3}" is Ctrl-C).
    func type(_ keys: String) {
        _ = Array(keys.utf8).withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
    }

    /// Everything the command printed so far, with the terminal's "\r\n" read as "\n".
    var text: String {
        String(decoding: received, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Reads until `isComplete` holds for `text`, or until every process closed the terminal.
    /// Waits for output, never for a time: a minute without any fails the test rather than hang it.
    @discardableResult
    func read(until isComplete: (String) -> Bool = { _ in false }) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !isComplete(text) {
            var ready = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 60_000) > 0 else { throw Failure(description: "no output for a minute; so far: \(text.debugDescription)") }
            let count = Foundation.read(controller, &buffer, buffer.count)
            guard count > 0 else { break }  // EIO: the command and everything it started closed the terminal
            received.append(contentsOf: buffer[..<count])
        }
        return text
    }
}
