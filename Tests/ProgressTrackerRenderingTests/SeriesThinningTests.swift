import Foundation
import ProgressTracking
@testable import ProgressTrackerRendering
import Testing

@Suite struct SeriesThinningTests {
    /// 10,000 points rising slowly, with a spike, a dip and some points to keep.
    private func longSeries() -> [SeriesPoint] {
        (0..<10_000).map { index in
            let value = switch index {
            case 4_321: 99.0  // a spike: one sample far above its neighbours
            case 7_654: -5.0  // a dip
            default: Double(index) / 200
            }
            return SeriesPoint(time: Double(index), value: value, keep: index % 1_111 == 0)
        }
    }

    @Test func keepsEveryMarkedPointAndEachColumnsExtremes() {
        let points = longSeries()
        let kept = SeriesThinning.kept(points, columns: 100) { Int($0 / 100) }
        #expect(kept.count <= 4 * 100 + 10)
        #expect(kept == kept.sorted())
        #expect(Set(kept).count == kept.count)
        for index in points.indices where points[index].keep {
            #expect(kept.contains(index), "marked point \(index)")
        }
        #expect(kept.contains(4_321))
        #expect(kept.contains(7_654))
        // The first and last of the line, which its ends are drawn from.
        #expect(kept.first == 0)
        #expect(kept.last == points.count - 1)
        // Each column keeps its lowest and highest.
        for column in 0..<100 {
            let inColumn = Array(column * 100..<(column + 1) * 100)
            let values = inColumn.map { points[$0].value }
            let keptValues = kept.filter { inColumn.contains($0) }.map { points[$0].value }
            #expect(keptValues.min() == values.min())
            #expect(keptValues.max() == values.max())
        }
    }

    @Test func aTrackersLineKeepsEveryLifecycleEvent() {
        var track = TrackerTrack(name: "rows", index: 0)
        var kinds: [HistoryEvent.Kind] = [.created, .started]
        kinds += (0..<20_000).map { $0 == 5_000 ? .resumed : $0 == 9_000 ? .totalChanged : $0 == 12_000 ? .currentSet : .progress }
        kinds.append(.completed)
        var count = 0
        for (second, kind) in kinds.enumerated() {
            count = kind == .currentSet ? count / 2 : kind == .resumed ? count : count + 1
            let event = HistoryEvent(set: "s", tracker: "rows", kind: kind, at: Date(timeIntervalSince1970: Double(second)), current: count, total: 30_000)
            track.append(event, at: Double(second))
        }
        let points = ProgressSeries.of(track)
        let kept = Set(SeriesThinning.kept(points, columns: 50) { Int($0 / 400) }.map { points[$0].time })
        for (second, kind) in kinds.enumerated() where kind != .progress {
            #expect(kept.contains(Double(second)), "\(kind) at \(second)")
        }
        #expect(kept.count < 300)
    }

    @Test func aShortLineIsDrawnWhole() {
        let points = (0..<40).map { SeriesPoint(time: Double($0), value: Double($0 % 7), keep: false) }
        #expect(SeriesThinning.kept(points, columns: 10) { Int($0) } == Array(0..<40))
    }

    @Test func theEdgesOfDowntimeAreKept() {
        let points = (0..<10).map { SeriesPoint(time: Double($0), value: Double($0), keep: false) }
        let downtime = Downtime(start: 3.5, end: 6, cause: .interrupted, isExact: true)
        let marked = SeriesThinning.keepingEdges(of: [downtime], in: points)
        #expect(marked.indices.filter { marked[$0].keep } == [3, 6])
    }
}
