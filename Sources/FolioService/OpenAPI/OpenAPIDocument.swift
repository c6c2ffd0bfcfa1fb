/// The OpenAPI 3.1 description served at `GET /openapi.yaml`.
///
/// The document is `Resources/openapi.yaml`, compiled into the binary (`.embedInCode`), so the
/// server needs no resource bundle beside it and editors and linters see a real YAML file.
/// `FolioServiceTests.OpenAPITests` parses it with Yams and checks it both ways against the
/// server: every status a route answers is documented, and every documented status is produced.
public enum OpenAPIDocument {
    /// The document's bytes, as served.
    public static let bytes: [UInt8] = PackageResources.openapi_yaml

    /// The document as text.
    public static var yaml: String { String(decoding: bytes, as: UTF8.self) }
}
