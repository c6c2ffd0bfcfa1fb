/// Cairo names the SVG's drawing group after a process-wide surface counter (`id="surface602"`),
/// so the same chart came out with different bytes depending on how many surfaces the process had
/// made before it — and a build that renders in parallel would rewrite unchanged charts. Numbering
/// the surfaces by first appearance in the file makes the bytes depend on the chart alone.
enum SVGSurfaceNames {
    static func numberedInOrder(_ bytes: [UInt8]) -> [UInt8] {
        let word = Array("surface".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var names: [ArraySlice<UInt8>: Int] = [:]
        var index = 0
        while index < bytes.count {
            // Only `"surfaceN` and `#surfaceN`: an id or a reference to one, never text in the drawing.
            if bytes[index] == UInt8(ascii: "s"), index > 0, bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "#"),
               bytes.count - index > word.count, bytes[index..<index + word.count].elementsEqual(word) {
                var end = index + word.count
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                if end > index + word.count {
                    let number = names[bytes[index..<end]] ?? (names.count + 1)
                    names[bytes[index..<end]] = number
                    out += word
                    out += Array(String(number).utf8)
                    index = end
                    continue
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}
