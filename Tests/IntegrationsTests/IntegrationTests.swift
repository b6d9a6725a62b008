import AsyncHTTPClient
import Crypto
import Foundation
import Integrations
import IntegrationFakes
import RemediatorCore
import Testing

@Suite("Outbound integrations against a local ServiceNow and webhook receiver")
struct IntegrationTests {
    static func notice(id: String = "inc-\(UUID().uuidString.lowercased())", integration: String) -> IncidentNotice {
        IncidentNotice(
            idempotencyKey: "\(id)/close/\(integration)", incidentID: id, tenantID: .default, state: .closed,
            reason: "verification passed", title: "Disk /var almost full on web-1", severity: .high, host: "web-1", service: "nginx",
            source: "alertmanager", runbookID: "disk-cleanup", planSummary: "Rotate and compress old logs",
            steps: [.init(name: "rotate logs", host: "web-1", status: "succeeded", exitCode: 0)],
            openedAt: Date(timeIntervalSince1970: 1_790_000_000), resolvedAt: Date(timeIntervalSince1970: 1_790_000_300)
        )
    }

    static func serviceNow(_ url: URL, password: String = "s3cret-pa55word", breaker: CircuitBreaker = CircuitBreaker()) -> ServiceNowNotifier {
        ServiceNowNotifier(
            instance: url, credentials: .init(user: "remediator", password: password),
            transport: IntegrationTransport(integration: "servicenow", timeout: .seconds(5), breaker: breaker)
        )
    }

    @Test("the webhook posts the notice with its idempotency key and an HMAC of the body; a redelivery is byte for byte the same")
    func webhookDelivery() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let secret = "webhook-signing-secret-0123"
            let notifier = WebhookNotifier(url: url.appending(path: "hook"), secret: secret, transport: IntegrationTransport(integration: "webhook"))
            let notice = Self.notice(integration: "webhook")
            try await notifier.deliver(notice)
            try await notifier.deliver(notice)

