import NIOCore
import NIOSSH

/// Collects what one command on an SSH session channel produces: stdout, stderr (each up
/// to its bound) and the exit status. ``SSHConnection`` sends the `exec` request and the
/// standard input once the channel is open.
///
/// The result promise is completed exactly once, when the channel closes: the server
/// sends `exit-status` (or `exit-signal`) before closing, and a channel that closes
/// without either reports no exit code.
final class SSHExecHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData

    struct Result: Sendable {
        var exitCode: Int32?
        var exitSignal: String?
        /// Set when the server refused the `exec` request.
        var refused: Bool
    }

    private let stdout: OutputBuffer
    private let stderr: OutputBuffer
    private var resultPromise: EventLoopPromise<Result>?
    private var result = Result(exitCode: nil, exitSignal: nil, refused: false)

    init(stdout: OutputBuffer, stderr: OutputBuffer, resultPromise: EventLoopPromise<Result>) {
        self.stdout = stdout
        self.stderr = stderr
        self.resultPromise = resultPromise
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // OpenSSH sends EOF before exit-status; without half-closure the status is lost.
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { [channel = context.channel] _ in
            channel.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .byteBuffer(let bytes) = message.data else { return }
        bytes.withUnsafeReadableBytes { raw in
            if message.type == .channel {
                stdout.append(raw)
            } else if message.type == .stdErr {
                stderr.append(raw)
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let status as SSHChannelRequestEvent.ExitStatus:
            result.exitCode = Int32(truncatingIfNeeded: status.exitStatus)
        case let signal as SSHChannelRequestEvent.ExitSignal:
            result.exitSignal = signal.signalName
        case is ChannelFailureEvent:
            result.refused = true
            context.close(promise: nil)
        case let event as ChannelEvent where event == .inputClosed:
            break
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        complete()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        complete()
    }

    private func complete() {
        guard let promise = resultPromise else { return }
        resultPromise = nil
        promise.succeed(result)
    }
}
