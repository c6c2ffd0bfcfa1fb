import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `GET /v1/styles` → the named styles with their descriptions and default chart sizes.
extension RenderService {
    struct StyleList: Encodable {
        struct Item: Encodable {
            var name: String
            var description: String
            var chartWidth: Int
            var chartHeight: Int
            var pageWidth: Double
            var pageHeight: Double
        }

        var styles: [Item]
    }

    func styleList() -> Response {
        let items = styles.names.compactMap { styles.entries[$0] }.map { entry in
            StyleList.Item(name: entry.name, description: entry.description, chartWidth: Int(entry.style.chartWidth),
                           chartHeight: Int(entry.style.chartHeight), pageWidth: entry.style.pageSize.width,
                           pageHeight: entry.style.pageSize.height)
        }
        let bytes = JSONOutput.encode(StyleList(styles: items))
        return Response(status: .ok, headers: [.contentType: "application/json", .contentLength: String(bytes.count),
                                               .eTag: "\"\(styles.digest.prefix(32))\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
