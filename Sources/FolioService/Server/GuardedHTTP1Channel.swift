import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel with `ConnectionGuard` placed where it can see the wire.
///
/// `HTTP1Channel` adds extra handlers only after its conversion to swift-http-types, where the
/// request's HTTP version and repeated `Host` lines are gone; the guard needs both (HTTP/1.0
/// keep-alive, RFC 9112's Host rule). So this channel sets up the same pipeline as `HTTP1Channel`
/// (NIO's HTTP/1 codec, the conversion, Hummingbird's idle-timeout handler) with the guard in
/// front of the conversion, and hands requests to Hummingbird's own `handleHTTP`.
struct GuardedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionGuard.Limits
    let idleTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false,  // NIOAsyncChannel reads one request at a time
                withErrorHandling: false,  // Hummingbird answers parse errors itself
                withOutboundHeaderValidation: false  // swift-http-types validates headers
            )
            try channel.pipeline.syncOperations.addHandler(ConnectionGuard(limits: limits))
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try channel.pipeline.syncOperations.addHandler(
                HTTPConnectionStateHandler(idleTimeout: .nanoseconds(idleTimeout.nanoseconds), logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel,
                                       configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with `ConnectionGuard` (see `GuardedHTTP1Channel`).
    static func guardedHTTP1(limits: ConnectionGuard.Limits, idleTimeout: TimeAmount) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            GuardedHTTP1Channel(responder: responder, limits: limits, idleTimeout: idleTimeout)
        }
    }
}
