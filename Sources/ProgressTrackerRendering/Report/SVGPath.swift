/// SVG path data, written short: coordinates to a tenth of a pixel, without a trailing ".0",
/// which is all a screen or a printer resolves and keeps a thinned line of a few hundred
/// points to a few kilobytes.
struct SVGPath {
    private(set) var data = ""

    var isEmpty: Bool { data.isEmpty }

    mutating func move(to x: Double, _ y: Double) {
        data += "M" + SVGNumber.text(x) + " " + SVGNumber.text(y)
    }

    mutating func line(to x: Double, _ y: Double) {
        data += "L" + SVGNumber.text(x) + " " + SVGNumber.text(y)
    }

    mutating func horizontal(to x: Double) {
        data += "H" + SVGNumber.text(x)
    }

    mutating func vertical(to y: Double) {
        data += "V" + SVGNumber.text(y)
    }
}

/// A number in SVG: to a tenth, `12`, `12.5`, `-0.3`; 0 for what is not finite, and at most
/// a billion either way.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let value = min(max(value, -1e9), 1e9)
        let tenths = Int((abs(value) * 10).rounded())
        let sign = value < 0 && tenths > 0 ? "-" : ""
        return tenths % 10 == 0 ? "\(sign)\(tenths / 10)" : "\(sign)\(tenths / 10).\(tenths % 10)"
    }
}
