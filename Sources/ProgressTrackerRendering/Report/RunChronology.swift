#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
internal import ProgressTracking

/// A set's run, reconstructed from its history and its status: each tracker's states over
/// time, when runs stopped and later runs resumed them, and when the set was paused.
///
/// How interruptions are found. A later run opening a tracker records `resumed` for it; the
/// trackers a new run opens one after the other (nothing counted between) are one resume.
/// A resume that opens every tracker that was counting (started, not complete) is a new run;
/// one that opens only some of them is a run opening a tracker late, while others work on.
///
/// Where an interrupted run really ended, the history alone cannot say: it samples counts at
/// most once per sample interval, and the run may have counted for a while after its last
/// sample. The store's timing tells it: on resume, a tracker's active time leaves out the
/// time since its last change, so for a tracker resumed once, its total downtime
/// (`completedAt ?? updatedAt` − `startedAt` − `elapsed`, less the set's pauses) is exactly
/// the time from its last change to the resume. Its count then was its count at the resume:
/// the chronology adds that state (`TrackPoint.Kind.runEnd`), and the interruption starts at
/// the latest change it knows of. A tracker resumed more than once keeps only the sum, so
/// its interruptions start at its last recorded event instead (`Downtime.isExact` false).
struct RunChronology {
    /// One run of the set: from its start, or a later run's resume, to its last change.
    struct Run: Equatable {
        var start: Double
        var end: Double
    }

    /// The trackers in order of their first event (creation order), removed ones included.
    private(set) var tracks: [TrackerTrack] = []
    /// Every tracker state in time order, run ends included: `(track index, state)`.
    private(set) var sequence: [(track: Int, point: TrackPoint)] = []
    /// The stretches without work, in time order, overlapping ones joined.
    private(set) var downtimes: [Downtime] = []
    /// Interruptions, resumes, pauses and cancels, in time order.
    private(set) var markers: [RunMarker] = []
    /// The runs, in time order; one when the set was never interrupted.
    private(set) var runs: [Run] = []
    /// The first and last event (Unix seconds); equal when there is at most one.
    private(set) var start: Double = 0
    private(set) var end: Double = 0

    /// Whether the history has no event of a tracker: nothing to draw.
    var isEmpty: Bool { sequence.isEmpty }

    /// The interruptions: downtime between runs, not pauses.
    var interruptions: [Downtime] { downtimes.filter { $0.cause == .interrupted } }

    /// A resume: trackers that a later run opened one after the other.
    private struct Resume {
        let time: Double
        /// The time of the last event before it, if any.
        let lastBefore: Double?
        /// The trackers counting when it began (started, not complete, not removed).
        let counting: Set<Int>
        /// The trackers it opened, and when.
        var opened: [(track: Int, time: Double)]
    }

    /// A stretch in which the set was paused or cancelled.
    private struct Halt {
        let start: Double
        let end: Double
        let cause: Downtime.Cause
        /// When its workers stopped: the last change after the pause, else the pause itself.
        let quietFrom: Double
    }

    /// Reconstructs the run; `status` gives each current tracker's timing (see above).
    /// - Complexity: O(n + t) in the history's events and the trackers, with one pass over
    ///   the events; O(t) more for each resume.
    init(history: [HistoryEvent], status: TrackerSetStatus) {
        var resumes: [Resume] = []
        var halts: [Halt] = []
        readEvents(history, status: status, resumes: &resumes, halts: &halts)
        guard !sequence.isEmpty else { return }
        let runEnds = addRunEnds(halts: halts)
        addLatestStates()
        findDowntimes(resumes: resumes, halts: halts, runEnds: runEnds)
        start = sequence.first!.point.time
        end = sequence.map(\.point.time).max()!
        var runStarts = [start]
        var runEndTimes: [Double] = []
        for interruption in interruptions {
            runEndTimes.append(interruption.start)
            runStarts.append(interruption.end)
        }
        runEndTimes.append(end)
        runs = zip(runStarts, runEndTimes).map { Run(start: $0, end: $1) }
    }

    // MARK: - Reading the history

