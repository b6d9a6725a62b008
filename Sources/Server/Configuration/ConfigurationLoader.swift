import Engine
import Execution
public import Foundation
import Integrations
import Planning
import RemediatorCore
import Safety
import Storage
import Yams

/// Builds a ``ServerConfiguration`` from, in rising precedence: defaults, a YAML file,
/// `REMEDIATOR_*` environment variables and command-line flags.
///
/// Strict: an unknown key, a misspelt variable value or a port out of range is an
/// error that names the source and the setting, never a silently ignored setting.
public struct ConfigurationLoader: Sendable {
    /// A configuration value that cannot be used.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Settings given as flags; `nil` means "not given".
    public struct Overrides: Sendable {
        public var configFile: String?
        public var host: String?
        public var port: Int?
        public var dataDirectory: String?

        public init(configFile: String? = nil, host: String? = nil, port: Int? = nil, dataDirectory: String? = nil) {
            self.configFile = configFile
            self.host = host
            self.port = port
            self.dataDirectory = dataDirectory
        }
    }

    /// The names read from the environment, for the documentation and error messages.
    public static let environmentKeys: [String: String] = [
        "REMEDIATOR_CONFIG": "config_file",
        "REMEDIATOR_HOST": "host",
        "REMEDIATOR_PORT": "port",
        "REMEDIATOR_DATA_DIR": "data_dir",
        "REMEDIATOR_DATABASE_URL": "database_url",
        "REMEDIATOR_DATABASE_POOL_SIZE": "database_pool_size",
        "REMEDIATOR_MAX_BODY_BYTES": "max_body_bytes",
        "REMEDIATOR_BOOTSTRAP_TOKEN": "bootstrap_token",
        "REMEDIATOR_SECRET_KEY": "secret_key",
        "REMEDIATOR_SECRET_KEY_FILE": "secret_key_file",
        "REMEDIATOR_INVENTORY": "inventory",
        "REMEDIATOR_RUNBOOK_DIRS": "runbook_dirs",
        "REMEDIATOR_EXECUTOR": "executor",
        "REMEDIATOR_APPROVAL": "approval",
        "REMEDIATOR_WORKERS": "workers",
        "REMEDIATOR_LEASE_SECONDS": "lease_seconds",
        "REMEDIATOR_MAX_QUEUE_DEPTH": "max_queue_depth",
        "REMEDIATOR_PLAN_WORKERS": "plan_workers",
        "REMEDIATOR_EXECUTION_WORKERS": "execution_workers",
        "REMEDIATOR_RATE_LIMIT_HOST": "rate_limit_host",
        "REMEDIATOR_RATE_LIMIT_RUNBOOK": "rate_limit_runbook",
        "REMEDIATOR_VERIFY_WINDOW_SECONDS": "verify_window_seconds",
        "REMEDIATOR_SHADOW_RUNBOOKS": "shadow_runbooks",
        "REMEDIATOR_SHADOW_GROUPS": "shadow_groups",
        "REMEDIATOR_SHADOW_TENANTS": "shadow_tenants",
        "REMEDIATOR_NODE_ID": "node_id",
        "REMEDIATOR_LOG_LEVEL": "log_level",
        "REMEDIATOR_SAFETY_POLICY": "safety_policy",
        "REMEDIATOR_ENVIRONMENT": "environment",
        "REMEDIATOR_PLANNER": "planner",
        "REMEDIATOR_LLM_MODEL": "llm_model",
        "REMEDIATOR_LLM_BASE_URL": "llm_base_url",
        "REMEDIATOR_LLM_API_KEY": "llm_api_key",
        "REMEDIATOR_LLM_FALLBACK": "llm_fallback",
        "REMEDIATOR_LLM_TIMEOUT_SECONDS": "llm_timeout_seconds",
        "REMEDIATOR_LLM_MAX_OUTPUT_TOKENS": "llm_max_output_tokens",
        "REMEDIATOR_LLM_MAX_CONCURRENCY": "llm_max_concurrency",
        "REMEDIATOR_LLM_PLAN_CACHE_SECONDS": "llm_plan_cache_seconds",
        "REMEDIATOR_LLM_PRICE_INPUT_PER_1K": "llm_price_input_per_1k",
        "REMEDIATOR_LLM_PRICE_OUTPUT_PER_1K": "llm_price_output_per_1k",
        "REMEDIATOR_NOTIFY_WEBHOOK_URL": "notify_webhook_url",
        "REMEDIATOR_NOTIFY_WEBHOOK_SECRET": "notify_webhook_secret",
        "REMEDIATOR_SERVICENOW_URL": "servicenow_url",
        "REMEDIATOR_SERVICENOW_USER": "servicenow_user",
        "REMEDIATOR_SERVICENOW_PASSWORD": "servicenow_password",
        "REMEDIATOR_INTEGRATION_TIMEOUT_SECONDS": "integration_timeout_seconds",
        "REMEDIATOR_INTEGRATION_BREAKER_COOLDOWN_SECONDS": "integration_breaker_cooldown_seconds",
    ]

