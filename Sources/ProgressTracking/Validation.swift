internal import ProgressTrackingStorage

/// The rules for values a caller passes in, checked before anything touches the store. Names
/// and item keys come back in the canonical form they are stored and compared in.
enum Validation {
    /// The most UTF-8 bytes a set or tracker name may have, in its canonical form.
    static let maximumNameBytes = 255
    /// The most UTF-8 bytes an item key may have, in its canonical form.
    static let maximumItemKeyBytes = 65_536
    /// The most UTF-8 bytes a failure's or a skip's reason may have.
    static let maximumReasonBytes = 4_096
    /// The most UTF-8 bytes a cursor may have.
    static let maximumCursorBytes = 65_536
    /// The positive weights accepted: a set's weights then add up to a finite sum however many
    /// trackers it has, and no weighted fraction underflows, so its overall stays exact.
    static let weightRange = 1e-18...1e18

    /// The name in canonical form (see `String.canonical`): two names Swift's `==` calls
    /// equal are one name. Not empty, at most `maximumNameBytes`, no NUL.
    static func name(_ name: String, of kind: ProgressTrackingError.NameKind) throws(ProgressTrackingError) -> String {
        let canonical = name.canonical
        let bytes = canonical.utf8.count
        guard bytes > 0 else { throw .emptyName(kind) }
        guard bytes <= maximumNameBytes else { throw .nameTooLong(kind, name: name, bytes: bytes) }
        guard !canonical.utf8.contains(0) else { throw .nullCharacter(kind.text, value: name) }
        return canonical
    }

    /// The key in canonical form: not empty, at most `maximumItemKeyBytes`, no NUL.
    static func itemKey(_ key: String) throws(ProgressTrackingError) -> String {
        let canonical = key.canonical
        let bytes = canonical.utf8.count
        guard bytes > 0 else { throw .emptyItemKey }
        guard bytes <= maximumBytes(of: .itemKey) else { throw .itemKeyTooLong(key: key, bytes: bytes) }
        guard !canonical.utf8.contains(0) else { throw .nullCharacter(.itemKey, value: key) }
        return canonical
    }

    /// A reason, kept as given: not empty, at most `maximumReasonBytes`, no NUL.
    static func reason(_ reason: String) throws(ProgressTrackingError) -> String {
        guard !reason.isEmpty else { throw .emptyText(.reason) }
        try checkText(reason, of: .reason)
        return reason
    }

    /// A cursor, kept as given (empty is a cursor too): at most `maximumCursorBytes`, no NUL.
    static func cursor(_ cursor: String?) throws(ProgressTrackingError) -> String? {
        guard let cursor else { return nil }
        try checkText(cursor, of: .cursor)
        return cursor
    }

    static func limit(_ limit: Int?) throws(ProgressTrackingError) -> Int? {
        if let limit, limit < 0 { throw .negativeLimit(limit) }
        return limit
    }

    static func maximumBytes(of kind: ProgressTrackingError.TextKind) -> Int {
        switch kind {
        case .trackerSetName, .trackerName: maximumNameBytes
        case .itemKey: maximumItemKeyBytes
        case .reason: maximumReasonBytes
        case .cursor: maximumCursorBytes
        }
    }

    private static func checkText(_ text: String, of kind: ProgressTrackingError.TextKind) throws(ProgressTrackingError) {
        let bytes = text.utf8.count
        guard bytes <= maximumBytes(of: kind) else { throw .textTooLong(kind, value: text, bytes: bytes) }
        guard !text.utf8.contains(0) else { throw .nullCharacter(kind, value: text) }
    }

    /// The arguments of `createTracker` and `openTracker`: the canonical name and the weight
    /// to store (a weight of -0 is 0).
    static func tracker(_ name: String, total: Int, weight: Double?) throws(ProgressTrackingError) -> (name: String, weight: Double?) {
        let name = try Validation.name(name, of: .tracker)
        try checkTotal(total)
        return (name, try Validation.weight(weight))
    }

    static func checkTotal(_ total: Int) throws(ProgressTrackingError) {
        guard total >= 0 else { throw .negativeTotal(total) }
    }

    /// 0, or within `weightRange`; -0 becomes 0.
    static func weight(_ weight: Double?) throws(ProgressTrackingError) -> Double? {
        guard let weight else { return nil }
        guard weight == 0 || weightRange.contains(weight) else { throw .invalidWeight(weight) }
        return weight + 0
    }
}

extension ProgressTrackingError.NameKind {
    var text: ProgressTrackingError.TextKind {
        switch self {
        case .trackerSet: .trackerSetName
        case .tracker: .trackerName
        }
    }
}