    private mutating func readEvents(_ history: [HistoryEvent], status: TrackerSetStatus, resumes: inout [Resume], halts: inout [Halt]) {
        var indexByName: [String: Int] = [:]
        var resumeIsOpen = false
        var previousTime: Double?
        var lastTrackerChange: Double?
        var halt: (start: Double, cause: Downtime.Cause)?
        sequence.reserveCapacity(history.count)

        for event in history {
            let time = event.at.timeIntervalSince1970
            defer { previousTime = time }
            guard let name = event.tracker else {
                resumeIsOpen = false
                switch event.kind {
                case .paused, .cancelled:
                    let cause: Downtime.Cause = event.kind == .paused ? .paused : .cancelled
                    markers.append(RunMarker(time: time, kind: cause == .paused ? .paused : .cancelled))
                    if halt == nil { halt = (time, cause) }
                case .resumed:
                    markers.append(RunMarker(time: time, kind: .resumed))
                    if let open = halt {
                        // Workers finish the batch they are in after a pause: the set is quiet
                        // from their last change on.
                        let quietFrom = min(max(open.start, lastTrackerChange ?? open.start), time)
                        halts.append(Halt(start: open.start, end: time, cause: open.cause, quietFrom: quietFrom))
                        halt = nil
                    }
                default: break
                }
                continue
            }
            let index: Int
            if let known = indexByName[name] {
                index = known
            } else {
                index = tracks.count
                indexByName[name] = index
                var track = TrackerTrack(name: name, index: index)
                track.status = status.trackers[name]
                tracks.append(track)
            }
            switch event.kind {
            case .resumed:
                if resumeIsOpen {
                    resumes[resumes.count - 1].opened.append((index, time))
                } else {
                    resumes.append(Resume(time: time, lastBefore: previousTime, counting: countingTrackers(), opened: [(index, time)]))
                    resumeIsOpen = true
                }
            case .totalChanged, .created:
                break  // a run opening its trackers may give them new totals, or create new ones
            default:
                resumeIsOpen = false
            }
            tracks[index].append(event, at: time)
            sequence.append((index, tracks[index].points.last!))
            if event.kind != .resumed { lastTrackerChange = time }
        }
    }

    /// The trackers counting now: started, not complete, not removed.
    private func countingTrackers() -> Set<Int> {
        Set(tracks.indices.filter { index in
            let track = tracks[index]
            guard track.startedAt != nil, track.removedAt == nil, let last = track.points.last else { return false }
            return !last.isComplete
        })
    }

    // MARK: - Where interrupted runs ended

    /// Adds each run end that the store's timing tells (see the type's comment) to its
    /// tracker's states and to the sequence; returns them by tracker and resume time.
    private mutating func addRunEnds(halts: [Halt]) -> [Int: (resume: Double, end: Double)] {
        var runEnds: [Int: (resume: Double, end: Double)] = [:]
        var added: [(track: Int, point: TrackPoint)] = []
        for index in tracks.indices {
            guard let (position, end) = runEnd(of: tracks[index], halts: halts) else { continue }
            let resume = tracks[index].points[position]
            runEnds[index] = (resume.time, end)
            // A run that ended at an event of the history needs no state of its own.
            guard end > tracks[index].points[position - 1].time else { continue }
            let point = TrackPoint(time: end, current: resume.current, total: resume.total, kind: .runEnd)
            tracks[index].points.insert(point, at: position)
            added.append((index, point))
        }
        mergeIntoSequence(added)
        return runEnds
    }

    /// Adds each current tracker's state now, when it differs from its last event: the
    /// history samples counts, so a run's last counts (still running, or stopped and never
    /// resumed) are known only from the status, at its last change.
    private mutating func addLatestStates() {
        var added: [(track: Int, point: TrackPoint)] = []
        for index in tracks.indices {
            guard let status = tracks[index].status, let updatedAt = status.updatedAt?.timeIntervalSince1970,
                  let last = tracks[index].points.last, tracks[index].removedAt == nil,
                  status.current != last.current || status.total != last.total
            else { continue }
            let point = TrackPoint(time: max(updatedAt, last.time), current: status.current, total: status.total, kind: .latest)
            tracks[index].points.append(point)
            added.append((index, point))
        }
        mergeIntoSequence(added)
    }

