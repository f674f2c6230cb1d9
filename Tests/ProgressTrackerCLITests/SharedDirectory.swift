import Foundation

/// A directory in a `CLI`'s own where users share a store, with the owner and mode a test
/// gives it, set explicitly rather than left to the umask.
struct SharedDirectory {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let path: String

    /// Where the store lives in it (the file is not created).
    var storePath: String { path + "/progress.sqlite" }

    /// Creates `name` in the CLI's directory, owned by `owner` (root if nil), with `mode`
    /// (0o755, or 0o1777 as /tmp has). The CLI's directory, made with the umask's mode, is
    /// opened to every user's search, and the path to it must be searchable already.
    init(in cli: CLI, named name: String = "shared", owner: OtherUser?, mode: mode_t) throws {
        try Self.check(chmod(cli.directory.path, 0o755), "chmod \(cli.directory.path)")
        path = cli.directory.appending(path: name).path
        try Self.check(mkdir(path, 0o700), "mkdir \(path)")
        try Self.check(chown(path, owner?.uid ?? 0, owner?.gid ?? 0), "chown \(path)")
        try Self.check(chmod(path, mode), "chmod \(path)")
        try OtherUser.requireEveryoneMay(.search, path)
    }

    /// Each file in the directory, by name, with the uid of its owner.
    func owners() throws -> [String: uid_t] {
        var owners: [String: uid_t] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            var info = stat()
            try Self.check(lstat(path + "/" + name, &info), "stat \(name)")
            owners[name] = info.st_uid
        }
        return owners
    }

    /// Removes the store's log and shared-memory index, as if a writer that predates
    /// persistent logs had written it, or the file had been copied alone.
    func removeLogFiles(_ suffixes: [String] = ["-wal", "-shm"]) throws {
        for suffix in suffixes {
            try FileManager.default.removeItem(atPath: storePath + suffix)
        }
    }

    /// Copies the store file alone, without its log files, into `directory`, owned by `owner`
    /// with mode 0o644, as `cp` run by that user would leave it.
    func copyStore(to directory: SharedDirectory, owner: OtherUser) throws {
        try FileManager.default.copyItem(atPath: storePath, toPath: directory.storePath)
        try Self.check(chown(directory.storePath, owner.uid, owner.gid), "chown \(directory.storePath)")
        try Self.check(chmod(directory.storePath, 0o644), "chmod \(directory.storePath)")
    }

    private static func check(_ result: Int32, _ call: String) throws {
        guard result == 0 else { throw Failure(description: "\(call) failed: errno \(errno)") }
    }
}
