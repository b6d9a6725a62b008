@testable import AWS
import Foundation
import Testing

@Suite("AWS credentials, region and endpoints")
struct AWSCredentialChainTests {
    /// A home directory with `.aws/credentials` and `.aws/config`, removed afterwards.
    final class Home {
        let path: String

        init(credentials: String? = nil, config: String? = nil) throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("aws-home-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
            if let credentials { try credentials.write(toFile: path + "/.aws/credentials", atomically: true, encoding: .utf8) }
            if let config { try config.write(toFile: path + "/.aws/config", atomically: true, encoding: .utf8) }
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test("environment keys win over every file, with their session token")
    func environmentFirst() throws {
        let home = try Home(credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n")
        let chain = AWSCredentialChain(
            environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "token"],
            homeDirectory: home.path
        )
        #expect(try chain.credentials() == AWSCredentials(accessKeyID: "ENVKEY", secretAccessKey: "envsecret", sessionToken: "token"))
    }

    @Test("half a key pair in the environment is an error that names the missing variable")
    func halfPair() {
        let chain = AWSCredentialChain(environment: ["AWS_ACCESS_KEY_ID": "ENVKEY"], homeDirectory: nil)
        #expect(throws: AWSConfigurationError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")) { try chain.credentials() }
    }

    @Test("AWS_PROFILE picks a section of the credentials file; comments and nested settings are skipped")
    func namedProfile() throws {
        let home = try Home(credentials: """
            # shared credentials
            [default]
            aws_access_key_id = DEFAULTKEY
            aws_secret_access_key = defaultsecret

            [prod]
            ; the production account
            aws_access_key_id = PRODKEY
            aws_secret_access_key = prod/secret+with=signs
            aws_session_token = prodtoken
            s3 =
              max_concurrent_requests = 20
            """)
        let chain = AWSCredentialChain(environment: ["AWS_PROFILE": "prod"], homeDirectory: home.path)
        #expect(try chain.credentials() == AWSCredentials(accessKeyID: "PRODKEY", secretAccessKey: "prod/secret+with=signs", sessionToken: "prodtoken"))
        let fallback = AWSCredentialChain(environment: [:], homeDirectory: home.path)
        #expect(try fallback.credentials().accessKeyID == "DEFAULTKEY")
    }

    @Test("keys and the region can come from the config file's `profile NAME` section")
    func configFile() throws {
        let home = try Home(config: "[profile ops]\nregion = eu-west-1\naws_access_key_id = OPSKEY\naws_secret_access_key = opssecret\n[default]\nregion = us-east-2\n")
        let ops = AWSCredentialChain(environment: ["AWS_PROFILE": "ops"], homeDirectory: home.path)
        #expect(try ops.credentials().accessKeyID == "OPSKEY")
        #expect(try ops.region() == "eu-west-1")
        #expect(try AWSCredentialChain(environment: [:], homeDirectory: home.path).region() == "us-east-2")
        #expect(try AWSCredentialChain(environment: ["AWS_REGION": "ap-south-1"], homeDirectory: home.path).region() == "ap-south-1")
        #expect(try AWSCredentialChain(environment: ["AWS_DEFAULT_REGION": "sa-east-1"], homeDirectory: home.path).region() == "sa-east-1")
    }

    @Test("AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move the files")
    func fileOverrides() throws {
        let home = try Home(credentials: "[default]\naws_access_key_id = MOVEDKEY\naws_secret_access_key = movedsecret\n")
        let chain = AWSCredentialChain(environment: ["AWS_SHARED_CREDENTIALS_FILE": home.path + "/.aws/credentials"], homeDirectory: "/nonexistent")
        #expect(try chain.credentials().accessKeyID == "MOVEDKEY")
    }

    @Test("a missing profile, a role-based profile and no credentials at all fail with what to do")
    func failures() throws {
        let home = try Home(credentials: "[default]\naws_access_key_id = K\naws_secret_access_key = S\n", config: "[profile assumed]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n")
        #expect(throws: AWSConfigurationError.self) { try AWSCredentialChain(environment: ["AWS_PROFILE": "missing"], homeDirectory: home.path).credentials() }
        let roleError = #expect(throws: AWSConfigurationError.self) {
            try AWSCredentialChain(environment: ["AWS_PROFILE": "assumed"], homeDirectory: home.path).credentials()
        }
        #expect(roleError?.message.contains("role_arn") == true)
        #expect(throws: AWSConfigurationError.self) { try AWSCredentialChain(environment: [:], homeDirectory: "/nonexistent").credentials() }
        #expect(throws: AWSConfigurationError.self) { try AWSCredentialChain(environment: [:], homeDirectory: "/nonexistent").region() }
    }

    @Test("credentials never print their secret or token")
    func redacted() {
        let text = "\(AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG", sessionToken: "FQoGZXIvYXdzEXAMPLE"))"
        #expect(text.contains("AKIDEXAMPLE"))
        #expect(!text.contains("wJalrXUtnFEMI"))
        #expect(!text.contains("FQoGZXIvYXdzEXAMPLE"))
    }

    @Test("endpoints: per-service variable, then AWS_ENDPOINT_URL, then the region's")
    func endpoints() throws {
        #expect(try AWSEndpoint.url(service: "bedrock-runtime", region: "us-east-1", environment: [:]).absoluteString == "https://bedrock-runtime.us-east-1.amazonaws.com")
        let both = ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME": "http://127.0.0.1:9001", "AWS_ENDPOINT_URL": "http://127.0.0.1:9002"]
        #expect(try AWSEndpoint.url(service: "bedrock-runtime", region: "us-east-1", environment: both).absoluteString == "http://127.0.0.1:9001")
        #expect(try AWSEndpoint.url(service: "ssm", region: "us-east-1", environment: both).absoluteString == "http://127.0.0.1:9002")
        #expect(throws: AWSConfigurationError.self) { try AWSEndpoint.url(service: "ssm", region: "us-east-1", environment: ["AWS_ENDPOINT_URL_SSM": "ftp://x"]) }
        #expect(throws: AWSConfigurationError.self) { try AWSEndpoint.url(service: "ssm", region: "us-east-1/../evil", environment: [:]) }
    }
}
