import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

@Suite struct StatusJSONTests {
    private static let time = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func stateFailedAndSkippedAreAlwaysThere() throws {
        let status = TrackerSetStatus(
            trackers: ["rows": TrackerStatus(current: 1, total: 2, percent: 50)], overall: 50, order: ["rows"]
        )
        #expect(try StatusJSON.of(status) == #"""
            {"failed":0,"order":["rows"],"overall":50,"skipped":0,"state":"running","trackers":{"rows":{"current":1,"failed":0,"percent":50,"skipped":0,"total":2}}}
            """#)
    }

    @Test func theLibrarysValuesAreKept() throws {
        let status = TrackerSetStatus(
            trackers: [
                "a\u{1B}[2J": TrackerStatus(current: 3, total: 7, percent: 300.0 / 7, failed: 2, skipped: 1, cursor: "page \u{9B}3"),
                "big": TrackerStatus(current: .max, total: .max, percent: 100),
            ],
            overall: 99.99999999999999, order: ["a\u{1B}[2J", "big"], state: .paused, failed: 2, skipped: 1,
            startedAt: Self.time, updatedAt: Self.time + 1, elapsed: 0.3668355941772461, rate: .nan, eta: 1e300
        )
        let json = try StatusJSON.of(status)
        #expect(json.contains(#""state":"paused""#))
        #expect(json.contains(#""cursor":"page \u009b3""#))
        #expect(json.contains(#""overall":99.99999999999999"#))
        #expect(json.contains(#""elapsed":0.3668355941772461"#))
        #expect(json.contains(#""rate":"NaN""#))
        #expect(json.contains(#""current":9223372036854775807"#))
        #expect(!json.unicodeScalars.contains(where: TerminalEscape.isUnsafe))
        // Read back, it is the same status: nothing was lost or changed.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let decoded = try decoder.decode(TrackerSetStatus.self, from: Data(json.utf8))
        #expect(decoded.trackers == status.trackers)
        #expect(decoded.overall == status.overall && decoded.order == status.order && decoded.state == .paused)
        #expect(decoded.eta == 1e300 && decoded.rate?.isNaN == true && decoded.elapsed == status.elapsed)
    }

    @Test func everyKeyOfTheLibrarysEncodingIsWrittenAsTheLibraryWroteIt() throws {
        var generator = SeededGenerator(seed: 8)
        let numbers = PercentTextTests.specialValues
        for _ in 0..<200 {
            let names = RandomText.samples(3, seed: generator.next(), maxPieces: 4).enumerated().map { "\($1)\($0)" }
            let trackers = names.map { _ in
                TrackerStatus(
                    current: Int.random(in: 0...Int.max, using: &generator), total: 5, percent: numbers.randomElement(using: &generator)!,
                    failed: Int.random(in: 0...2, using: &generator), rate: numbers.randomElement(using: &generator)
                )
            }
            let status = TrackerSetStatus(
                trackers: Dictionary(zip(names, trackers)) { $1 }, overall: numbers.randomElement(using: &generator)!, order: names,
                state: ControlState.allCases.randomElement(using: &generator)!, updatedAt: Self.time, elapsed: 1.0 / 3
            )
            let library = try JSONText.of(status)
            let ours = try StatusJSON.of(status)
            // Each "key":value of the library's text stands in ours as it is.
            for pair in library.split(separator: ",") where !pair.contains("{") && !pair.contains("}") && !pair.contains("[") {
                #expect(ours.contains(pair), "\(pair) in \(ours)")
            }
            #expect(ours.contains(#""state":"\#(status.state.rawValue)""#))
        }
    }
}
