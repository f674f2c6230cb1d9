/// A stored tracker's identity: its row id and a random token that no tracker created later
/// shares; see `SetIdentity`.
package struct TrackerIdentity: Hashable, Sendable {
    package let id: Int64
    package let token: Int64

    package init(id: Int64, token: Int64) {
        self.id = id
        self.token = token
    }
}
