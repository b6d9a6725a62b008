import Foundation

/// Databases, clusters and infrastructure tools, the same from bash and PowerShell.
enum DataPlaneRules {
    private static let optionsWithValue: Set<String> = ["-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user", "-s", "--server", "--token", "-l", "--selector", "--as"]
    private static let namespaceKinds: Set<String> = ["ns", "namespace", "namespaces"]

    typealias Report = (Rule, Int, String?) -> Void

    /// The programs these rules are about.
    static let programs: Set<String> = [
        "mysql", "mariadb", "psql", "sqlcmd", "osql", "sqlite3", "mongo", "mongosh", "cqlsh", "clickhouse-client", "invoke-sqlcmd",
        "mysqladmin", "dropdb", "redis-cli", "kubectl", "oc", "terraform", "tofu",
    ]

    /// `name` is the lower-cased program name, `arguments` its arguments as written.
    static func check(name: String, arguments: @autoclosure () -> [String], offset: Int, report: Report) {
        guard programs.contains(name) else { return }
        let lowered = arguments().map { $0.asciiLowercased() }
        switch name {
        case "mysql", "mariadb", "psql", "sqlcmd", "osql", "sqlite3", "mongo", "mongosh", "cqlsh", "clickhouse-client", "invoke-sqlcmd":
            if lowered.contains(where: containsDestructiveSQL) {
                report(RuleCatalog.databaseDrop, offset, "\(name) runs DROP or TRUNCATE")
            }
        case "mysqladmin":
            if lowered.contains("drop") { report(RuleCatalog.databaseDrop, offset, "mysqladmin drop") }
        case "dropdb":
            report(RuleCatalog.databaseDrop, offset, "dropdb")
        case "redis-cli":
            if lowered.contains("flushall") || lowered.contains("flushdb") { report(RuleCatalog.databaseDrop, offset, "redis-cli flush") }
        case "kubectl", "oc":
            checkKubernetes(lowered, offset: offset, report: report)
        case "terraform", "tofu":
            if lowered.contains("destroy") || (lowered.contains("apply") && lowered.contains("-destroy")) {
                report(RuleCatalog.terraformDestroy, offset, "\(name) destroy")
            }
        default:
            break
        }
    }

    /// SQL that drops or empties data: DROP DATABASE/SCHEMA/TABLE, TRUNCATE, DELETE without WHERE.
    static func containsDestructiveSQL(_ text: String) -> Bool {
        guard text.contains("drop") || text.contains("truncate") || text.contains("delete") else { return false }
        let sql = text.utf8.contains(UInt8(ascii: "\n")) ? String(text.map { $0 == "\n" ? " " : $0 }) : text
        let range = NSRange(sql.startIndex..., in: sql)
        if destructiveSQL.contains(where: { $0.firstMatch(in: sql, range: range) != nil }) { return true }
        if sql.contains("dropdatabase(") || sql.contains(".drop(") { return true }
        return false
    }

    /// DROP DATABASE/SCHEMA/TABLE, TRUNCATE, DELETE FROM without a WHERE clause.
    private static let destructiveSQL: [NSRegularExpression] = [
        #"\bdrop\s+(database|schema|table|keyspace|collection)\b"#,
        #"\btruncate\s+(table\s+)?\w"#,
        #"\bdelete\s+from\s+[\w.\[\]"`]+\s*(;|$)"#,
    ].map { pattern in
        // The patterns are constants; a typo in one is a programming error caught by every test run.
        try! NSRegularExpression(pattern: pattern)
    }

    static func checkKubernetes(_ arguments: [String], offset: Int, report: Report) {
        // Global options before the verb take values: `kubectl -n shop rollout restart ...`.
        let optionsWithValue = Self.optionsWithValue
        var verbIndex: Int?
        var index = 0
        while index < arguments.count {
            if optionsWithValue.contains(arguments[index]) { index += 2; continue }
            if arguments[index].hasPrefix("-") { index += 1; continue }
            verbIndex = index
            break
        }
        guard let verbIndex else { return }
        let verb = arguments[verbIndex]
        let rest = arguments[(verbIndex + 1)...]
        switch verb {
        case "delete":
            let allNamespaces = rest.contains("--all-namespaces") || rest.contains("-a")
            let namespaceKinds = Self.namespaceKinds
            let systemNamespace = rest.contains { ["kube-system", "kube-public", "kube-node-lease", "default"].contains($0) || $0.hasPrefix("namespace/kube-") }
            let deletesNamespaces = rest.first.map(namespaceKinds.contains) ?? false
            let everything = rest.contains("--all") && (rest.first == "all" || rest.contains("nodes") || rest.contains("node"))
            if allNamespaces || (deletesNamespaces && (systemNamespace || rest.contains("--all"))) || everything || rest.contains("nodes") && rest.contains("--all") {
                report(RuleCatalog.clusterWideDelete, offset, "kubectl delete \(rest.joined(separator: " "))")
            } else {
                report(RuleCatalog.clusterChange, offset, "kubectl delete")
            }
        case "drain", "cordon", "scale", "rollout", "patch", "apply", "replace", "edit", "set", "label", "annotate", "taint":
            report(RuleCatalog.clusterChange, offset, "kubectl \(verb)")
        default:
            break
        }
    }
}
