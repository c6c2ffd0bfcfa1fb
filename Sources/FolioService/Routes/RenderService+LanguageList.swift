import FolioLanguage
import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `GET /v1/languages` → the languages with a catalogue, each named in itself, for the front page's choice.
extension RenderService {
    struct LanguageList: Encodable {
        struct Item: Encodable {
            var tag: String
            var name: String
            var direction: String
        }

        var languages: [Item]
    }

    func languageList() -> Response {
        let items = catalogues.languages().map { tag in
            let locale = Locale(identifier: tag)
            let name = locale.localizedString(forIdentifier: tag).map { $0.prefix(1).uppercased(with: locale) + $0.dropFirst() } ?? tag
            return LanguageList.Item(tag: tag, name: name, direction: catalogues.edition(tag).catalogue.direction.rawValue)
        }
        let bytes = JSONOutput.encode(LanguageList(languages: items))
        return Response(status: .ok, headers: [.contentType: "application/json", .contentLength: String(bytes.count),
                                               .eTag: "\"\(SHA256.hex(catalogues.contentDigestInput).prefix(32))\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
