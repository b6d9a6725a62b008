-- wrk script: POST generic alerts, each from its own host (every alert opens an incident)
-- unless DEDUP_HOSTS is set, in which case alerts cycle over that many hosts and most
-- join an open incident.
-- TARGET=alertmanager sends the same alert to Prometheus Alertmanager instead
-- (POST /api/v2/alerts, a JSON array of one alert), for the reference phase of ingest.sh.
local key = os.getenv("REMEDIATOR_KEY")
local dedup = tonumber(os.getenv("DEDUP_HOSTS") or "0")
local alertmanager = os.getenv("TARGET") == "alertmanager"
local run = os.getenv("RUN") or "0"
local threads = {}
local counter = 0
-- Set per thread by setup(); a global, so that the threads' hosts differ.
id = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

request = function()
  counter = counter + 1
  local host
  if dedup > 0 then
    host = string.format("host-%d", counter % dedup)
  else
    host = string.format("host-%s-%d-%d", run, id, counter)
  end
  if alertmanager then
    -- The same facts as the generic alert: Alertmanager has no title or host field.
    local body = string.format(
      '[{"labels":{"alertname":"BenchDiskFull","instance":"%s","severity":"high","mountpoint":"/var","bench":"1"},"annotations":{"title":"Disk almost full on %s"}}]',
      host, host)
    return wrk.format("POST", "/api/v2/alerts", {["Content-Type"] = "application/json"}, body)
  end
  local body = string.format(
    '{"alert_name":"BenchDiskFull","title":"Disk almost full on %s","host":"%s","severity":"high","labels":{"mountpoint":"/var","bench":"1"}}',
    host, host)
  return wrk.format("POST", "/v1/alerts/generic",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d non2xx=%d errors=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
