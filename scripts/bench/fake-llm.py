#!/usr/bin/env python3
"""A simulated LLM behind the OpenAI chat-completions wire format, for benchmarks.

    fake-llm.py PORT LATENCY_SECONDS

Every POST /v1/chat/completions is answered after LATENCY_SECONDS with a forced
`submit_plan` function call: a plan for the host named in the prompt's
"Host (every step runs here): ..." line, whose scripts only read the disk and clean the
journal (the validator allows them). GET /stats returns {"calls": N, "in_flight": N,
"peak_in_flight": N}. One thread per connection; the listen backlog is large so that
hundreds of concurrent calls do not wait in SYN retries.
"""
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
LATENCY = float(sys.argv[2])
HOST_LINE = re.compile(r"Host \(every step runs here\): (\S+)")
lock = threading.Lock()
stats = {"calls": 0, "in_flight": 0, "peak_in_flight": 0}


def plan_for(host):
    def step(role, script):
        return {"name": role, "role": role, "language": "bash", "script": script, "target": host, "timeout_seconds": 60}
    return {
        "abstain": False, "abstain_reason": "",
        "summary": "Free space on /var by vacuuming the systemd journal",
        "root_cause": "The journal grew past its usual size", "confidence": 0.8, "risk": "low",
        "cited_runbooks": [],
        "steps": [
            step("diagnose", "df -h /var\njournalctl --disk-usage"),
            step("remediate", "journalctl --vacuum-size=500M"),
            step("verify", "test \"$(df --output=pcent /var | tail -n 1 | tr -dc '0-9')\" -lt 90"),
        ],
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/stats":
            with lock:
                self.reply(200, dict(stats))
        else:
            self.reply(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        if not self.path.endswith("/chat/completions"):
            self.reply(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            return
        with lock:
            stats["calls"] += 1
            stats["in_flight"] += 1
            stats["peak_in_flight"] = max(stats["peak_in_flight"], stats["in_flight"])
        try:
            prompt = "\n".join(str(m.get("content", "")) for m in request.get("messages", []))
            match = HOST_LINE.search(prompt)
            arguments = json.dumps(plan_for(match.group(1) if match else "unknown"))
            time.sleep(LATENCY)
            self.reply(200, {
                "id": "chatcmpl-sim", "object": "chat.completion", "created": int(time.time()), "model": request.get("model", "sim"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": None, "tool_calls": [
                    {"id": "call_sim", "type": "function", "function": {"name": "submit_plan", "arguments": arguments}}]},
                    "finish_reason": "tool_calls"}],
                "usage": {"prompt_tokens": len(prompt) // 4, "completion_tokens": len(arguments) // 4,
                          "total_tokens": (len(prompt) + len(arguments)) // 4},
            })
        finally:
            with lock:
                stats["in_flight"] -= 1


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 2048


Server(("127.0.0.1", PORT), Handler).serve_forever()
