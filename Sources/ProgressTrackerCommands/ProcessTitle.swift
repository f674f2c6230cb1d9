/// What other users see of this process's command line (`ps`, `/proc/PID/cmdline`): the
/// arguments as the kernel keeps them, in the process's own memory. A password in a
/// `--db postgresql://user:password@…` argument is overwritten there, as `mysql -p` does,
/// once the arguments are read: it was visible from the start of the process until then,
/// which is why `~/.pgpass` or `$PGPASSWORD` remain the way to keep it out of sight.
enum ProcessTitle {
    /// Returns the arguments, then overwrites every password in the process's copy of them
    /// with `*`s of the same length (the memory cannot grow).
    static func argumentsHidingPasswords() -> [String] {
        // Read first: `CommandLine.arguments` is copied from this memory on first use.
        let arguments = CommandLine.arguments
        guard let stores = InstalledServerStores.current else { return arguments }
        for (index, argument) in arguments.enumerated() {
            let hidden = stores.hidingPasswords(in: argument)
            guard hidden != argument, let memory = CommandLine.unsafeArgv[index] else { continue }
            for (offset, byte) in hidden.utf8.enumerated() { memory[offset] = CChar(bitPattern: byte) }
        }
        return arguments
    }
}
