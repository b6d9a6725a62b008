import Foundation
import Knowledge
import Planning
import RemediatorCore
import Server
import Testing

@Suite("Planner configuration")
struct PlannerConfigurationTests {
    @Test("the runbook planner is the default; REMEDIATOR_PLANNER and the LLM settings select and shape an LLM planner")
    func settings() throws {
        #expect(try ConfigurationLoader(environment: [:]).load().planner.kind == .runbook)
        let configuration = try ConfigurationLoader(environment: [
            "REMEDIATOR_PLANNER": "openai", "REMEDIATOR_LLM_MODEL": "qwen2.5-7b-instruct", "REMEDIATOR_LLM_BASE_URL": "http://127.0.0.1:8081/v1",
            "REMEDIATOR_LLM_API_KEY": "sk-local-secret", "REMEDIATOR_LLM_FALLBACK": "bedrock, anthropic", "REMEDIATOR_LLM_TIMEOUT_SECONDS": "30",
            "REMEDIATOR_LLM_MAX_OUTPUT_TOKENS": "2048", "REMEDIATOR_LLM_PRICE_INPUT_PER_1K": "0.0001", "REMEDIATOR_LLM_PRICE_OUTPUT_PER_1K": "0.0004",
            "AWS_REGION": "eu-west-1", "ANTHROPIC_API_KEY": "sk-ant-x", "HOME": "/home/ops",
        ]).load()
        let planner = configuration.planner
        #expect(planner.kind == .openai)
        #expect(planner.model == "qwen2.5-7b-instruct")
        #expect(planner.baseURL?.absoluteString == "http://127.0.0.1:8081/v1")
        #expect(planner.apiKey == "sk-local-secret")
        #expect(planner.fallback == [.bedrock, .anthropic])
        #expect(planner.timeoutSeconds == 30 && planner.maxOutputTokens == 2048)
        #expect(planner.prices["qwen2.5-7b-instruct"] == TokenPrices(inputPer1K: 0.0001, outputPer1K: 0.0004))
        #expect(planner.prices["amazon.nova-pro-v1:0"] == .novaPro)
        #expect(planner.awsEnvironment == ["AWS_REGION": "eu-west-1"])
        #expect(planner.vendorKeys[.anthropic] == "sk-ant-x")
        #expect(!"\(planner)".contains("sk-local-secret"))
    }

    @Test("bad planner settings name the setting and never echo a key", arguments: [
        (["REMEDIATOR_PLANNER": "gpt"], "'planner' must be one of runbook, bedrock, openai, anthropic"),
        (["REMEDIATOR_LLM_BASE_URL": "ftp://x"], "'llm_base_url'"),
        (["REMEDIATOR_LLM_FALLBACK": "openai,runbook"], "'llm_fallback'"),
        (["REMEDIATOR_LLM_TIMEOUT_SECONDS": "0"], "'llm_timeout_seconds'"),
        (["REMEDIATOR_LLM_PRICE_INPUT_PER_1K": "-1"], "'llm_price_input_per_1k'"),
    ])
    func invalid(environment: [String: String], message: String) {
        #expect {
            _ = try ConfigurationLoader(environment: environment).load()
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test("the factory builds the configured planner, or says what is missing")
    func factory() throws {
        let catalog = RunbookCatalog.load(directories: [])
        #expect(try PlannerFactory.make(PlannerConfiguration(), catalog: catalog).name == "runbook")
        var local = PlannerConfiguration()
        local.kind = .openai
        local.baseURL = URL(string: "http://127.0.0.1:8081/v1")
        #expect(try PlannerFactory.make(local, catalog: catalog).name == "openai")
        var bedrock = PlannerConfiguration()
        bedrock.kind = .bedrock
        #expect {
            _ = try PlannerFactory.make(bedrock, catalog: catalog)
        } throws: { error in
            String(describing: error).contains("no AWS region")
        }
        bedrock.awsEnvironment = ["AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "secret"]
        #expect(try PlannerFactory.make(bedrock, catalog: catalog).name == "bedrock")
        var anthropic = PlannerConfiguration()
        anthropic.kind = .anthropic
        #expect(throws: PlannerFactory.Failure.self) { try PlannerFactory.make(anthropic, catalog: catalog) }
    }
}
