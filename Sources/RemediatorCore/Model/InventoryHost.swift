/// A host Remediator may run plans on, and how to reach it.
public struct InventoryHost: Sendable, Equatable, Encodable {
    public enum Platform: String, Sendable, Encodable, CaseIterable {
        case linux
        case windows
    }

    /// How plans reach the host.
    public enum ExecutorKind: String, Sendable, Encodable, CaseIterable {
        case ssh
        case ssm
        case local
        case dryRun = "dry-run"
    }

    public var name: String
    /// DNS name or IP address; the name when not given.
    public var address: String
    public var port: Int
    public var platform: Platform
    public var executor: ExecutorKind
    public var user: String?
    /// The name of the secret holding the private key or password (never its value).
    public var credential: String?
    public var privateKeyFile: String?
    /// The server's public key as `TYPE BASE64` (a known_hosts entry without the host name).
    public var hostKey: String?
    public var knownHostsFile: String?
    /// The EC2 or managed instance id, for SSM.
    public var instanceID: String?
    public var region: String?
    public var tags: [String]
    /// The groups the host belongs to, in the file's order.
    public var groups: [String]

    public init(
        name: String, address: String, port: Int = 22, platform: Platform = .linux, executor: ExecutorKind = .dryRun, user: String? = nil,
        credential: String? = nil, privateKeyFile: String? = nil, hostKey: String? = nil, knownHostsFile: String? = nil,
        instanceID: String? = nil, region: String? = nil, tags: [String] = [], groups: [String] = []
    ) {
        self.name = name
        self.address = address
        self.port = port
        self.platform = platform
        self.executor = executor
        self.user = user
        self.credential = credential
        self.privateKeyFile = privateKeyFile
        self.hostKey = hostKey
        self.knownHostsFile = knownHostsFile
        self.instanceID = instanceID
        self.region = region
        self.tags = tags
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case name, address, port, platform, executor, user, credential, region, tags, groups
        case privateKeyFile = "private_key_file"
        case hostKey = "host_key"
        case knownHostsFile = "known_hosts_file"
        case instanceID = "instance_id"
    }
}
