import Presentation
import Tracker
import Hummingbird
import NIOCore

/// What a handler knows about a request beyond the request itself: who sent it and in what language.
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The signed-in browser session, if any (set by `SessionMiddleware`).
    public var session: SignedInSession?
    public var language: Language = .en

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies over 1 MiB are refused (413) before a handler sees them.
    public var maxUploadSize: Int { 1 << 20 }

    public var user: User? { session?.user }

    /// The client's address for throttling sign-ins: the peer's, or behind a proxy
    /// (`--behind-proxy`) the last address the proxy added to `X-Forwarded-For` (set by `SessionMiddleware`).
    var clientAddress = ""
    var peerAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
