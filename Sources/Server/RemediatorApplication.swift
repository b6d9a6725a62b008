import AWS
import AsyncHTTPClient
import Engine
import Execution
import Foundation
public import Hummingbird
import Ingest
import Integrations
import Knowledge
public import Logging
import Planning
import RemediatorCore
import Safety
import ServiceLifecycle
import Storage

/// Builds the whole server from a configuration: store, engine services and HTTP routes.
///
/// The `remediator serve` command and the tests both call ``build(configuration:logger:)``,
/// so what is tested is what runs.
public enum RemediatorApplication {
    public static func build(configuration: ServerConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
        let (store, storeService) = try await openStore(configuration: configuration, logger: logger)

        let catalog = RunbookCatalog.load(directories: configuration.runbookDirectories)
        for problem in catalog.problems {
            logger.error("runbook not loaded", metadata: ["origin": "\(problem.origin)", "problem": "\(problem.message)"])
        }
        logger.info("runbooks loaded", metadata: ["count": "\(catalog.runbooks.count)"])

        let vault: SecretVault
        do {
            vault = SecretVault(store: store, key: try secretKey(configuration: configuration, logger: logger))
        } catch {
            throw ConfigurationLoader.Failure(description: error.description)
        }
        let executor: any Executor = switch configuration.executor {
        case .dryRun: DryRunExecutor()
        case .local: LocalExecutor()
        }
        // An inventory host marked `local` is this machine by the operator's word.
        let localNames = configuration.inventory.hosts.filter { $0.executor == .local }.flatMap { [$0.name, $0.address] }
        let ssh = SSHExecutor(vault: vault)
        var remoteExecutors: [InventoryHost.ExecutorKind: any Executor] = [
            .dryRun: DryRunExecutor(), .local: LocalExecutor(hostNames: LocalExecutor.defaultHostNames.union(localNames)), .ssh: ssh,
        ]
        if let ssm = try ssmExecutor(configuration: configuration) { remoteExecutors[.ssm] = ssm }
        let executors = ExecutorRouter(inventory: configuration.inventory, standalone: executor, executors: remoteExecutors)
        let engineConfiguration = EngineConfiguration(
            nodeID: configuration.nodeID, workers: configuration.workers, planWorkers: configuration.planWorkers,
            executionWorkers: configuration.executionWorkers, lease: .seconds(configuration.leaseSeconds), approvalMode: configuration.approvalMode,
            hostRateLimit: configuration.hostRateLimit, runbookRateLimit: configuration.runbookRateLimit,
            verifyWindow: .seconds(configuration.verifyWindowSeconds), shadow: configuration.shadow
        )
        guard let validator = SafetyValidator(policies: configuration.safetyPolicies, environment: configuration.environment) else {
            throw ConfigurationLoader.Failure(description: "environment '\(configuration.environment)' has no safety policy")
        }
        let metrics = ServerMetrics()
        let planner: any Planner
        // Shut down after the workers (services stop in reverse order): closes the SSH
        // connections kept open between steps.
        // Services stop in reverse order: the store's connections last.
        var services: [any Service] = (storeService.map { [$0] } ?? []) + [SSHExecutorService(executor: ssh)]
        if configuration.planner.kind == .runbook {
            planner = RunbookPlanner(catalog: catalog, inventory: configuration.inventory)
        } else {
            let httpClient = PlannerFactory.makeHTTPClient(for: configuration.planner)
            do {
                planner = try PlannerFactory.make(
                    configuration.planner, catalog: catalog, inventory: configuration.inventory, meter: metrics.llm, httpClient: httpClient
                )
            } catch {
                try? await httpClient.shutdown()
                throw ConfigurationLoader.Failure(description: error.description)
            }
            services.append(HTTPClientService(client: httpClient))
        }
        var notifiers: [any IncidentNotifier] = []
        if !configuration.integrations.names.isEmpty {
            let httpClient = IntegrationsConfiguration.makeHTTPClient()
            notifiers = configuration.integrations.makeNotifiers(httpClient: httpClient)
            services.append(HTTPClientService(client: httpClient))
        }
        let signal = WorkSignal()
        let runner = StageRunner(
            store: store, catalog: catalog, planner: planner, validator: validator,
            executors: executors, notifiers: notifiers, configuration: engineConfiguration
        )
        let workers = WorkerPool(store: store, runner: runner, signal: signal, configuration: engineConfiguration, logger: logger)
        let ingest = IngestService(store: store, signal: signal, maxBatch: engineConfiguration.maxIngestBatch, logger: logger)
        let queueDepth = QueueDepthGauge(store: store, limit: configuration.maxQueueDepth)
        let actions = IncidentActions(store: store, signal: signal)

        let router = Router(context: RemediatorRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        OperationsRoutes(store: store, metrics: metrics).register(on: router)
        let api = router.group("v1").add(middleware: APIKeyAuthenticator(store: store))
        AlertRoutes(ingest: ingest, queueDepth: queueDepth, store: store, adapters: .standard, maxBodyBytes: configuration.maxBodyBytes, metrics: metrics).register(on: api)
        IncidentRoutes(store: store, actions: actions, maxBodyBytes: configuration.maxBodyBytes).register(on: api)
        ScriptRoutes(validator: validator, maxBodyBytes: configuration.maxBodyBytes).register(on: api)
        RunbookRoutes(catalog: catalog).register(on: api)
        AuditRoutes(audit: store).register(on: api)
        SecretRoutes(vault: vault, maxBodyBytes: configuration.maxBodyBytes).register(on: api)
        InventoryRoutes(inventory: configuration.inventory).register(on: api)
        ShadowRoutes(store: store).register(on: api)
        ExecutionRoutes(executionSwitch: ExecutionSwitch(store: store, signal: signal), maxBodyBytes: configuration.maxBodyBytes).register(on: api)

        logger.info("remediator configured", metadata: [
            "data_dir": "\(configuration.dataDirectory)", "executor": "\(configuration.executor.rawValue)",
            "approval": "\(configuration.approvalMode.rawValue)", "workers": "\(configuration.workers)", "plan_workers": "\(configuration.planWorkers)", "execution_workers": "\(configuration.executionWorkers)",
            "inventory_hosts": "\(configuration.inventory.hosts.count)", "integrations": "\(configuration.integrations.names.joined(separator: ","))",
            "environment": "\(configuration.environment)", "safety_policy": "\(configuration.safetyPolicyFile ?? "built-in")",
            "planner": "\(configuration.planner.kind.rawValue)", "llm_model": "\(configuration.planner.kind == .runbook ? "-" : configuration.planner.model ?? PlannerConfiguration.defaultModel(for: configuration.planner.kind))",
        ])
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "remediator"),
            services: services + [queueDepth, ingest, workers],
            logger: logger
        )
    }

    /// The store: PostgreSQL when `database_url` is set (migrated and with a first API key
    /// before anything else starts; its pool is returned as a service to run), else SQLite
    /// in the data directory.
    static func openStore(configuration: ServerConfiguration, logger: Logger) async throws -> (any Store, (any Service)?) {
        guard let url = configuration.databaseURL else {
            let store = try SQLiteStore(configuration: .init(path: configuration.databasePath))
            try await bootstrapAPIKey(configuration: configuration, store: store, logger: logger)
            return (store, nil)
        }
        // Every node must open the others' secrets: a key made up by one node would not.
        guard configuration.secretKey != nil || configuration.secretKeyFile != nil else {
            throw ConfigurationLoader.Failure(description: "with a shared database (database_url) every node needs the same secret key: set secret_key (REMEDIATOR_SECRET_KEY) or secret_key_file")
        }
        // The data directory still holds this node's files (`admin.key`).
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let postgres = PostgresStore.Configuration(database: url, maximumConnections: configuration.databasePoolSize)
        try await PostgresStore.withRunning(postgres, logger: logger) { store in
            try await store.migrate()
            try await bootstrapAPIKey(configuration: configuration, store: store, logger: logger)
        }
        logger.info("using PostgreSQL", metadata: ["database": "\(url)"])
        let store = PostgresStore(configuration: postgres, logger: logger)
        return (store, store)
    }

    /// The SSM executor when the inventory has SSM hosts: AWS credentials and a region for
    /// every such host must be there at start, not discovered missing at 3 a.m.
    static func ssmExecutor(configuration: ServerConfiguration) throws(ConfigurationLoader.Failure) -> SSMExecutor? {
        let hosts = configuration.inventory.hosts.filter { $0.executor == .ssm }
        guard !hosts.isEmpty else { return nil }
        let chain = AWSCredentialChain(environment: configuration.planner.awsEnvironment, homeDirectory: configuration.planner.homeDirectory)
        do {
            let credentials = try chain.credentials()
            let region: String
            if let unset = hosts.first(where: { $0.region == nil }) {
                do {
                    region = try chain.region()
                } catch {
                    throw ConfigurationLoader.Failure(description: "SSM host '\(unset.name)' has no region and there is no default: \(error)")
                }
            } else {
                region = (try? chain.region()) ?? hosts[0].region ?? "us-east-1"
            }
            return SSMExecutor(client: AWSClient(credentials: credentials, region: region), environment: configuration.planner.awsEnvironment)
        } catch let error as AWSConfigurationError {
            throw ConfigurationLoader.Failure(description: "the inventory has SSM hosts (\(hosts.map(\.name).joined(separator: ", "))): \(error)")
        } catch let error as ConfigurationLoader.Failure {
            throw error
        } catch {
            throw ConfigurationLoader.Failure(description: "\(error)")
        }
    }

    /// The key that seals secrets: `secret_key`, else `secret_key_file`, else the data
    /// directory's `secret.key`, created on first start. A configured key file that does not
    /// exist is an error, not a new key: secrets sealed with the intended key would become
    /// unreadable.
    static func secretKey(configuration: ServerConfiguration, logger: Logger) throws(SecretError) -> SecretKey {
        if let text = configuration.secretKey {
            return try SecretKey(base64: text, origin: "REMEDIATOR_SECRET_KEY")
        }
        if let file = configuration.secretKeyFile {
            return try SecretKey.load(file: file)
        }
        let file = configuration.dataDirectory + "/secret.key"
        guard FileManager.default.fileExists(atPath: file) else {
            let key = try SecretKey.create(file: file)
            logger.notice("created a secret key for secrets at rest; keep a copy, or set REMEDIATOR_SECRET_KEY", metadata: ["file": "\(file)", "key_id": "\(key.id)"])
            return key
        }
        return try SecretKey.load(file: file)
    }

    /// Makes sure someone can log in: the bootstrap token becomes the first admin key on
    /// an empty store; without one, a random admin key is written to `admin.key` in the
    /// data directory (mode 0600). The key itself is never logged.
    static func bootstrapAPIKey(configuration: ServerConfiguration, store: any APIKeyStore, logger: Logger) async throws {
        guard try await !store.hasAPIKeys() else {
            if configuration.bootstrapToken != nil {
                logger.notice("REMEDIATOR_BOOTSTRAP_TOKEN ignored: the store already has API keys")
            }
            return
        }
        let secret = configuration.bootstrapToken ?? APIKeys.generateSecret()
        let key = APIKey(
            id: Identifier.make(), tenantID: .default, name: "bootstrap-admin", role: .admin,
            secretHash: APIKeys.hash(secret), createdAt: Date()
        )
        if configuration.bootstrapToken != nil {
            if try await store.createFirstAPIKey(key) {
                logger.notice("the bootstrap token is now the admin API key")
            }
            return
        }
        // The file first: a key nobody can read would lock everyone out.
        let path = configuration.dataDirectory + "/admin.key"
        if let problem = PrivateFile.create(path, contents: secret + "\n") {
            throw StoreError.unavailable(problem)
        }
        guard try await store.createFirstAPIKey(key) else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        logger.notice("created the first admin API key", metadata: ["file": "\(path)"])
    }
}
