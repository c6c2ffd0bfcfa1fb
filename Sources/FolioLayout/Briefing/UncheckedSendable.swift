/// A value handed to other threads that the caller guarantees is used safely there (each thread
/// with its own measurer).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
