import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL connection URL as libpq reads it:
/// `postgres://user:password@host:port/database?sslmode=disable|prefer|require|verify-full`.
///
/// `sslmode` defaults to `prefer` like libpq; `require` encrypts without checking the
/// certificate (libpq's meaning), `verify-full` checks it against the system roots and the
/// host name. The password never appears in ``description``.
public struct PostgresDatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, username: String, password: String?, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
    }

    public init(_ text: String) throws(Invalid) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw Invalid(description: "the database URL must look like postgres://user:password@host:5432/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw Invalid(description: "the database URL names no host")
        }
        guard let username = components.user, !username.isEmpty else {
            throw Invalid(description: "the database URL names no user (postgres://USER:password@host/database)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw Invalid(description: "the database URL names no database (postgres://user:password@host/DATABASE)")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw Invalid(description: "sslmode '\(item.value ?? "")' is not one of disable, prefer, require, verify-full")
                }
                tls = mode
            default:
                throw Invalid(description: "the database URL option '\(item.name)' is not supported (only sslmode)")
            }
        }
        self.init(
            host: host, port: components.port ?? 5432, username: username.removingPercentEncoding ?? username,
            password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database, tls: tls
        )
    }

    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
    }

    /// The same server and credentials with another database (tests create one per test).
    public func with(database: String) -> PostgresDatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    var clientConfiguration: PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable:
            mode = .disable
        case .prefer, .require:
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            mode = tls == .prefer ? .prefer(unverified) : .require(unverified)
        case .verifyFull:
            mode = .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: mode)
    }
}
