/// Maps times to x across a chart of a run, leaving long downtime out: each stretch without
/// work that takes more than `omittedShare` of the run becomes a band `bandWidth` wide,
/// whatever its length, and the axis counts the time that is left. Shorter downtime keeps
/// its place and is only shaded. Every chart of a report uses the same scale, so that one x
/// is one moment in all of them.
struct ReportTimeScale {
    /// A stretch of downtime left out, and where its band begins.
    struct Band: Equatable {
        var downtime: Downtime
        var x: Double
        /// The axis seconds at which it sits.
        var axisSeconds: Double
    }

    /// A downtime at least this share of the run is left out.
    static let omittedShare = 0.02
    private static let widestBand = 40.0

    let left: Double
    let width: Double
    let start: Double
    let end: Double
    let bandWidth: Double
    /// The downtime left out, in time order.
    private(set) var bands: [Band] = []
    /// Pixels per second of the time left.
    private(set) var pixelsPerSecond: Double = 0
    /// The seconds the axis covers: the run without the downtime left out.
    private(set) var axisLength: Double = 0

    /// The scale of a chart whose plot spans `left` to `left + width`.
    init(_ chronology: RunChronology, left: Double, width: Double) {
        self.left = left
        self.width = width
        start = chronology.start
        end = chronology.end
        let span = end - start
        let omitted = chronology.downtimes.filter { span > 0 && $0.duration >= Self.omittedShare * span }
        bandWidth = omitted.isEmpty ? 0 : min(Self.widestBand, 0.3 * width / Double(omitted.count))
        let removed = omitted.reduce(0) { $0 + $1.duration }
        // A run whose events all share one instant still gets a width, so nothing divides by 0.
        axisLength = max(span - removed, 1e-3)
        pixelsPerSecond = (width - Double(omitted.count) * bandWidth) / axisLength
        var removedBefore = 0.0
        for (index, downtime) in omitted.enumerated() {
            let axisSeconds = downtime.start - start - removedBefore
            bands.append(Band(downtime: downtime, x: left + axisSeconds * pixelsPerSecond + Double(index) * bandWidth, axisSeconds: axisSeconds))
            removedBefore += downtime.duration
        }
    }

    /// The x of `time`, clamped to the run; a time inside a band is placed across it in proportion.
    /// - Complexity: O(log b) in the bands.
    func x(_ time: Double) -> Double {
        let time = min(max(time, start), end)
        // The bands that end at or before `time`.
        var low = 0
        var high = bands.count
        while low < high {
            let middle = (low + high) / 2
            if bands[middle].downtime.end <= time { low = middle + 1 } else { high = middle }
        }
        if low < bands.count, bands[low].downtime.start < time {
            let band = bands[low]
            return band.x + (time - band.downtime.start) / band.downtime.duration * bandWidth
        }
        guard low > 0 else { return left + (time - start) * pixelsPerSecond }
        let previous = bands[low - 1]
        return previous.x + bandWidth + (time - previous.downtime.end) * pixelsPerSecond
    }

    /// Where the axis has a tick, and its label: active time since the first event, at a
    /// round step that gives about `count` ticks, none closer than `minimumGap` pixels.
    func ticks(about count: Int, minimumGap: Double) -> [(x: Double, label: String)] {
        let step = Self.steps.first { $0 * Double(count) >= axisLength } ?? Self.steps.last!
        var ticks: [(x: Double, label: String)] = []
        var seconds = 0.0
        var index = 0
        while seconds <= axisLength * (1 + 1e-9) {
            let bandsBefore = bands.prefix { $0.axisSeconds < seconds }.count
            let x = left + seconds * pixelsPerSecond + Double(bandsBefore) * bandWidth
            if ticks.last.map({ x - $0.x >= minimumGap }) ?? true {
                ticks.append((x, AxisTimeText.of(seconds)))
            }
            index += 1
            seconds = Double(index) * step
        }
        return ticks
    }

    /// Round steps, in seconds.
    private static let steps: [Double] = {
        var steps: [Double] = []
        var decade = 0.001
        while decade < 10 {
            steps += [decade, 2 * decade, 5 * decade]
            decade *= 10
        }
        let minute = 60.0
        let hour = 3600.0
        let day = 86_400.0
        steps += [10, 15, 30, minute, 2 * minute, 5 * minute, 10 * minute, 15 * minute, 30 * minute]
        steps += [hour, 2 * hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day, 28 * day, 91 * day, 365 * day]
        return steps
    }()
}

/// A tick's time on a report's axis, short: `0`, `250ms`, `1.5s`, `45s`, `2m`, `2m 30s`, `1h`,
/// `1h 30m`, `3d`.
enum AxisTimeText {
    static func of(_ seconds: Double) -> String {
        if seconds <= 0 { return "0" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 {
            let tenths = Int((seconds * 10).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10)s" : "\(tenths / 10).\(tenths % 10)s"
        }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return compound(whole / 60, "m", whole % 60, "s") }
        if whole < 86_400 { return compound(whole / 3600, "h", whole / 60 % 60, "m") }
        return compound(whole / 86_400, "d", whole / 3600 % 24, "h")
    }

    private static func compound(_ major: Int, _ majorUnit: String, _ minor: Int, _ minorUnit: String) -> String {
        minor == 0 ? "\(major)\(majorUnit)" : "\(major)\(majorUnit) \(minor)\(minorUnit)"
    }
}
