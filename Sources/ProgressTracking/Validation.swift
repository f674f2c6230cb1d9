/// The rules for values a caller passes in, checked before anything touches the store.
enum Validation {
    static let maximumNameBytes = 255

    static func checkName(_ name: String, of kind: ProgressTrackingError.NameKind) throws(ProgressTrackingError) {
        let bytes = name.utf8.count
        guard bytes > 0 else { throw .emptyName(kind) }
        guard bytes <= maximumNameBytes else { throw .nameTooLong(kind, name: name, bytes: bytes) }
    }

    /// The arguments of `createTracker` and `openTracker`.
    static func checkTracker(_ name: String, total: Int, weight: Double?) throws(ProgressTrackingError) {
        try checkName(name, of: .tracker)
        try checkTotal(total)
        try checkWeight(weight)
    }

    static func checkTotal(_ total: Int) throws(ProgressTrackingError) {
        guard total >= 0 else { throw .negativeTotal(total) }
    }

    static func checkWeight(_ weight: Double?) throws(ProgressTrackingError) {
        guard let weight else { return }
        guard weight.isFinite, weight >= 0 else { throw .invalidWeight(weight) }
    }
}
