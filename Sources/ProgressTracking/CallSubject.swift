/// What a call was about, so that its error names the set or tracker.
enum CallSubject {
    case store
    case set(String)
    case tracker(String, set: String)

    var setName: String {
        switch self {
        case .store: "?"
        case let .set(name), let .tracker(_, name): name
        }
    }

    var trackerName: String {
        if case let .tracker(name, _) = self { name } else { "?" }
    }
}
