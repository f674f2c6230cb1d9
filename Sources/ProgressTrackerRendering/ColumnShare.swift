/// How a table shares the columns its fixed columns leave among columns of other people's
/// text (names, keys, reasons), any of which may be long.
///
/// The rule, a fair share: a column that needs no more than an equal share of what is left
/// gets all it needs, and the longer ones split the rest equally; so one very long value cuts
/// only its own column. No column is given less than `minimum` (or what it needs, if less), so
/// on a narrow terminal the widths may add up to more than the room, and the table cuts the
/// line (`Truncation`) instead.
package enum ColumnShare {
    /// The width of each column, in the order of `needed`, the columns each needs.
    /// - Complexity: O(n log n) in the number of columns.
    package static func widths(needed: [Int], room: Int, minimum: Int) -> [Int] {
        var widths = needed
        var left = room
        let narrowestFirst = needed.indices.sorted { needed[$0] < needed[$1] }
        for (position, column) in narrowestFirst.enumerated() {
            let share = left / (narrowestFirst.count - position)
            widths[column] = max(min(needed[column], share), min(needed[column], minimum))
            left -= widths[column]
        }
        return widths
    }
}
