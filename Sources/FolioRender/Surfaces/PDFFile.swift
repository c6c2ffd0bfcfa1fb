/// An open file a PDF is written into as it is made, then read back mapped to append the
/// accessibility update: a descriptor open for reading and writing. The caller creates it empty
/// and puts it in place once the render returns (`AtomicFile.write(to:streaming:)`).
public struct PDFFile: Sendable {
    public var descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }
}
