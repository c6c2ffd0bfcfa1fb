import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A channel handler, one per connection, between the HTTP codec and Hummingbird:
///
/// - `Expect: 100-continue`: answers `100 Continue` when the declared body fits the limit, so
///   clients that wait for it (curl does above 1 MiB) send at once; for a body over the limit it
///   sends nothing, and the 413 arrives before the client sends the body at all.
/// - A response marked `Connection: close` (413, and errors to requests whose body was not read)
///   closes the connection once written. If the request body is still arriving, the close waits a
///   moment (`linger`) so the client can read the answer before the connection is reset; the rest of
///   an oversized body is never read into memory.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let maxBodyBytes: Int
    private let linger: TimeAmount
    private var requestBodyComplete = true
    private var closeAfterResponse = false

    init(maxBodyBytes: Int, linger: TimeAmount = .seconds(2)) {
        self.maxBodyBytes = maxBodyBytes
        self.linger = linger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            requestBodyComplete = false
            if head.headerFields[.expect]?.lowercased() == "100-continue" {
                let declared = head.headerFields[.contentLength].flatMap { Int($0) } ?? 0
                if declared <= maxBodyBytes {
                    context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
                }
            }
        case .body:
            break
        case .end:
            requestBodyComplete = true
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            if head.status.kind != .informational {
                closeAfterResponse = head.headerFields[.connection]?.lowercased() == "close"
            }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            closeAfterResponse = false
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            let delay = requestBodyComplete ? TimeAmount.zero : linger
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in
                if delay == .zero {
                    bound.value.close(promise: nil)
                } else {
                    bound.value.eventLoop.scheduleTask(in: delay) { bound.value.close(promise: nil) }
                }
            }
        }
    }
}
