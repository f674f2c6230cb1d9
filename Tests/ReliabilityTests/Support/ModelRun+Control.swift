import ProgressTracking

/// `ModelRun`'s calls that pause, resume and cancel the set, and read its state. Pauses and
/// resumes come often enough that many counts land in a paused or cancelled set.
extension ModelRun {
    mutating func controlCall(at now: Double) throws {
        let target: ControlState
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<7: target = .paused
        case 7..<14: target = .running
        case 14..<17: target = .cancelled
        default:
            call += "set.controlState"
            try expectSame(.success(model.state)) { try set.controlState }
            return
        }
        let request = switch target {
        case .running: "resume"
        case .paused: "pause"
        case .cancelled: "cancel"
        }
        call += "set.\(request)()"
        try expectSame(.success(predict { $0.changeControl(to: target, at: now) })) {
            switch target {
            case .running: try set.resume()
            case .paused: try set.pause()
            case .cancelled: try set.cancel()
            }
        }
    }
}
