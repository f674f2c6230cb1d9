import Foundation

/// A user other than the one running the tests, by numeric uid (and a group of the same
/// number), which needs no entry in /etc/passwd. Commands run as it through `setpriv`, which
/// only root may use to become another user: the tests run as root, as CI runs them.
struct OtherUser: Sendable, CustomStringConvertible {
    let uid: uid_t

    /// The user who owns the store and writes it: a cron job, say.
    static let owner = OtherUser(uid: 4101)
    /// A user who may only read it: a person or a monitoring job.
    static let reader = OtherUser(uid: 4102)

    static let setpriv = URL(filePath: "/usr/bin/setpriv")

    var gid: gid_t { gid_t(uid) }

    var description: String { "uid \(uid)" }

    /// The arguments of `setpriv` that run `executable arguments…` as this user, in this
    /// user's group only.
    func setprivArguments(_ executable: URL, _ arguments: [String]) -> [String] {
        ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--", executable.path] + arguments
    }

    // MARK: - Whether tests can become other users

    /// Why commands cannot run as other users here; nil when they can.
    static let unavailability: String? = {
        if geteuid() != 0 { return "the tests run as uid \(geteuid()), and only root can run commands as other users" }
        if !FileManager.default.isExecutableFile(atPath: setpriv.path) { return "there is no \(setpriv.path) to run commands as other users" }
        return nil
    }()

    /// Under CI these tests must run: a CI that cannot become other users fails them loudly
    /// instead of skipping them.
    static let testsRun = unavailability == nil || ProcessInfo.processInfo.environment["CI"] == "true"

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Throws, saying why, when commands cannot run as other users.
    static func requireAvailable() throws {
        if let unavailability { throw Unavailable(description: "cannot test readers who are other users: \(unavailability)") }
    }

    // MARK: - Reaching the files

    struct Unreachable: Error, CustomStringConvertible {
        let description: String
    }

    /// What a user does with a file: each needs some of the permission bits for others.
    enum Access: String {
        case search, read, run

        var bits: mode_t {
            switch self {
            case .search: S_IXOTH
            case .read: S_IROTH
            case .run: S_IROTH | S_IXOTH
            }
        }
    }

    /// Fails unless every user may search each directory on the way to `path`, and `access`
    /// `path` itself, by the permission bits for others. A test whose other users cannot run
    /// the built commands would otherwise fail for the wrong reason.
    static func requireEveryoneMay(_ access: Access, _ path: String) throws {
        var directory = URL(filePath: path).deletingLastPathComponent()
        while true {
            try requireOthersMay(.search, directory.path)
            guard directory.path != "/" else { break }
            directory = directory.deletingLastPathComponent()
        }
        try requireOthersMay(access, path)
    }

    private static func requireOthersMay(_ access: Access, _ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Unreachable(description: "cannot stat \(path): errno \(errno)") }
        guard info.st_mode & access.bits == access.bits else {
            throw Unreachable(description: "other users may not \(access.rawValue) \(path) (mode \(String(info.st_mode & 0o7777, radix: 8)))")
        }
    }
}