    let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func load(_ overrides: Overrides = Overrides()) throws(Failure) -> ServerConfiguration {
        var configuration = ServerConfiguration()
        if let file = overrides.configFile ?? environment["REMEDIATOR_CONFIG"] {
            try applyFile(file, to: &configuration)
        }
        for (variable, key) in Self.environmentKeys.sorted(by: { $0.key < $1.key }) where key != "config_file" {
            guard let value = environment[variable] else { continue }
            try apply(key, value, from: variable, to: &configuration)
        }
        if let host = overrides.host { configuration.host = host }
        if let port = overrides.port { try apply("port", String(port), from: "--port", to: &configuration) }
        if let dataDirectory = overrides.dataDirectory { configuration.dataDirectory = dataDirectory }
        // What the LLM providers read from the environment, captured here and passed down.
        configuration.planner.awsEnvironment = environment.filter { $0.key.hasPrefix("AWS_") }
        configuration.planner.homeDirectory = environment["HOME"]
        configuration.planner.vendorKeys = [.openai: environment["OPENAI_API_KEY"], .anthropic: environment["ANTHROPIC_API_KEY"]].compactMapValues { $0 }
        if let policyFile = configuration.safetyPolicyFile {
            do {
                configuration.safetyPolicies = try SafetyPolicyLoader().load(file: policyFile)
            } catch {
                throw Failure(description: error.description)
            }
        }
        if let problem = configuration.integrations.problem {
            throw Failure(description: problem)
        }
        guard configuration.safetyPolicies.policy(for: configuration.environment) != nil else {
            throw Failure(description: "environment '\(configuration.environment)' has no safety policy; the policy names \(configuration.safetyPolicies.names.joined(separator: ", "))")
        }
        return configuration
    }

