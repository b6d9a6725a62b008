#!/usr/bin/env python3
"""Sends generic alerts to a Remediator node at a steady rate, for benchmarks.

    send-alerts.py PORT KEY steady RATE SECONDS   every alert a new problem on a new host
    send-alerts.py PORT KEY storm  RATE           a replayed alert storm (see storm())

Each alert is sent at its scheduled time by a pool of keep-alive connections; prints one
`SENT alerts=N failed=N late_p99_ms=X` line and exits 1 if any request was not accepted.
"""
import http.client
import json
import queue
import sys
import threading
import time

PORT, KEY, MODE, RATE = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])


def steady(seconds):
    # A distinct service per alert gives every incident its own plan signature: every
    # incident needs an LLM call, the worst case for planning latency.
    for i in range(int(RATE * seconds)):
        yield {"alert_name": "NodeFilesystemAlmostOutOfSpace", "title": "Disk almost full", "severity": "high",
               "host": f"node-{i}", "service": f"svc-{i}", "labels": {"mountpoint": "/var"}}


def storm():
    """An alert storm as monitoring replays it.

    - 20 problems (alert name × service), each on 60 hosts at once: 1,200 incidents that
      share 20 plan signatures;
    - every firing alert re-notified twice (Alertmanager's repeat and group intervals):
      2,400 repeats that join open incidents;
    - 100 host/problem pairs flapping: resolved and firing again four times: 800 more.
    """
    problems = [(f"Problem{p:02d}", f"service-{p % 7}") for p in range(20)]
    firing = [(name, service, f"host-{p:02d}-{h:02d}") for p, (name, service) in enumerate(problems) for h in range(60)]

    def alert(name, service, host, status="firing"):
        return {"alert_name": name, "title": f"{name} on {host}", "status": status, "severity": "high",
                "host": host, "service": service, "labels": {"mountpoint": "/var"}}

    for name, service, host in firing:
        yield alert(name, service, host)
    for _ in range(2):
        for name, service, host in firing:
            yield alert(name, service, host)
    for _ in range(4):
        for name, service, host in firing[::12]:
            yield alert(name, service, host, "resolved")
            yield alert(name, service, host)


alerts = list(steady(float(sys.argv[5])) if MODE == "steady" else storm())
work = queue.Queue()
for index, alert in enumerate(alerts):
    work.put((index, alert))
start = time.monotonic() + 0.2
failed = []
late = []
lock = threading.Lock()


def sender():
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    while True:
        try:
            index, alert = work.get_nowait()
        except queue.Empty:
            return
        due = start + index / RATE
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        body = json.dumps(alert)
        try:
            connection.request("POST", "/v1/alerts/generic", body=body,
                               headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            ok = response.status == 202
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            ok = False
        with lock:
            late.append(time.monotonic() - due)
            if not ok:
                failed.append(index)


threads = [threading.Thread(target=sender) for _ in range(16)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
late.sort()
print(f"SENT alerts={len(alerts)} failed={len(failed)} seconds={time.monotonic() - start:.1f} "
      f"late_p99_ms={late[int(len(late) * 0.99)] * 1000:.0f}")
sys.exit(1 if failed else 0)
