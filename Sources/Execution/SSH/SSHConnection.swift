import Foundation
import NIOCore
import NIOPosix
import NIOSSH
import Synchronization

/// One authenticated SSH connection (swift-nio-ssh) to one host; each step runs on a
/// session channel of its own, so steps on the same host share the connection.
final class SSHConnection: Sendable {
    /// How the user proves who it is.
    enum Authentication: Sendable {
        case privateKey(NIOSSHPrivateKey)
        case password(String)
    }

    /// What one command produced.
    struct CommandResult: Sendable {
        var exitCode: Int32?
        var exitSignal: String?
        /// Why the command was stopped, if it was.
        var stopped: StopReason.Reason?
    }

    let channel: any Channel
    let endpoint: String

    private init(channel: any Channel, endpoint: String) {
        self.channel = channel
        self.endpoint = endpoint
    }

    var isActive: Bool { channel.isActive }

    /// Connects, checks the server's key against `pin` and authenticates; fails with an
    /// ``RemoteExecutionError`` that says which of those went wrong.
    static func connect(
        address: String, port: Int, user: String, authentication: Authentication, pin: SSHHostKeyPin,
        connectTimeout: Duration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> SSHConnection {
        let endpoint = "\(address):\(port)"
        let ready = group.any().makePromise(of: Void.self)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let configuration = SSHClientConfiguration(
                        userAuthDelegate: UserAuthentication(user: user, authentication: authentication, endpoint: endpoint),
                        serverAuthDelegate: HostKeyCheck(pin: pin, endpoint: endpoint)
                    )
                    try channel.pipeline.syncOperations.addHandlers(
                        NIOSSHHandler(role: .client(configuration), allocator: channel.allocator, inboundChildChannelInitializer: nil),
                        HandshakeWatcher(ready: ready, endpoint: endpoint)
                    )
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: address, port: port).get()
        } catch {
            ready.fail(error)
            throw RemoteExecutionError(.connectionFailed, "cannot connect to \(endpoint): \(error)")
        }
        // A server that accepts the connection and then says nothing must not hold the step:
        // the deadline fails the handshake and closes the connection.
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(connectTimeout)) {
            ready.fail(RemoteExecutionError(.connectionFailed, "the SSH handshake with \(endpoint) did not finish within \(connectTimeout)"))
            channel.close(promise: nil)
        }
        do {
            try await withTaskCancellationHandler {
                try await ready.futureResult.get()
            } onCancel: {
                ready.fail(CancellationError())
                channel.close(promise: nil)
            }
        } catch {
            deadline.cancel()
            channel.close(promise: nil)
            throw error as? RemoteExecutionError ?? RemoteExecutionError(.connectionFailed, "SSH handshake with \(endpoint) failed: \(error)")
        }
        deadline.cancel()
        return SSHConnection(channel: channel, endpoint: endpoint)
    }

    /// Runs `command` with `standardInput` on a new session channel.
    ///
    /// After `timeout`, or when the calling task is cancelled, the remote command is sent
    /// SIGTERM and, `grace` later, the channel is closed.
    func run(
        _ command: String, standardInput: Data, stdout: OutputBuffer, stderr: OutputBuffer, timeout: Duration, grace: Duration = .seconds(2)
    ) async throws -> CommandResult {
        let resultPromise = channel.eventLoop.makePromise(of: SSHExecHandler.Result.self)
        let childPromise = channel.eventLoop.makePromise(of: (any Channel).self)
        let input = ByteBuffer(bytes: standardInput)
        channel.eventLoop.execute { [channel] in
            do {
                let handler = try channel.pipeline.syncOperations.handler(type: NIOSSHHandler.self)
                handler.createChannel(childPromise, channelType: .session) { child, _ in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(SSHExecHandler(stdout: stdout, stderr: stderr, resultPromise: resultPromise))
                    }
                }
            } catch {
                childPromise.fail(error)
            }
        }
        let child: any Channel
        do {
            child = try await childPromise.futureResult.get()
        } catch {
            resultPromise.succeed(.init(exitCode: nil, exitSignal: nil, refused: true))
            throw RemoteExecutionError(.sessionFailed, "\(endpoint) did not open a session: \(error)")
        }
        // The command, then all of standard input and its end: `bash -s` stops reading the
        // script there, and a command in it that reads standard input sees end-of-file.
        child.triggerUserOutboundEvent(SSHChannelRequestEvent.ExecRequest(command: command, wantReply: true), promise: nil)
        if input.readableBytes > 0 {
            child.write(SSHChannelData(type: .channel, data: .byteBuffer(input)), promise: nil)
        }
        child.flush()
        child.close(mode: .output, promise: nil)
        // Waiting on the result must not hold up cancellation: the timer and the
        // cancellation handler stop the remote command, and the result then arrives.
        let stop = StopReason()
        let timer = child.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            if stop.set(.timedOut) { Self.stop(child, grace: grace) }
        }
        let result = await withTaskCancellationHandler {
            (try? await resultPromise.futureResult.get()) ?? .init(exitCode: nil, exitSignal: nil, refused: false)
        } onCancel: {
            if stop.set(.cancelled) { Self.stop(child, grace: grace) }
        }
        timer.cancel()
        guard !result.refused else {
            throw RemoteExecutionError(.sessionFailed, "\(endpoint) refused to run the command")
        }
        return CommandResult(exitCode: result.exitCode, exitSignal: result.exitSignal, stopped: stop.reason)
    }

    /// SIGTERM to the remote command, then the channel closed after `grace`.
    private static func stop(_ child: any Channel, grace: Duration) {
        child.triggerUserOutboundEvent(SSHChannelRequestEvent.SignalRequest(signal: "TERM"), promise: nil)
        child.eventLoop.scheduleTask(in: TimeAmount(grace)) {
            child.close(promise: nil)
        }
    }

    func close() async {
        try? await channel.close()
    }
}

