import Synchronization

/// One SQL statement of a storage layer, declared once (a `static let` beside the Swift that
/// binds and reads it), which every connection prepares on first use and keeps.
///
/// Each statement gets a slot number when it is declared, so that a connection finds its
/// prepared copy by index, not by hashing the text, on every call of the hot path.
package final class SQL: Sendable {
    package let text: String
    let slot: Int

    private static let nextSlot = Atomic<Int>(0)

    package init(_ text: String) {
        self.text = text
        slot = Self.nextSlot.add(1, ordering: .relaxed).oldValue
    }
}