            let arrivals = await fake.arrivals
            #expect(arrivals == [notice.idempotencyKey: 2])
            let delivery = try #require(await fake.deliveries[notice.idempotencyKey])
            let expected = HMAC<SHA256>.authenticationCode(for: delivery.body, using: SymmetricKey(data: Data(secret.utf8)))
            #expect(delivery.signature == "sha256=" + Hex.string(expected))
            let json = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
            #expect(json["event"] as? String == "incident.closed")
            #expect(json["idempotency_key"] as? String == notice.idempotencyKey)
            let incident = try #require(json["incident"] as? [String: Any])
            #expect(incident["id"] as? String == notice.incidentID)
            #expect(incident["host"] as? String == "web-1")
            #expect(incident["runbook_id"] as? String == "disk-cleanup")
            #expect(incident["opened_at"] as? String == "2026-09-21T14:13:20Z")
            let steps = try #require(incident["steps"] as? [[String: Any]])
            #expect(steps.first?["exit_code"] as? Int == 0)
        }
    }

    @Test("ServiceNow: the first delivery creates one resolved ticket; a redelivery finds it and writes nothing")
    func serviceNowCreatesOnce() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let notifier = Self.serviceNow(url)
            let notice = Self.notice(integration: "servicenow")
            try await notifier.deliver(notice)
            try await notifier.deliver(notice)
            try await notifier.deliver(notice)

            let tickets = await fake.tickets(correlatedWith: notice.incidentID)
            #expect(tickets.count == 1)
            let ticket = try #require(tickets.first)
            #expect(ticket["state"] == "6")
            #expect(ticket["close_code"] == "Solution provided")
            #expect(ticket["close_notes"]?.contains("Rotate and compress old logs") == true)
            #expect(ticket["work_notes"]?.contains("rotate logs on web-1: succeeded, exit 0") == true)
            #expect(ticket["impact"] == "1" && ticket["urgency"] == "2")
            #expect(ticket["short_description"] == "Disk /var almost full on web-1")
            let writes = await fake.requests.filter { $0.method != "GET" }
            #expect(writes.map(\.method) == ["POST"])
            #expect(await fake.requests.filter { $0.method == "GET" }.allSatisfy { $0.query.contains("correlation_id%3D\(notice.incidentID)") || $0.query.contains("correlation_id=\(notice.incidentID)") })
        }
    }

    @Test("ServiceNow: an open ticket for the incident is resolved in place; a ticket already closed is left alone")
    func serviceNowUpdatesOpenTicket() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let notifier = Self.serviceNow(url)
            let open = Self.notice(integration: "servicenow")
            let openID = await fake.open(["correlation_id": open.incidentID, "short_description": "opened by the NOC", "state": "2"])
            try await notifier.deliver(open)
            try await notifier.deliver(open)
            let tickets = await fake.tickets(correlatedWith: open.incidentID)
            #expect(tickets.count == 1)
            #expect(tickets.first?["sys_id"] == openID)
            #expect(tickets.first?["state"] == "6")
            #expect(tickets.first?["short_description"] == "opened by the NOC")
            // One PATCH: the second delivery saw the ticket resolved.
            #expect(await fake.requests.filter { $0.method == "PATCH" }.count == 1)

            let closed = Self.notice(integration: "servicenow")
            _ = await fake.open(["correlation_id": closed.incidentID, "state": "7", "close_notes": "closed by a person"])
            try await notifier.deliver(closed)
            #expect(await fake.tickets(correlatedWith: closed.incidentID).first?["close_notes"] == "closed by a person")
            #expect(await fake.requests.filter { $0.method != "GET" }.count == 1)
        }
    }

    @Test("an incident raised by a ServiceNow ticket resolves that ticket instead of opening another")
    func serviceNowOriginatingTicket() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let notifier = Self.serviceNow(url)
            let origin = await fake.open(["short_description": "web-1 disk full (raised by the NOC)", "state": "2"])
            var notice = Self.notice(integration: "servicenow")
            notice.source = "servicenow"
            notice.sourceReference = origin
            try await notifier.deliver(notice)
            try await notifier.deliver(notice)
            let tickets = await fake.tickets
            #expect(tickets.count == 1)
            #expect(tickets[origin]?["state"] == "6")
            #expect(tickets[origin]?["correlation_id"] == notice.incidentID)
            #expect(tickets[origin]?["short_description"] == "web-1 disk full (raised by the NOC)")
            #expect(await fake.requests.filter { $0.method == "PATCH" }.count == 1)

            // A ticket that no longer exists, or an id that is not a sys_id: a new ticket.
            for reference in [FakeIntegrationServer.newSysID(), "INC0010001"] {
                var other = Self.notice(integration: "servicenow")
                other.source = "servicenow"
                other.sourceReference = reference
                try await notifier.deliver(other)
                #expect(await fake.tickets(correlatedWith: other.incidentID).count == 1)
            }
            #expect(await fake.tickets.count == 3)
        }
    }

    @Test("ServiceNow answering a search with unrelated records (a condition it dropped) makes a ticket, never resolves theirs; a ticket linked by another tool is not ours")
    func serviceNowUnrelatedRecords() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let notifier = Self.serviceNow(url)
            let unrelated = await fake.open(["correlation_id": "OTHER-TOOL-7", "short_description": "someone else's", "state": "2"])
            await fake.ignoreQueries(true)
            let notice = Self.notice(integration: "servicenow")
            try await notifier.deliver(notice)
            await fake.ignoreQueries(false)
            #expect(await fake.tickets[unrelated]?["state"] == "2")
            #expect(await fake.tickets(correlatedWith: notice.incidentID).count == 1)

            // Raised by a ticket another tool has claimed: a ticket of our own instead.
            var raised = Self.notice(integration: "servicenow")
            raised.source = "servicenow"
            raised.sourceReference = unrelated
            try await notifier.deliver(raised)
            #expect(await fake.tickets[unrelated]?["state"] == "2")
            #expect(await fake.tickets[unrelated]?["correlation_id"] == "OTHER-TOOL-7")
            #expect(await fake.tickets(correlatedWith: raised.incidentID).count == 1)
        }
    }

    @Test("a redirect is refused, not followed: a POST re-sent as a GET must not count as delivered")
    func redirectRefused() async throws {
        let fake = FakeIntegrationServer()
        let client = IntegrationsConfiguration.makeHTTPClient()
        defer { _ = client.shutdown() }
        try await fake.serve { url in
            let notifier = WebhookNotifier(url: url.appending(path: "moved"), secret: nil, transport: IntegrationTransport(integration: "webhook", httpClient: client))
            let error = await #expect(throws: IntegrationError.self) { try await notifier.deliver(Self.notice(integration: "webhook")) }
            #expect(error?.kind == .rejected(status: 302))
            #expect(await fake.arrivals.isEmpty)
        }
    }

    @Test("a receiver that sends headers and then stalls costs the timeout, not the stage forever")
    func stalledBody() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let notifier = WebhookNotifier(url: url.appending(path: "stall"), secret: nil, transport: IntegrationTransport(integration: "webhook", timeout: .seconds(1)))
            // Waiting for the whole body would end in a 200 after 30 s: a delivery. The
            // deadline ends it first.
            let error = await #expect(throws: IntegrationError.self) { try await notifier.deliver(Self.notice(integration: "webhook")) }
            #expect(error?.kind == .unreachable)
            #expect(error?.message.contains("no complete answer") == true)
        }
    }

    @Test("a delivery cancelled mid-call (the node shutting down) is no failure of the service: its breaker stays closed")
    func cancelledDelivery() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let breaker = CircuitBreaker(failureThreshold: 1, cooldown: .seconds(60))
            let notifier = WebhookNotifier(url: url.appending(path: "stall"), secret: nil, transport: IntegrationTransport(integration: "webhook", timeout: .seconds(20), breaker: breaker))
            let delivery = Task { try await notifier.deliver(Self.notice(integration: "webhook")) }
            try await Task.sleep(for: .milliseconds(300))
            delivery.cancel()
            await #expect(throws: CancellationError.self) { try await delivery.value }
            // One counted failure would have opened this breaker.
            #expect(!breaker.isOpen)
            #expect(breaker.allowsCall())
        }
    }

    @Test("wrong ServiceNow credentials are refused with the status and ServiceNow's message, never the password")
    func serviceNowWrongPassword() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let wrong = "not-the-password-42"
            let error = await #expect(throws: IntegrationError.self) {
                try await Self.serviceNow(url, password: wrong).deliver(Self.notice(integration: "servicenow"))
            }
            #expect(error?.kind == .rejected(status: 401))
            #expect(error?.description.contains("check the configured credentials") == true)
            #expect(error?.description.contains(wrong) == false)
        }
    }

    @Test("an outage opens the breaker: calls then fail at once without reaching the service, and a trial after the cooldown closes it")
    func breakerOpensAndCloses() async throws {
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let breaker = CircuitBreaker(failureThreshold: 3, cooldown: .milliseconds(400))
            let notifier = Self.serviceNow(url, breaker: breaker)
            await fake.fail(with: [503, 503, 502])
            for _ in 0..<2 {
                let error = await #expect(throws: IntegrationError.self) { try await notifier.deliver(Self.notice(integration: "servicenow")) }
                #expect(error?.kind == .unavailable(status: 503))
            }
            // The failure that opens the breaker already says "down, wait": the caller
            // spends no attempt on it.
            let opening = await #expect(throws: IntegrationUnavailable.self) { try await notifier.deliver(Self.notice(integration: "servicenow")) }
            #expect(opening?.reason.contains("answered 502") == true)
            #expect(breaker.isOpen)
            let reached = await fake.requests.count
            let unavailable = await #expect(throws: IntegrationUnavailable.self) { try await notifier.deliver(Self.notice(integration: "servicenow")) }
            #expect(unavailable?.integration == "servicenow")
            #expect(try #require(unavailable?.retryAfter) <= .milliseconds(400))
            #expect(await fake.requests.count == reached)

            try await Task.sleep(for: .milliseconds(450))
            let notice = Self.notice(integration: "servicenow")
            try await notifier.deliver(notice)
            #expect(!breaker.isOpen)
            #expect(await fake.tickets(correlatedWith: notice.incidentID).count == 1)
        }
    }

    @Test("a service that is not listening is 'unreachable', worth a retry")
    func unreachable() async throws {
        // A port nothing listens on: bound, then closed.
        let fake = FakeIntegrationServer()
        let url = try await fake.serve { $0 }
        let notifier = WebhookNotifier(url: url.appending(path: "hook"), secret: nil, transport: IntegrationTransport(integration: "webhook", timeout: .seconds(2)))
        let error = await #expect(throws: IntegrationError.self) { try await notifier.deliver(Self.notice(integration: "webhook")) }
        #expect(error?.kind == .unreachable)
    }
}
