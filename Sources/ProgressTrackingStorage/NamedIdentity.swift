/// A stored set or tracker with its name, as listings return them.
package struct NamedIdentity<Identity: Hashable & Sendable>: Sendable {
    package var identity: Identity
    package var name: String

    package init(_ identity: Identity, name: String) {
        self.identity = identity
        self.name = name
    }
}
