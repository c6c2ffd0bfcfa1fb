/// An open file a PDF is written into as it is made: the descriptor, and the path it can be read
/// back from (mapped, to append the accessibility update). The caller creates it empty and puts it
/// in place once the render returns (`AtomicFile.write(to:streaming:)`).
public struct PDFFile: Sendable {
    public var descriptor: Int32
    public var path: String
    public init(descriptor: Int32, path: String) { self.descriptor = descriptor; self.path = path }
}