/// Offers the key or password once; when the server refuses it there is nothing else to
/// try, and the connection fails with a clear error.
private final class UserAuthentication: NIOSSHClientUserAuthenticationDelegate {
    let user: String
    let authentication: SSHConnection.Authentication
    let endpoint: String
    var offered = false

    init(user: String, authentication: SSHConnection.Authentication, endpoint: String) {
        self.user = user
        self.authentication = authentication
        self.endpoint = endpoint
    }

    func nextAuthenticationType(
        availableMethods: NIOSSHAvailableUserAuthenticationMethods, nextChallengePromise: EventLoopPromise<NIOSSHUserAuthenticationOffer?>
    ) {
        let (offer, method): (NIOSSHUserAuthenticationOffer.Offer, NIOSSHAvailableUserAuthenticationMethods) = switch authentication {
        case .privateKey(let key): (.privateKey(.init(privateKey: key)), .publicKey)
        case .password(let password): (.password(.init(password: password)), .password)
        }
        let name = method == .publicKey ? "key" : "password"
        guard !offered else {
            nextChallengePromise.fail(RemoteExecutionError(.authenticationFailed, "\(endpoint) refused the \(name) for user '\(user)'"))
            return
        }
        guard availableMethods.contains(method) else {
            nextChallengePromise.fail(RemoteExecutionError(.authenticationFailed, "\(endpoint) does not accept \(name) authentication for user '\(user)'"))
            return
        }
        offered = true
        nextChallengePromise.succeed(NIOSSHUserAuthenticationOffer(username: user, serviceName: "ssh-connection", offer: offer))
    }
}

/// Accepts the server only if it presents a pinned key.
private final class HostKeyCheck: NIOSSHClientServerAuthenticationDelegate {
    let pin: SSHHostKeyPin
    let endpoint: String

    init(pin: SSHHostKeyPin, endpoint: String) {
        self.pin = pin
        self.endpoint = endpoint
    }

    func validateHostKey(hostKey: NIOSSHPublicKey, validationCompletePromise: EventLoopPromise<Void>) {
        if pin.accepts(hostKey) {
            validationCompletePromise.succeed(())
        } else {
            validationCompletePromise.fail(RemoteExecutionError(
                .hostKeyMismatch,
                "\(endpoint) presented host key \(SSHHostKeyPin.fingerprint(hostKey)), which is not the one pinned in \(pin.source); refusing to connect (if the host was rebuilt, check its new key out of band and update the inventory)"
            ))
        }
    }
}

/// Completes `ready` when authentication succeeds, or fails it with the first error.
private final class HandshakeWatcher: ChannelInboundHandler {
    typealias InboundIn = Any

    private var ready: EventLoopPromise<Void>?
    private let endpoint: String

    init(ready: EventLoopPromise<Void>, endpoint: String) {
        self.ready = ready
        self.endpoint = endpoint
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is UserAuthSuccessEvent {
            ready?.succeed(())
            ready = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        ready?.fail(error as? RemoteExecutionError ?? RemoteExecutionError(.connectionFailed, "SSH with \(endpoint) failed: \(error)"))
        ready = nil
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        ready?.fail(RemoteExecutionError(.connectionFailed, "\(endpoint) closed the connection during the SSH handshake"))
        ready = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        ready?.fail(RemoteExecutionError(.connectionFailed, "the connection to \(endpoint) went away during the SSH handshake"))
        ready = nil
    }
}

/// Why a command was stopped; the first reason wins.
final class StopReason: Sendable {
    enum Reason: Sendable {
        case timedOut
        case cancelled
    }

    private let state = Mutex<Reason?>(nil)

    /// Records `reason` unless one is recorded; returns whether it was the first.
    func set(_ reason: Reason) -> Bool {
        state.withLock { current in
            guard current == nil else { return false }
            current = reason
            return true
        }
    }

    var reason: Reason? { state.withLock { $0 } }
}
