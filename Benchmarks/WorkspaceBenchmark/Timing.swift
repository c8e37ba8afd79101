/// The wall-clock time of one call of `body`, in seconds.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let (whole, attoseconds) = try ContinuousClock().measure(body).components
    return Double(whole) + Double(attoseconds) / 1e18
}

/// Runs `body` `runs` times and returns the median time in seconds.
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    for _ in 0..<max(runs, 1) { samples.append(try seconds(body)) }
    return median(samples)
}

/// The median of a non-empty list (the mean of the middle two for an even count).
func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