    private func applyFile(_ path: String, to configuration: inout ServerConfiguration) throws(Failure) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read the config file \(path): \(error.localizedDescription)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            // Only the position: the parser's message can quote the file, secrets included.
            let position = String(describing: error).firstMatch(of: /line (\d+)/).map { " at line \($0.1)" } ?? ""
            throw Failure(description: "\(path) is not valid YAML\(position)")
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw Failure(description: "\(path): the top level must be a mapping of settings")
        }
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { throw Failure(description: "\(path): setting names must be strings") }
            if key == "runbook_dirs", let sequence = valueNode.sequence {
                configuration.runbookDirectories = sequence.compactMap(\.string)
                continue
            }
            if key.hasPrefix("shadow_"), let sequence = valueNode.sequence {
                try apply(key, sequence.compactMap(\.string).joined(separator: ","), from: path, to: &configuration)
                continue
            }
            if key == "inventory", valueNode.mapping != nil {
                do {
                    configuration.inventory = try InventoryLoader.load(node: valueNode, origin: "\(path) (inventory)")
                } catch {
                    throw Failure(description: error.description)
                }
                continue
            }
            guard let value = valueNode.string else {
                throw Failure(description: "\(path): '\(key)' must be a single value")
            }
            try apply(key, value, from: path, to: &configuration)
        }
    }

    private func apply(_ key: String, _ value: String, from source: String, to configuration: inout ServerConfiguration) throws(Failure) {
        func integer(in range: ClosedRange<Int>) throws(Failure) -> Int {
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
                throw Failure(description: "\(source): '\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
            }
            return number
        }
        func httpURL() throws(Failure) -> URL {
            // The URL may carry credentials: the message names the setting, not the value.
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
                throw Failure(description: "\(source): '\(key)' must be an http(s) URL")
            }
            return url
        }
        switch key {
        case "host":
            guard !value.isEmpty else { throw Failure(description: "\(source): 'host' is empty") }
            configuration.host = value
        case "port": configuration.port = try integer(in: 0...65535)
        case "data_dir":
            guard !value.isEmpty else { throw Failure(description: "\(source): 'data_dir' is empty") }
            configuration.dataDirectory = value
        case "database_url":
            do {
                configuration.databaseURL = try PostgresDatabaseURL(value)
            } catch {
                // The URL holds a password: the message names the problem, not the value.
                throw Failure(description: "\(source): 'database_url': \(error.description)")
            }
        case "database_pool_size": configuration.databasePoolSize = try integer(in: 1...1000)
        case "max_body_bytes": configuration.maxBodyBytes = try integer(in: 1024...(64 << 20))
        case "bootstrap_token":
            guard value.count >= 16 else {
                throw Failure(description: "\(source): the bootstrap token must be at least 16 characters")
            }
            configuration.bootstrapToken = value
        case "secret_key":
            configuration.secretKey = value
        case "secret_key_file":
            guard !value.isEmpty else { throw Failure(description: "\(source): 'secret_key_file' is empty") }
            configuration.secretKeyFile = value
        case "inventory":
            do {
                configuration.inventory = try InventoryLoader.load(file: value)
            } catch {
                throw Failure(description: "\(source): \(error.description)")
            }
        case "runbook_dirs":
            configuration.runbookDirectories = value.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        case "executor":
            guard let kind = ServerConfiguration.ExecutorKind(rawValue: value) else {
                throw Failure(description: "\(source): 'executor' must be one of \(ServerConfiguration.ExecutorKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'")
            }
            configuration.executor = kind
        case "approval":
            guard let mode = EngineConfiguration.ApprovalMode(rawValue: value) else {
                throw Failure(description: "\(source): 'approval' must be 'human' or 'auto-allow', not '\(value)'")
            }
            configuration.approvalMode = mode
        case "workers": configuration.workers = try integer(in: 0...256)
        case "lease_seconds": configuration.leaseSeconds = try integer(in: 3...3600)
        case "max_queue_depth": configuration.maxQueueDepth = try integer(in: 0...100_000_000)
        case "plan_workers": configuration.planWorkers = try integer(in: 0...1024)
        case "execution_workers": configuration.executionWorkers = try integer(in: 0...1024)
        case "rate_limit_host", "rate_limit_runbook":
            guard let limit = RateLimit(value) else {
                throw Failure(description: "\(source): '\(key)' must be RUNS/WINDOW with the window in s, m, h or d (at most 30d), e.g. 5/1h, not '\(value)'")
            }
            if key == "rate_limit_host" { configuration.hostRateLimit = limit } else { configuration.runbookRateLimit = limit }
        case "verify_window_seconds": configuration.verifyWindowSeconds = try integer(in: 0...86_400)
        case "shadow_runbooks", "shadow_groups", "shadow_tenants":
            // Comma-separated names (a YAML list in the config file).
            let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let bad = names.first(where: { $0.range(of: "^[A-Za-z0-9._-]{1,128}$", options: .regularExpression) == nil }) {
                throw Failure(description: "\(source): '\(key)' lists '\(bad)', which is not a name (letters, digits, '.', '_', '-')")
            }
            switch key {
            case "shadow_runbooks": configuration.shadow.runbooks = Set(names)
            case "shadow_groups": configuration.shadow.groups = Set(names)
            default: configuration.shadow.tenants = Set(names.map { TenantID($0) })
            }
        case "node_id":
            guard value.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
                throw Failure(description: "\(source): 'node_id' must be 1–64 letters, digits, '.', '_' or '-'")
            }
            configuration.nodeID = value
        case "log_level":
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            guard levels.contains(value) else {
                throw Failure(description: "\(source): 'log_level' must be one of \(levels.joined(separator: ", "))")
            }
            configuration.logLevel = value
        case "safety_policy":
            guard !value.isEmpty else { throw Failure(description: "\(source): 'safety_policy' is empty") }
            configuration.safetyPolicyFile = value
        case "environment":
            guard value.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
                throw Failure(description: "\(source): 'environment' must be 1–64 letters, digits, '.', '_' or '-'")
            }
            configuration.environment = value
        case "planner":
            guard let kind = PlannerConfiguration.Kind(rawValue: value) else {
                throw Failure(description: "\(source): 'planner' must be one of \(PlannerConfiguration.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'")
            }
            configuration.planner.kind = kind
        case "llm_model":
            guard !value.isEmpty, value.count <= 256 else { throw Failure(description: "\(source): 'llm_model' must be 1–256 characters") }
            configuration.planner.model = value
        case "llm_base_url":
            configuration.planner.baseURL = try httpURL()
        case "notify_webhook_url":
            configuration.integrations.webhookURL = try httpURL()
        case "notify_webhook_secret":
            guard value.count >= 16 else { throw Failure(description: "\(source): 'notify_webhook_secret' must be at least 16 characters") }
            configuration.integrations.webhookSecret = value
        case "servicenow_url":
            configuration.integrations.serviceNowURL = try httpURL()
        case "servicenow_user":
            guard !value.isEmpty, !value.contains(":") else { throw Failure(description: "\(source): 'servicenow_user' must be a user name without ':'") }
            configuration.integrations.serviceNowUser = value
        case "servicenow_password":
            guard !value.isEmpty else { throw Failure(description: "\(source): 'servicenow_password' is empty") }
            configuration.integrations.serviceNowPassword = value
        case "integration_timeout_seconds": configuration.integrations.timeoutSeconds = try integer(in: 1...300)
        case "integration_breaker_cooldown_seconds": configuration.integrations.breakerCooldownSeconds = try integer(in: 1...3600)
        case "llm_api_key":
            // Never echoed back: the value is a secret.
            guard !value.isEmpty else { throw Failure(description: "\(source): 'llm_api_key' is empty") }
            configuration.planner.apiKey = value
        case "llm_fallback":
            var chain: [PlannerConfiguration.Kind] = []
            for name in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let kind = PlannerConfiguration.Kind(rawValue: name), kind != .runbook else {
                    throw Failure(description: "\(source): 'llm_fallback' lists providers (bedrock, openai, anthropic), not '\(name)'; the runbook planner is always the last resort")
                }
                chain.append(kind)
            }
            configuration.planner.fallback = chain
        case "llm_timeout_seconds": configuration.planner.timeoutSeconds = try integer(in: 1...600)
        case "llm_max_output_tokens": configuration.planner.maxOutputTokens = try integer(in: 256...65536)
        case "llm_max_concurrency": configuration.planner.maxConcurrentCalls = try integer(in: 1...1024)
        case "llm_plan_cache_seconds": configuration.planner.planCacheSeconds = try integer(in: 0...86_400)
        case "llm_price_input_per_1k", "llm_price_output_per_1k":
            guard let price = Double(value.trimmingCharacters(in: .whitespaces)), price >= 0, price.isFinite else {
                throw Failure(description: "\(source): '\(key)' must be a price in US dollars, not '\(value)'")
            }
            let model = configuration.planner.model ?? PlannerConfiguration.defaultModel(for: configuration.planner.kind)
            var prices = configuration.planner.prices[model] ?? TokenPrices(inputPer1K: 0, outputPer1K: 0)
            if key == "llm_price_input_per_1k" { prices.inputPer1K = price } else { prices.outputPer1K = price }
            configuration.planner.prices[model] = prices
        default:
            throw Failure(description: "\(source): unknown setting '\(key)'")
        }
    }
}
