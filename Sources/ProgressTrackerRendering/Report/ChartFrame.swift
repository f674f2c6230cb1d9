#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// What the report's three charts draw alike around their data: the time grid and its
/// labels, the downtime (bands where it is left out, shading where it is kept), and the
/// vertical lines of interruptions, resumes and pauses.
struct ChartFrame {
    let chronology: RunChronology
    let scale: ReportTimeScale
    /// The plot's vertical extent.
    let top: Double
    let bottom: Double

    /// The opening tag of a chart `height` high, of class `chart chart-<kind>`, which
    /// assistive technology reads as an image named `label`.
    static func open(_ kind: String, height: Double, label: String) -> String {
        "<svg class=\"chart chart-\(kind)\" viewBox=\"0 0 \(SVGNumber.text(ReportGeometry.width)) \(SVGNumber.text(height))\""
            + " role=\"img\" aria-label=\"\(label)\">"
    }

    /// Horizontal grid lines across the plot at each tick's y, labelled on its left.
    static func valueGrid(_ ticks: [(y: Double, label: String)]) -> String {
        var lines = ""
        var labels = ""
        for tick in ticks {
            let y = SVGNumber.text(tick.y)
            lines += "<line x1=\"\(SVGNumber.text(ReportGeometry.plotLeft))\" x2=\"\(SVGNumber.text(ReportGeometry.plotRight))\" y1=\"\(y)\" y2=\"\(y)\"/>"
            labels += "<text x=\"\(SVGNumber.text(ReportGeometry.plotLeft - 8))\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">\(tick.label)</text>"
        }
        return "<g class=\"grid grid-value\">\(lines)</g><g class=\"value-labels\">\(labels)</g>"
    }

    /// Vertical grid lines at the scale's ticks, labelled at `labelY`.
    func timeGrid(labelY: Double) -> String {
        var lines = ""
        var labels = ""
        for tick in scale.ticks(about: 10, minimumGap: 56) {
            let x = SVGNumber.text(tick.x)
            lines += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(SVGNumber.text(top))\" y2=\"\(SVGNumber.text(bottom))\"/>"
            labels += "<text x=\"\(x)\" y=\"\(SVGNumber.text(labelY))\" text-anchor=\"middle\">\(tick.label)</text>"
        }
        return "<g class=\"grid grid-time\">\(lines)</g><g class=\"tick-labels\">\(labels)</g>"
    }

    /// The downtime: a hatched band for each stretch left out, labelled with its length
    /// above the plot when `labelled`, and a lighter shade over each stretch kept in place.
    func downtimes(labelled: Bool) -> String {
        var svg = "<g class=\"downtimes\">"
        let height = SVGNumber.text(bottom - top)
        for band in scale.bands {
            svg += "<rect class=\"downtime downtime-omitted\" x=\"\(SVGNumber.text(band.x))\" y=\"\(SVGNumber.text(top))\""
                + " width=\"\(SVGNumber.text(scale.bandWidth))\" height=\"\(height)\">"
                + "<title>\(Self.describe(band.downtime)), left out of the time axis</title></rect>"
            if labelled {
                svg += "<text class=\"downtime-label\" x=\"\(SVGNumber.text(band.x + scale.bandWidth / 2))\" y=\"\(SVGNumber.text(top - 12))\""
                    + " text-anchor=\"middle\">\(Self.label(band.downtime))</text>"
            }
        }
        let omitted = scale.bands.map(\.downtime)
        for downtime in chronology.downtimes where !omitted.contains(downtime) {
            let x = scale.x(downtime.start)
            svg += "<rect class=\"downtime downtime-kept\" x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(top))\""
                + " width=\"\(SVGNumber.text(max(scale.x(downtime.end) - x, 1)))\" height=\"\(height)\">"
                + "<title>\(Self.describe(downtime))</title></rect>"
        }
        return svg + "</g>"
    }

    /// A vertical line per interruption, resume, pause and cancel, with its moment in a tooltip;
    /// a resume's line has a head above the plot.
    func markers() -> String {
        var svg = "<g class=\"markers\">"
        for marker in chronology.markers {
            let x = SVGNumber.text(scale.x(marker.time))
            svg += "<line class=\"marker marker-\(marker.kind.rawValue)\" x1=\"\(x)\" x2=\"\(x)\""
                + " y1=\"\(SVGNumber.text(top))\" y2=\"\(SVGNumber.text(bottom))\"><title>\(Self.describe(marker))</title></line>"
            if marker.kind == .resumed {
                svg += "<path class=\"marker-head\" d=\"M\(x) \(SVGNumber.text(top))l-4.5 -7h9z\"/>"
            }
        }
        return svg + "</g>"
    }

    /// A band's label: `down 1.9s`, `paused 5m 2s`; `down ≤1.9s` when the run may have
    /// worked unsampled for part of it.
    static func label(_ downtime: Downtime) -> String {
        let length = (downtime.isExact ? "" : "≤") + DurationText.of(downtime.duration)
        return switch downtime.cause {
        case .interrupted: "down \(length)"
        case .paused: "paused \(length)"
        case .cancelled: "cancelled \(length)"
        }
    }

    /// A downtime in a sentence, for its tooltip.
    private static func describe(_ downtime: Downtime) -> String {
        let what = switch downtime.cause {
        case .interrupted: "No run working"
        case .paused: "Paused"
        case .cancelled: "Cancelled"
        }
        let estimate = downtime.isExact ? "" : " (at most: the run may have worked unsampled after its last recorded event)"
        return "\(what) for \(DurationText.of(downtime.duration))\(estimate), \(time(downtime.start)) to \(time(downtime.end))"
    }

    /// A marker in a sentence, for its tooltip; tracker names escaped and cut.
    private static func describe(_ marker: RunMarker) -> String {
        let what = switch marker.kind {
        case .interrupted: "Interrupted: the run's last change"
        case .resumed where marker.trackers.isEmpty: "The set resumed"
        case .resumed:
            "A later run resumed " + marker.trackers.prefix(8).map { HTMLText.value($0, width: ReportGeometry.labelColumns) }
                .joined(separator: ", ") + (marker.trackers.count > 8 ? " and \(marker.trackers.count - 8) more" : "")
        case .paused: "The set was paused"
        case .cancelled: "The set was cancelled"
        }
        return "\(what) at \(time(marker.time))"
    }

    static func time(_ seconds: Double) -> String {
        LocalTime.of(Date(timeIntervalSince1970: seconds))
    }
}