    /// Merges states into the sequence by time, after the events at the same time.
    private mutating func mergeIntoSequence(_ added: [(track: Int, point: TrackPoint)]) {
        guard !added.isEmpty else { return }
        let added = added.sorted { $0.point.time < $1.point.time }
        var merged: [(track: Int, point: TrackPoint)] = []
        merged.reserveCapacity(sequence.count + added.count)
        var next = added.startIndex
        for entry in sequence {
            while next < added.endIndex, added[next].point.time < entry.point.time {
                merged.append(added[next])
                next += 1
            }
            merged.append(entry)
        }
        merged.append(contentsOf: added[next...])
        sequence = merged
    }

    /// For a tracker that a later run resumed once while it was counting: the position of
    /// that resume in its states, and the time of its last change before it. Nil when the
    /// store's timing cannot tell (no status, several such resumes, times that disagree).
    private func runEnd(of track: TrackerTrack, halts: [Halt]) -> (position: Int, end: Double)? {
        guard let status = track.status, let startedAt = status.startedAt?.timeIntervalSince1970,
              let lastChange = (status.completedAt ?? status.updatedAt)?.timeIntervalSince1970,
              let firstStart = track.startedAt
        else { return nil }
        let resumes = track.points.indices.filter { position in
            let point = track.points[position]
            return point.kind == .event(.resumed) && point.time >= firstStart && !point.isComplete && position > 0
        }
        guard resumes.count == 1, let position = resumes.first else { return nil }
        let completedAt = status.completedAt?.timeIntervalSince1970
        // A set's resume adds its halt to every started tracker not complete by then, from
        // the pause or from the tracker's last change during it (a batch finished, a later
        // run's resume), whichever is later: the last one recorded, which is exact when the
        // history holds it (else the guard below gives up on this tracker).
        let halted = halts.reduce(0.0) { sum, halt in
            guard halt.end >= startedAt, completedAt.map({ $0 > halt.end }) ?? true else { return sum }
            let lastChange = track.points.last { $0.time >= halt.start && $0.time < halt.end }?.time
            return sum + (halt.end - max(halt.start, lastChange ?? halt.start))
        }
        let downtime = lastChange - startedAt - status.elapsed - halted
        let resume = track.points[position].time
        let previous = track.points[position - 1].time
        // Stored times round-trip through Date with about a microsecond of error; beyond
        // that, a last change before the tracker's previous event means the reads disagree.
        guard downtime.isFinite, downtime > -1e-3, resume - downtime > previous - 1e-3 else { return nil }
        return (position, min(max(resume - downtime, previous), resume))
    }

    // MARK: - Downtime

    private mutating func findDowntimes(resumes: [Resume], halts: [Halt], runEnds: [Int: (resume: Double, end: Double)]) {
        var found: [Downtime] = []
        for resume in resumes where resume.counting.isSubset(of: resume.opened.map(\.track)) {
            // A run that stopped: it ended at the latest change known before the resume.
            let exactEnds = resume.opened.filter { runEnds[$0.track]?.resume == $0.time }.map { runEnds[$0.track]!.end }
            let stopped = ([resume.lastBefore ?? resume.time] + exactEnds).max()!
            let exact = resume.counting.allSatisfy { counting in
                resume.opened.contains { $0.track == counting && runEnds[counting]?.resume == $0.time }
            }
            if resume.time > stopped {
                found.append(Downtime(start: stopped, end: resume.time, cause: .interrupted, isExact: exact))
                markers.append(RunMarker(time: stopped, kind: .interrupted))
            }
            markers.append(RunMarker(time: resume.time, kind: .resumed, trackers: resume.opened.map { tracks[$0.track].name }))
        }
        for halt in halts where halt.end > halt.quietFrom {
            found.append(Downtime(start: halt.quietFrom, end: halt.end, cause: halt.cause, isExact: true))
        }
        downtimes = Downtime.merged(found)
        markers.sort { $0.time < $1.time }
    }
}
