import Foundation

/// Finds credentials and the region the way the AWS CLI and SDKs do, for the sources a
/// server uses: the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
/// `AWS_SESSION_TOKEN`), then the profile named by `AWS_PROFILE` (else `default`) in the
/// shared credentials file and the config file.
///
/// The environment and the home directory are values passed in, so nothing deep inside
/// reads the process's own.
public struct AWSCredentialChain: Sendable {
    public let environment: [String: String]
    public let homeDirectory: String?

    public init(environment: [String: String], homeDirectory: String?) {
        self.environment = environment
        self.homeDirectory = homeDirectory
    }

    /// The credentials of the first source that has them.
    public func credentials() throws(AWSConfigurationError) -> AWSCredentials {
        let accessKey = nonEmpty("AWS_ACCESS_KEY_ID")
        let secretKey = nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (accessKey, secretKey) {
        case (let accessKey?, let secretKey?):
            return AWSCredentials(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: nonEmpty("AWS_SESSION_TOKEN"))
        case (_?, nil):
            throw AWSConfigurationError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (nil, _?):
            throw AWSConfigurationError("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (nil, nil):
            break
        }
        let profile = profileName
        let fromCredentialsFile = try settings(file: credentialsFilePath, section: profile)
        let fromConfigFile = try settings(file: configFilePath, section: profile == "default" ? "default" : "profile \(profile)")
        for settings in [fromCredentialsFile, fromConfigFile].compactMap({ $0 }) {
            if let accessKey = settings["aws_access_key_id"], let secretKey = settings["aws_secret_access_key"], !accessKey.isEmpty, !secretKey.isEmpty {
                return AWSCredentials(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: settings["aws_session_token"])
            }
            for unsupported in ["role_arn", "sso_session", "sso_start_url", "credential_process", "web_identity_token_file"] where settings[unsupported] != nil {
                throw AWSConfigurationError("profile '\(profile)' gets its credentials through \(unsupported), which Remediator does not support: give it aws_access_key_id and aws_secret_access_key, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
            }
        }
        if fromCredentialsFile == nil, fromConfigFile == nil, environment["AWS_PROFILE"] != nil {
            throw AWSConfigurationError("profile '\(profile)' (AWS_PROFILE) is in neither \(credentialsFilePath ?? "~/.aws/credentials") nor \(configFilePath ?? "~/.aws/config")")
        }
        throw AWSConfigurationError("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials")
    }

    /// `AWS_REGION`, `AWS_DEFAULT_REGION`, or the profile's `region` in the config file.
    public func region() throws(AWSConfigurationError) -> String {
        if let region = nonEmpty("AWS_REGION") ?? nonEmpty("AWS_DEFAULT_REGION") { return region }
        let profile = profileName
        if let region = try settings(file: configFilePath, section: profile == "default" ? "default" : "profile \(profile)")?["region"], !region.isEmpty {
            return region
        }
        throw AWSConfigurationError("no AWS region: set AWS_REGION or a region in the profile '\(profile)' of \(configFilePath ?? "~/.aws/config")")
    }

    var profileName: String { nonEmpty("AWS_PROFILE") ?? "default" }

    var credentialsFilePath: String? {
        nonEmpty("AWS_SHARED_CREDENTIALS_FILE") ?? homeDirectory.map { $0 + "/.aws/credentials" }
    }

    var configFilePath: String? {
        nonEmpty("AWS_CONFIG_FILE") ?? homeDirectory.map { $0 + "/.aws/config" }
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A section of a file; `nil` when the file or the section is missing.
    private func settings(file path: String?, section: String) throws(AWSConfigurationError) -> [String: String]? {
        guard let path, FileManager.default.fileExists(atPath: path) else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AWSConfigurationError("\(path) cannot be read: \(error.localizedDescription)")
        }
        return AWSConfigFile(text: text).sections[section]
    }
}

/// AWS settings that are missing or unusable, with what to do about it.
public struct AWSConfigurationError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
