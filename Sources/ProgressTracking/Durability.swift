/// How much a committed write survives.
public enum Durability: Sendable, Equatable {
    /// Survives a killed or crashed process; the last commits may be lost on power loss
    /// (WAL with `synchronous = NORMAL`). The default, and several times faster than `.full`.
    case normal
    /// Also survives power loss and operating-system crashes: every commit waits for the
    /// disk (WAL with `synchronous = FULL`).
    case full
}
