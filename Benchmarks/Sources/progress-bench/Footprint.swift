import Foundation

/// The rows that report bytes: peak memory over many increments, and disk per tracker and per item key.
struct Footprint {
    let options: Options
    let directory: URL

    /// Peak resident memory of a worker process after 1,000,000 increments (in transactions of
    /// 1,000). `growth_bytes` is that peak less the peak of another worker after 100,000:
    /// what 900,000 more increments cost.
    func memory() throws -> RowResult {
        let count = options.quick ? 10_000 : 1_000_000
        var peaks: [SideKind: Double] = [:]
        var growth: [SideKind: Double] = [:]
        for kind in options.sides {
            let (tenth, whole) = (try peak(kind, increments: count / 10), try peak(kind, increments: count))
            peaks[kind] = whole
            growth[kind] = whole - tenth
        }
        return RowResult(name: "memory", unit: "bytes", values: peaks, details: ["growth_bytes": growth])
    }

    private func peak(_ kind: SideKind, increments: Int) throws -> Double {
        let path = directory.appendingPathComponent("memory-\(kind.rawValue)-\(increments).sqlite").path
        try kind.open(path: path).addTrackers(1)
        let output = try ChildProcesses.run([["memory", kind.rawValue, path, "\(increments)"]])[0]
        guard let bytes = output.first.flatMap(Double.init) else { throw BenchError("memory worker printed \(output)") }
        return bytes
    }

    /// File bytes per tracker (10,000 trackers) and per item key (100,000 keys of 10–11 bytes),
    /// measured on the closed, checkpointed file.
    func disk() throws -> [RowResult] {
        let trackers = options.quick ? 1_000 : 10_000
        let keys = options.quick ? 1_000 : 100_000
        var perTracker: [SideKind: Double] = [:]
        var perKey: [SideKind: Double] = [:]
        for kind in options.sides {
            let path = directory.appendingPathComponent("disk-\(kind.rawValue).sqlite").path
            _ = try kind.open(path: path)
            let empty = try fileSize(path)
            try kind.open(path: path).addTrackers(trackers)
            let withTrackers = try fileSize(path)
            try kind.open(path: path).countItems(keys, batchSize: 1_000)
            perTracker[kind] = Double(withTrackers - empty) / Double(trackers)
            perKey[kind] = Double(try fileSize(path) - withTrackers) / Double(keys)
        }
        return [
            RowResult(name: "disk.tracker", unit: "bytes", values: perTracker),
            RowResult(name: "disk.item", unit: "bytes", values: perKey),
        ]
    }
}

/// The size of the file at `path`.
func fileSize(_ path: String) throws -> Int {
    guard let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber else {
        throw BenchError("no size for \(path)")
    }
    return size.intValue
}
