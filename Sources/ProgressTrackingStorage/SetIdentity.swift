/// A stored tracker set's identity: its row id and a random token that no set created later
/// shares, even one that gets the same id after a rolled-back transaction. Every storage call
/// on the set checks both, so a handle never reaches another set.
package struct SetIdentity: Hashable, Sendable {
    package let id: Int64
    package let token: Int64

    package init(id: Int64, token: Int64) {
        self.id = id
        self.token = token
    }
}
