import HTTPTypes
import NIOCore
import NIOHTTP1

/// A channel handler, one per connection, between NIO's HTTP/1 codec and Hummingbird: the HTTP
/// edges Hummingbird leaves to the application, handled where the wire's version and raw header
/// lines are still visible.
///
/// - **Host**: an HTTP/1.1 request without exactly one `Host` (or an HTTP/1.0 one with several) is
///   answered 400 here, before any route sees it (RFC 9112 §3.2).
/// - **Transfer-Encoding**: only `chunked` alone is decoded; any other coding (`gzip, chunked`,
///   `xchunked`) is answered 501 (RFC 9112 §6.1), and a body the parser cannot read (a bad chunk
///   size) reaches the route as `MalformedBody`, answered 400 by the middleware.
/// - **HTTP/1.0** without `Connection: keep-alive`: the response says `Connection: close` and
///   the connection closes once it is written.
/// - **Expect: 100-continue**: answered `100 Continue` when the declared body fits the limit, so
///   clients that wait for it (curl does above 1 MiB) send at once; for a body over the limit it
///   sends nothing, and the 413 arrives before the client sends the body at all.
/// - **Request read time**: from the request head to the body's end at most `requestReadTimeout`;
///   past it the body stream fails with `RequestReadTimedOut` (answered 408), so a body trickled a
///   byte at a time cannot hold a connection and a task forever.
/// - **Lingering close**: a response marked `Connection: close` that is written while the request
///   body is still arriving (413, or an error answered before the body was read) is followed by
///   reading and discarding the rest, up to `drainBytes` and `drainTimeout`, then the close. A
///   client that sends its whole body before reading (Python's urllib and requests do) then
///   receives the answer: closing with unread bytes would make the kernel reset the connection
///   and the client would see a broken pipe instead. The discarded bytes are never stored.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    struct Limits: Sendable {
        var maxBodyBytes: Int
        var requestReadTimeout: TimeAmount
        var drainBytes: Int
        var drainTimeout: TimeAmount
    }

    /// The request body was not read to its end within the request read time.
    struct RequestReadTimedOut: Error {}
    /// The request body is not valid HTTP (a bad chunk size, a truncated chunk).
    struct MalformedBody: Error {}

    private let limits: Limits
    /// A request head was forwarded and its end not yet.
    private var requestInProgress = false
    /// The current request was answered here; its parts are not forwarded.
    private var answeredHere = false
    private var closeAfterResponse = false
    private var draining = false
    private var drained = 0
    private var readTimer: Scheduled<Void>?
    private var drainTimer: Scheduled<Void>?
    private var closed = false

    init(limits: Limits) {
        self.limits = limits
    }

    // MARK: - Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if draining || answeredHere {
            swallow(part, context: context)
            return
        }
        switch part {
        case .head(let head):
            if let problem = Self.refusal(of: head) {
                answer(problem, path: head.uri, context: context)
                return
            }
            requestInProgress = true
            closeAfterResponse = head.version.major == 1 && head.version.minor == 0 && !Self.asksKeepAlive(head.headers)
            startReadTimer(context: context)
            if head.headers["Expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                let declared = head.headers["Content-Length"].first.flatMap { Int($0) } ?? 0
                if declared <= limits.maxBodyBytes {
                    context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .continue))),
                                          promise: nil)
                }
            }
        case .body:
            break
        case .end:
            requestInProgress = false
            cancelReadTimer()
        }
        context.fireChannelRead(data)
    }

    /// While draining, this handler asks for the next read itself: the bytes it discards never
    /// reach Hummingbird's stream, whose back-pressure (it stops asking once the request is
    /// answered, or when the client said `Connection: close`) would otherwise stall the drain.
    func channelReadComplete(context: ChannelHandlerContext) {
        if draining, !closed { context.read() }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if draining || answeredHere {
            closeNow(context: context)
            return
        }
        // Mid-body, the route is reading the stream: it gets an error of ours (answered 400) rather
        // than Hummingbird's parser error, which would make Hummingbird write a second response.
        if requestInProgress, error is HTTPParserError {
            closeAfterResponse = true
            requestInProgress = false
            cancelReadTimer()
            context.fireErrorCaught(MalformedBody())
            return
        }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        cancelReadTimer()
        drainTimer?.cancel()
        context.fireChannelInactive()
    }

    // MARK: - Outbound

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if answeredHere {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head):
            guard head.status.code >= 200 else {
                context.write(data, promise: promise)
                return
            }
            if head.headers["Connection"].contains(where: { $0.lowercased() == "close" }) {
                closeAfterResponse = true
            } else if closeAfterResponse {
                head.headers.replaceOrAdd(name: "Connection", value: "close")
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in
                let (handler, context) = bound.value
                handler.finishResponse(context: context)
            }
        }
    }

    // MARK: - Closing

    /// After a response that closes the connection: close now, or once the rest of the body is read.
    private func finishResponse(context: ChannelHandlerContext) {
        cancelReadTimer()
        guard requestInProgress else {
            closeNow(context: context)
            return
        }
        startDraining(context: context)
    }

    /// Reads and discards the rest of the request body, closing at its end, past `drainBytes` or
    /// after `drainTimeout`, whichever comes first.
    private func startDraining(context: ChannelHandlerContext) {
        draining = true
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        drainTimer = context.eventLoop.scheduleTask(in: limits.drainTimeout) {
            let (handler, context) = bound.value
            handler.closeNow(context: context)
        }
        if requestInProgress {
            context.read()
        } else {
            closeNow(context: context)
        }
    }

    private func swallow(_ part: HTTPServerRequestPart, context: ChannelHandlerContext) {
        switch part {
        case .head:
            // A pipelined request after one that closes the connection is not served.
            break
        case .body(let buffer):
            drained += buffer.readableBytes
            if draining, drained > limits.drainBytes { closeNow(context: context) }
        case .end:
            requestInProgress = false
            if draining { closeNow(context: context) }
        }
    }

    private func closeNow(context: ChannelHandlerContext) {
        guard !closed else { return }
        closed = true
        cancelReadTimer()
        drainTimer?.cancel()
        context.close(promise: nil)
    }

    // MARK: - Request read time

    private func startReadTimer(context: ChannelHandlerContext) {
        cancelReadTimer()
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        readTimer = context.eventLoop.scheduleTask(in: limits.requestReadTimeout) {
            let (handler, context) = bound.value
            handler.readTimedOut(context: context)
        }
    }

    private func cancelReadTimer() {
        readTimer?.cancel()
        readTimer = nil
    }

    private func readTimedOut(context: ChannelHandlerContext) {
        readTimer = nil
        guard requestInProgress, !closed else { return }
        requestInProgress = false
        closeAfterResponse = true
        // The route's body stream ends with the error; what still arrives is discarded until the
        // answer is written and the connection closed.
        context.fireErrorCaught(RequestReadTimedOut())
        draining = true
        context.read()
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        drainTimer = context.eventLoop.scheduleTask(in: limits.drainTimeout) {
            let (handler, context) = bound.value
            handler.closeNow(context: context)
        }
    }

    // MARK: - Answers given here

    /// Why a request head is refused before any route sees it, or nil.
    static func refusal(of head: HTTPRequestHead) -> ProblemDetails? {
        let hosts = head.headers["Host"]
        let isHTTP11 = head.version.major == 1 && head.version.minor >= 1
        if hosts.count > 1 || (isHTTP11 && hosts.isEmpty) {
            return ProblemDetails(.badRequest, "bad-host",
                                  hosts.isEmpty ? "an HTTP/1.1 request needs a Host header"
                                      : "the request has \(hosts.count) Host headers; it must have one")
        }
        let codings = head.headers["Transfer-Encoding"].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if !codings.isEmpty {
            guard codings == ["chunked"] else {
                return ProblemDetails(.notImplemented, "unsupported-transfer-coding",
                                      "Transfer-Encoding \"\(codings.joined(separator: ", ").prefix(80))\" is not supported; "
                                          + "send the body with Content-Length or Transfer-Encoding: chunked alone")
            }
            if !head.headers["Content-Length"].isEmpty {
                return ProblemDetails(.badRequest, "bad-framing", "the request has both Transfer-Encoding and Content-Length")
            }
        }
        return nil
    }

    static func asksKeepAlive(_ headers: HTTPHeaders) -> Bool {
        headers["Connection"].flatMap { $0.split(separator: ",") }
            .contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "keep-alive" }
    }

    /// Writes `problem` as the response to a request no route will see, then closes the connection
    /// (after reading what is left of a body that can be framed).
    private func answer(_ problem: ProblemDetails, path: String, context: ChannelHandlerContext) {
        answeredHere = true
        requestInProgress = true
        let bytes = JSONOutput.encode(problem.body(instance: String(path.split(separator: "?", maxSplits: 1).first ?? "")))
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: ProblemDetails.mediaType)
        headers.add(name: "Content-Length", value: String(bytes.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: Int(problem.status.code)),
                                                             headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        let unframed = problem.status == .notImplemented || problem.slug == "bad-framing"
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        written.futureResult.whenComplete { _ in
            let (handler, context) = bound.value
            if unframed {
                handler.closeNow(context: context)
            } else {
                handler.startDraining(context: context)
            }
        }
    }
}
