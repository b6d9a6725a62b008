import Foundation
@testable import Planning
import RemediatorCore
import Synchronization
import Testing

@Suite("Retries, circuit breaker, concurrency limit, fallback chain")
struct ResilientProviderTests {
    static let request = BedrockProviderTests.request
    static let ok = ScriptedProvider.tool(.object(["summary": .string("x")]))

    static func failure(_ kind: LLMProviderError.Kind, retryAfter: Duration? = nil) -> Result<LLMReply, LLMProviderError> {
        .failure(LLMProviderError(kind: kind, provider: "bedrock", message: "\(kind)", retryAfter: retryAfter))
    }

    static var fastPolicy: ResilientProvider.Policy {
        var policy = ResilientProvider.Policy()
        policy.baseDelay = .milliseconds(10)
        policy.maximumDelay = .milliseconds(40)
        return policy
    }

    @Test("throttling and 5xx are retried, honouring Retry-After; the third answer is used")
    func retries() async throws {
        let base = ScriptedProvider([Self.failure(.throttled, retryAfter: .milliseconds(300)), Self.failure(.unavailable), Self.ok])
        let provider = ResilientProvider(base, policy: Self.fastPolicy)
        let start = ContinuousClock.now
        let reply = try await provider.complete(Self.request)
        #expect(reply.toolInput != nil)
        #expect(await base.requests.count == 3)
        #expect(ContinuousClock.now - start >= .milliseconds(300))
    }

    @Test("a rejected request, bad credentials, or a Retry-After beyond the bound are not waited on")
    func noRetry() async throws {
        for outcome in [Self.failure(.rejected), Self.failure(.authentication), Self.failure(.throttled, retryAfter: .seconds(120))] {
            let base = ScriptedProvider([outcome, Self.ok])
            let error = await #expect(throws: LLMProviderError.self) { try await ResilientProvider(base, policy: Self.fastPolicy).complete(Self.request) }
            #expect(error != nil)
            #expect(await base.requests.count == 1)
        }
    }

    @Test("after repeated failures the breaker opens: calls fail at once, then one trial closes it again")
    func breaker() async throws {
        let breaker = CircuitBreaker(failureThreshold: 3, cooldown: .milliseconds(300))
        var policy = Self.fastPolicy
        policy.maximumAttempts = 1
        let base = ScriptedProvider([Self.failure(.unavailable), Self.failure(.timeout), Self.failure(.unavailable), Self.ok])
        let provider = ResilientProvider(base, policy: policy, breaker: breaker)
        for _ in 0..<3 { _ = try? await provider.complete(Self.request) }
        #expect(breaker.isOpen)
        let fast = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
        #expect(fast?.message.contains("circuit open") == true)
        #expect(await base.requests.count == 3)
        try await Task.sleep(for: .milliseconds(350))
        #expect(try await provider.complete(Self.request).toolInput != nil)
        #expect(!breaker.isOpen)
    }

    @Test("no more than the limit of calls are in flight at once")
    func concurrencyLimit() async throws {
        actor Gauge: LLMProvider {
            nonisolated let name = "gauge"
            nonisolated let model = "m"
            var current = 0
            var peak = 0
            func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
                current += 1
                peak = max(peak, current)
                try? await Task.sleep(for: .milliseconds(20))
                current -= 1
                return try ResilientProviderTests.ok.get()
            }
        }
        let gauge = Gauge()
        let provider = ResilientProvider(gauge, maximumConcurrentCalls: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 { group.addTask { _ = try await provider.complete(Self.request) } }
            try await group.waitForAll()
        }
        #expect(await gauge.peak == 2)
    }

    @Test("a chain asks the next provider when one fails, and says who answered")
    func chain() async throws {
        actor Other: LLMProvider {
            nonisolated let name = "openai"
            nonisolated let model = "gpt-4o-mini"
            func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
                LLMReply(toolInput: .object([:]), text: "", stop: .complete, usage: .zero, provider: name, model: model)
            }
        }
        let chain = ProviderChain([ScriptedProvider([Self.failure(.unavailable)]), Other()])
        let reply = try await chain.complete(Self.request)
        #expect(reply.provider == "openai")
        let allDown = ProviderChain([ScriptedProvider([Self.failure(.unavailable)]), ScriptedProvider([Self.failure(.timeout)])])
        let error = await #expect(throws: LLMProviderError.self) { try await allDown.complete(Self.request) }
        #expect(error?.message.contains("unavailable") == true && error?.message.contains("timeout") == true)
    }

    @Test("a caller cancelled while waiting for a slot leaves without the slot ever being freed; the holder is unaffected")
    func cancelledWaiter() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        // The holder keeps the only slot until the test opens the gate.
        let (gate, opener) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await limiter.run { () async throws(LLMProviderError) -> Int in
                for await _ in gate { break }
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        let waiter = Task {
            try await limiter.run { () async throws(LLMProviderError) -> Int in 2 }
        }
        try await Task.sleep(for: .milliseconds(100))
        waiter.cancel()
        // The waiter's result arrives while the holder still has the slot.
        let outcome = await waiter.result
        #expect(throws: LLMProviderError.self) { try outcome.get() }
        opener.yield()
        opener.finish()
        #expect(try await holder.value == 1)
        // The slot is free again.
        #expect(try await limiter.run { () async throws(LLMProviderError) -> Int in 3 } == 3)
    }
}
