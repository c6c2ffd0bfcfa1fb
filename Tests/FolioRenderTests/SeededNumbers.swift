/// The same pseudo-random numbers on every run (Knuth's MMIX linear congruential generator, top
/// bits): noise images and damaged files that fail the same way each time.
struct SeededNumbers {
    var state: UInt64

    mutating func next() -> UInt32 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt32(truncatingIfNeeded: state >> 33)
    }
}
