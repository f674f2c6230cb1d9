/// A change to a tracker's count or total, as the storage applies it in SQL (a count is
/// added with `current = current + amount`, never read, changed and written back).
package enum CountChange: Sendable, Equatable {
    case add(Int)
    case assign(Int)
    case total(Int)
}
