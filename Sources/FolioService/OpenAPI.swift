/// The OpenAPI 3.1 description served at `GET /openapi.yaml`.
///
/// Kept as a literal (no resource bundle). `FolioServiceTests.OpenAPITests` reads its paths, methods
/// and response codes and checks them both ways against what the server answers: every status a
/// route can give is documented, and every documented status is produced by a test.
public enum OpenAPIDocument {
    public static let yaml = """
openapi: 3.1.0
info:
  title: Folio rendering service
  version: "6"
  summary: Briefing PDFs and charts from programme results data.
  description: |
    Send a report (the Folio input format, as JSON or YAML, or a CSV folder in a JSON envelope,
    chosen by Content-Type) and get back a briefing PDF, country briefings, a chart (PNG, SVG or
    PDF), the chart set, a slide deck or a validation report. GET / is a page that does all of
    this in a browser.

    Errors are application/problem+json (RFC 9457): type, title, status, detail and, for data
    problems, `errors` and `warnings`, each with line, column, field path and message.
    Unknown routes answer 404. When the server has a token, every request needs
    `Authorization: Bearer <token>` (unknown paths answer 401 without it) except GET of the front
    page (/, /app.js, /app.css), /healthz, /readyz, /metrics and /openapi.yaml, matched by exact path.

    Render responses carry a strong ETag: the SHA-256 of the body, the parameters (defaults filled
    in), the style and the engine version. Sending it back in If-None-Match gives 304 Not Modified
    without rendering. Identical requests are answered from a bounded in-memory cache
    (X-Folio-Cache: hit), unless the request says Cache-Control: no-store: then nothing made
    from it is kept once it is answered (the front page always says so).
  license:
    name: See the Folio repository
servers:
  - url: http://127.0.0.1:8080
security:
  - {}
  - bearer: []
paths:
  /v1/briefings:
    post:
      operationId: renderBriefing
      summary: The briefing PDF of the whole report, or of one country.
      parameters:
        - $ref: "#/components/parameters/style"
        - name: country
          in: query
          description: A country named in the report (case-insensitive); its short briefing instead of the whole report.
          schema: {type: string, minLength: 1, maxLength: 200}
        - $ref: "#/components/parameters/date"
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: The briefing.
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
            X-Folio-Cache: {$ref: "#/components/headers/X-Folio-Cache"}
          content:
            application/pdf:
              schema: {type: string, contentEncoding: binary}
        '304': {$ref: "#/components/responses/NotModified"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '422': {$ref: "#/components/responses/InvalidData"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/briefings/countries:
    post:
      operationId: renderCountryBriefings
      summary: Every country's short briefing, as a ZIP of PDFs named as folio render --per-country names them.
      parameters:
        - $ref: "#/components/parameters/style"
        - $ref: "#/components/parameters/date"
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: The ZIP (422 when the report lists no countries).
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
            X-Folio-Cache: {$ref: "#/components/headers/X-Folio-Cache"}
          content:
            application/zip:
              schema: {type: string, contentEncoding: binary}
        '304': {$ref: "#/components/responses/NotModified"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '422': {$ref: "#/components/responses/InvalidData"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/charts:
    post:
      operationId: listCharts
      summary: The charts of the report, in the order of the chart set, with titles and alternative text.
      parameters:
        - $ref: "#/components/parameters/style"
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: "The list; preview each chart with POST /v1/charts/{kind}, with its outcome or part."
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
            X-Folio-Cache: {$ref: "#/components/headers/X-Folio-Cache"}
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ChartList"}
        '304': {$ref: "#/components/responses/NotModified"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '422': {$ref: "#/components/responses/InvalidData"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/charts/{kind}:
    post:
      operationId: renderChart
      summary: One chart of the report as PNG, SVG or a one-page PDF.
      parameters:
        - name: kind
          in: path
          required: true
          schema: {type: string, enum: [targets, regions, overview]}
        - name: outcome
          in: query
          description: Outcome id for targets and regions (default the first outcome); not for the overview.
          schema: {type: string}
        - name: format
          in: query
          schema: {type: string, enum: [png, svg, pdf], default: png}
        - name: width
          in: query
          description: Pixels (PNG, SVG) or points (PDF); default the style's chart width.
          schema: {type: integer, minimum: 16, maximum: 32767}
        - name: height
          in: query
          description: Default the style's chart height.
          schema: {type: integer, minimum: 16, maximum: 32767}
        - name: scale
          in: query
          description: PNG only, pixels per unit; width × height × scale² must stay within the pixel limit (40 MP by default).
          schema: {type: number, exclusiveMinimum: 0, maximum: 8, default: 1}
        - name: part
          in: query
          description: Overview only, which part (1-based) when the overview is cut into parts.
          schema: {type: integer, minimum: 1, default: 1}
        - $ref: "#/components/parameters/style"
        - $ref: "#/components/parameters/date"
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: The chart.
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
            X-Folio-Cache: {$ref: "#/components/headers/X-Folio-Cache"}
          content:
            image/png:
              schema: {type: string, contentEncoding: binary}
            image/svg+xml:
              schema: {type: string}
            application/pdf:
              schema: {type: string, contentEncoding: binary}
        '304': {$ref: "#/components/responses/NotModified"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '422': {$ref: "#/components/responses/InvalidData"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/chart-set:
    post:
      operationId: renderChartSet
      summary: Every chart as files, as folio charts writes them, in a ZIP with the charts.json manifest.
      parameters:
        - $ref: "#/components/parameters/style"
        - name: formats
          in: query
          description: Comma-separated formats, each once.
          schema: {type: string, default: "png,svg", pattern: "^(png|svg|pdf)(,(png|svg|pdf))*$"}
        - name: scales
          in: query
          description: Comma-separated PNG scales (more than 0, at most 8; at most 4 of them; within the pixel limit).
          schema: {type: string, default: "1,2"}
        - $ref: "#/components/parameters/date"
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: "The ZIP: outcome-ID-targets.png, outcome-ID-regions@2x.png, overview-N.svg, …, charts.json."
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
            X-Folio-Cache: {$ref: "#/components/headers/X-Folio-Cache"}
          content:
            application/zip:
              schema: {type: string, contentEncoding: binary}
        '304': {$ref: "#/components/responses/NotModified"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '422': {$ref: "#/components/responses/InvalidData"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/slides:
    post:
      operationId: renderSlides
      summary: The PowerPoint deck of the charts, as folio slides makes it, one slide per chart with its alternative text.
      parameters:
        - name: style
          in: query
          description: A style name from GET /v1/styles; default slides, as on the command line.
          schema: {type: string, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", default: slides}
        - name: scale
          in: query
          description: Pixels per unit of the chart pictures.
          schema: {type: number, minimum: 1, maximum: 4, default: 2}
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: The deck.
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
            X-Folio-Cache: {$ref: "#/components/headers/X-Folio-Cache"}
          content:
            application/vnd.openxmlformats-officedocument.presentationml.presentation:
              schema: {type: string, contentEncoding: binary}
        '304': {$ref: "#/components/responses/NotModified"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '422': {$ref: "#/components/responses/InvalidData"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/check:
    post:
      operationId: checkReport
      summary: Validate a report; invalid data is a normal answer (valid false).
      parameters:
        - name: strict
          in: query
          description: Treat warnings as errors.
          schema: {type: boolean, default: false}
      requestBody:
        $ref: "#/components/requestBodies/report"
      responses:
        '200':
          description: The validation report.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/CheckReport"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '413': {$ref: "#/components/responses/TooLarge"}
        '415': {$ref: "#/components/responses/UnsupportedMediaType"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /v1/styles:
    get:
      operationId: listStyles
      summary: The named styles with their descriptions.
      responses:
        '200':
          description: The styles.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/StyleList"}
        '401': {$ref: "#/components/responses/Unauthorized"}
  /:
    get:
      operationId: frontPage
      summary: The front page, for people with a browser; needs no token (it asks for one when the server has one).
      security: [{}]
      responses:
        '200':
          description: "Built into the binary; sent with a Content-Security-Policy, X-Content-Type-Options nosniff, Referrer-Policy no-referrer, Cache-Control no-cache and an ETag."
          content:
            text/html:
              schema: {type: string}
        '304': {$ref: "#/components/responses/NotModified"}
  /app.js:
    get:
      operationId: frontPageScript
      summary: The front page's script.
      security: [{}]
      responses:
        '200':
          description: "Built into the binary; sent with a Content-Security-Policy, X-Content-Type-Options nosniff, Referrer-Policy no-referrer, Cache-Control no-cache and an ETag."
          content:
            text/javascript:
              schema: {type: string}
        '304': {$ref: "#/components/responses/NotModified"}
  /app.css:
    get:
      operationId: frontPageStyles
      summary: The front page's style sheet.
      security: [{}]
      responses:
        '200':
          description: "Built into the binary; sent with a Content-Security-Policy, X-Content-Type-Options nosniff, Referrer-Policy no-referrer, Cache-Control no-cache and an ETag."
          content:
            text/css:
              schema: {type: string}
        '304': {$ref: "#/components/responses/NotModified"}
  /healthz:
    get:
      operationId: health
      summary: The process is alive.
      security: [{}]
      responses:
        '200':
          description: Alive.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Health"}
  /readyz:
    get:
      operationId: ready
      summary: Every render worker is ready and the server is not shutting down.
      security: [{}]
      responses:
        '200':
          description: Ready.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Health"}
        '503': {$ref: "#/components/responses/Unavailable"}
  /metrics:
    get:
      operationId: metrics
      summary: Prometheus text exposition.
      security: [{}]
      responses:
        '200':
          description: >-
            folio_http_requests_total{route,status}, folio_http_request_duration_seconds{route},
            folio_http_response_bytes_total{route}, folio_render_duration_seconds{kind},
            folio_renders_in_flight, folio_renders_queued, folio_renders_rejected_total,
            folio_render_timeouts_total, folio_cache_hits_total, folio_cache_misses_total,
            folio_cache_bytes, folio_not_modified_total.
          content:
            text/plain:
              schema: {type: string}
  /openapi.yaml:
    get:
      operationId: openapi
      summary: This document.
      security: [{}]
      responses:
        '200':
          description: OpenAPI 3.1.
          content:
            application/yaml:
              schema: {type: string}
  /v1/rebuild:
    post:
      operationId: rebuildProject
      summary: Build the project of `folio serve --project DIR` now (after any build under way) and say what it did.
      description: |
        Only on a server started with --token-file (403 otherwise). Targets whose inputs are unchanged
        are not rendered again; a source that fails validation keeps its previous outputs and is
        listed under `failed` with its messages (`ok` false, `exitCode` 65).
      responses:
        '200':
          description: What the build did.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/RebuildResult"}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '403':
          description: The server has no token, so rebuilds are off.
          content:
            application/problem+json:
              schema: {$ref: "#/components/schemas/Problem"}
        '404': {$ref: "#/components/responses/NotFound"}
  /v1/outputs:
    get:
      operationId: listOutputs
      summary: The project's current outputs (path, SHA-256, size, modification time) and the last build.
      responses:
        '200':
          description: The outputs.
          content:
            application/json:
              schema:
                type: object
                properties:
                  project: {type: string}
                  schedule: {type: string}
                  lastBuild: {$ref: "#/components/schemas/RebuildResult"}
                  outputs:
                    type: array
                    items:
                      type: object
                      properties:
                        path: {type: string}
                        target: {type: string}
                        sha256: {type: string}
                        bytes: {type: integer}
                        modified: {type: string, format: date-time}
        '400': {$ref: "#/components/responses/BadRequest"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
  /v1/outputs/{path}:
    get:
      operationId: getOutput
      summary: One output file, by its path in the project (`Output/outcome4.pdf`, `Output/changes.md`).
      description: Only files a build recorded, and its changes.md / changes.json, are served. The ETag is the file's SHA-256.
      parameters:
        - name: path
          in: path
          required: true
          schema: {type: string}
      responses:
        '200':
          description: The file.
          headers:
            ETag: {$ref: "#/components/headers/ETag"}
          content:
            application/pdf: {schema: {type: string, contentEncoding: binary}}
            image/png: {schema: {type: string, contentEncoding: binary}}
            image/svg+xml: {schema: {type: string}}
            application/json: {schema: {type: object}}
            text/markdown: {schema: {type: string}}
            application/vnd.openxmlformats-officedocument.presentationml.presentation: {schema: {type: string, contentEncoding: binary}}
        '304': {$ref: "#/components/responses/NotModified"}
        '401': {$ref: "#/components/responses/Unauthorized"}
        '404': {$ref: "#/components/responses/NotFound"}
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  parameters:
    style:
      name: style
      in: query
      description: A style name from GET /v1/styles (never a path).
      schema: {type: string, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", default: default}
    date:
      name: date
      in: query
      description: >-
        Date for the PDF (2016-03-01 or 2016-03-01T12:00:00Z); printed on a briefing's cover. Without
        it a PDF carries the server's date of the day (UTC midnight) or SOURCE_DATE_EPOCH.
      schema: {type: string}
  requestBodies:
    report:
      required: true
      description: A report in the Folio input format (see the README); at most 4 MiB by default.
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Report"}
        application/yaml:
          schema: {$ref: "#/components/schemas/Report"}
        application/vnd.folio.csv+json:
          schema: {$ref: "#/components/schemas/CSVUpload"}
  headers:
    ETag:
      description: Strong validator of this response (SHA-256 of the request's inputs).
      schema: {type: string}
    X-Folio-Cache:
      description: hit, miss or off (no cache, or the request said Cache-Control no-store).
      schema: {type: string}
    Retry-After:
      description: Seconds to wait before trying again.
      schema: {type: integer}
  responses:
    NotModified:
      description: The If-None-Match header holds this response's ETag; nothing is rendered.
      headers:
        ETag: {$ref: "#/components/headers/ETag"}
    BadRequest:
      description: Bad syntax in the body (YAML or JSON), a bad Content-Length or a bad query parameter (unknown, repeated, out of range, more pixels than the limit).
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    Unauthorized:
      description: A token is configured and the request has no valid Authorization Bearer header.
      headers:
        WWW-Authenticate:
          schema: {type: string}
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    NotFound:
      description: Unknown style, country, chart kind, outcome or overview part.
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    TooLarge:
      description: The body is larger than the limit (4 MiB by default); answered without reading the rest, and the connection is closed.
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    UnsupportedMediaType:
      description: The Content-Type is not JSON, YAML or the CSV envelope.
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    InvalidData:
      description: The report parses but is not valid (errors listed), or the briefing would pass the page limit.
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
    Unavailable:
      description: Saturated (queue full, with Retry-After), the render passed the time limit, not ready, or shutting down.
      headers:
        Retry-After: {$ref: "#/components/headers/Retry-After"}
      content:
        application/problem+json:
          schema: {$ref: "#/components/schemas/Problem"}
  schemas:
    Diagnostic:
      type: object
      required: [line, column, path, message]
      properties:
        line: {type: integer}
        column: {type: integer}
        path: {type: string, description: "Field path such as outcomes[0].indicators[0].target; empty for the whole document."}
        message: {type: string}
        file: {type: string, description: "For a CSV upload, the file (indicators.csv, countries.csv, report.yaml); absent otherwise."}
    Problem:
      type: object
      required: [type, title, status, detail]
      properties:
        type: {type: string, description: "urn:folio:problem:<slug>"}
        title: {type: string}
        status: {type: integer}
        detail: {type: string}
        instance: {type: string}
        errors: {type: array, items: {$ref: "#/components/schemas/Diagnostic"}}
        warnings: {type: array, items: {$ref: "#/components/schemas/Diagnostic"}}
    CheckReport:
      type: object
      required: [valid, syntaxError, errors, warnings]
      properties:
        valid: {type: boolean}
        syntaxError: {type: boolean}
        errors: {type: array, items: {$ref: "#/components/schemas/Diagnostic"}}
        warnings: {type: array, items: {$ref: "#/components/schemas/Diagnostic"}}
        summary:
          type: object
          properties:
            title: {type: string}
            outcomes: {type: integer}
            indicators: {type: integer}
            entries: {type: integer}
            territories: {type: integer}
            countries: {type: integer}
            regions: {type: array, items: {type: string}}
    CSVUpload:
      type: object
      description: >-
        A CSV folder as one JSON document. files maps a file name (indicators.csv, required;
        countries.csv; report.yaml, report.yml or report.json) to its text; other names are warned
        about. folder is the title when there is no report file (as a folder's name is on the
        command line). Diagnostics name the file, the line where the row starts and the field number.
      required: [files]
      properties:
        folder: {type: string}
        files:
          type: object
          additionalProperties: {type: string}
    ChartList:
      type: object
      required: [style, width, height, charts]
      properties:
        style: {type: string}
        width: {type: integer}
        height: {type: integer}
        charts:
          type: array
          items:
            type: object
            required: [kind, outcome, part, title, alt, name]
            properties:
              kind: {type: string, enum: [targets, regions, overview]}
              outcome: {type: [string, "null"]}
              part: {type: [integer, "null"]}
              title: {type: string}
              alt: {type: string, description: "The chart's alternative text, as written into its PDF, SVG and slide."}
              name: {type: string, description: "File stem in the chart set."}
    StyleList:
      type: object
      properties:
        styles:
          type: array
          items:
            type: object
            properties:
              name: {type: string}
              description: {type: string}
              chartWidth: {type: integer}
              chartHeight: {type: integer}
              pageWidth: {type: number}
              pageHeight: {type: number}
    RebuildResult:
      type: object
      properties:
        reason: {type: string, enum: [start, schedule, request]}
        started: {type: string, format: date-time}
        seconds: {type: number}
        ok: {type: boolean}
        exitCode: {type: integer}
        built: {type: array, items: {type: string}}
        fresh: {type: integer}
        failed:
          type: array
          items:
            type: object
            properties:
              id: {type: string}
              kind: {type: string}
              source: {type: string}
              reason: {type: string}
              messages: {type: array, items: {type: string}}
        changedOutputs: {type: array, items: {type: string}}
        changedIndicators: {type: integer}
        error: {type: string}
    Health:
      type: object
      properties:
        status: {type: string}
        workers: {type: integer}
        queued: {type: integer}
        running: {type: integer}
    Report:
      type: object
      description: The Folio input format; see the README. Validated by the server, not by this schema.
      required: [title, outcomes]
      properties:
        title: {type: string}
        subtitle: {type: string}
        organization: {type: string}
        period: {type: string}
        language: {type: string}
        regions: {type: array, items: {type: string}}
        outcomes: {type: array, items: {type: object}}

"""

    /// Method, path (OpenAPI template) and response codes, read from `yaml` by indentation.
    public static func operations() -> [String: Set<Int>] {
        var result: [String: Set<Int>] = [:]
        var path: String?, method: String?, inResponses = false, inPaths = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if indent == 0 { inPaths = text == "paths:"; continue }
            guard inPaths, !text.isEmpty else { continue }
            if indent == 2, text.hasSuffix(":") { path = String(text.dropLast()); method = nil; inResponses = false }
            else if indent == 4, text.hasSuffix(":") { method = String(text.dropLast()).uppercased(); inResponses = false }
            else if indent == 6 { inResponses = text == "responses:" }
            else if indent == 8, inResponses, let path, let method, text.hasPrefix("'"),
                    let code = Int(text.dropFirst().prefix(3)) {
                result["\(method) \(path)", default: []].insert(code)
            }
        }
        return result
    }
}
