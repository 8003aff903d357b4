-- wrk script of every HTTP benchmark (bench/run.mjs): counts the answers by status in each
-- thread and prints one line `BENCH {json}` at the end, so that the runner can refuse a run with
-- any answer that is not 2xx and compare the 2xx answers of submissions with the rows stored.
--
--   wrk -d<window + drain>s -s bench/http/load.lua URL -- <window seconds> get [interval ms] [paths]
--   wrk -d<window + drain>s -s bench/http/load.lua URL -- <window seconds> submit <run id> [interval ms]
--
-- An interval (bench/soak/soak.mjs) offers a chosen rate instead of all the server can take:
-- each wrk thread sends its n-th request n intervals after it started, on whichever of its
-- connections is free (an open schedule: slow answers do not lower the rate offered, as long as
-- connections are free); `paths` (comma-separated) are read in turn instead of the URL's path. A 503 carrying `Retry-After`, the documented
-- back-pressure, is counted apart as "503-retry-after".
-- Requests are sent during the window only: afterwards delay() holds every connection, and
-- the drain lets the requests in flight be answered before wrk stops, so that no submission is
-- stored without its answer having been counted. The rate is the answers received within the
-- window divided by the window. In `submit` mode each request is a valid JSON response to the
-- consultation of the URL with its own Idempotency-Key `<run id>-<thread>-<n>`.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } plenary_bench_timespec;
int clock_gettime(int clock_id, plenary_bench_timespec* ts);
]]
local ts = ffi.new("plenary_bench_timespec")
local CLOCK_MONOTONIC = 1
local function now()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

-- Main state: the threads, numbered, to collect their counters in done().
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Thread state.
local deadline, run_id, interval_s, next_send, paths
built = 0                -- requests built by request() (submit mode)
in_window = {}           -- status -> answers received before the deadline
late = {}                -- status -> answers received during the drain
window_s = 0

function init(args)
  window_s = tonumber(args[1])
  local mode = args[2]
  if not window_s or window_s <= 0 or (mode ~= "get" and mode ~= "submit") then
    error("usage: wrk ... -s load.lua URL -- <window seconds> get|submit [run id]")
  end
  if mode == "submit" then
    run_id = args[3]
    if not run_id or not run_id:match("^[%w-]+$") then error("submit needs a run id ([A-Za-z0-9-])") end
    interval_s = tonumber(args[4] or "0")
  else
    interval_s = tonumber(args[3] or "0")
    if args[4] and args[4] ~= "" then
      paths = {}
      for p in args[4]:gmatch("[^,]+") do table.insert(paths, p) end
      request = function()
        built = built + 1
        return wrk.format("GET", paths[(built % #paths) + 1])
      end
    else
      request = nil -- a static request: wrk sends the URL's GET as it does without a script
    end
  end
  if not interval_s or interval_s < 0 then error("the interval is a number of milliseconds") end
  interval_s = interval_s / 1000
  deadline = now() + window_s
  next_send = now()
end

function delay()
  local t = now()
  if t < deadline then
    if interval_s == 0 then return 0 end
    next_send = next_send + interval_s
    return math.max(0, math.floor((next_send - t) * 1000))
  end
  return 3600 * 1000 -- past the window: send nothing more before wrk stops
end

function request()
  built = built + 1
  local key = run_id .. "-" .. id .. "-" .. built
  local body = '{"name":"Bench Respondent ' .. key .. '","email":"' .. key .. '@example.org",' ..
    '"country":"CH","stakeholder_type":"civil_society","language":"en","consent_publish":true,' ..
    '"answers":{"1":"The Internet should remain open, interoperable and secure for everyone."}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key}, body)
end

function response(status, headers, body)
  local t = now() < deadline and in_window or late
  if status == 503 and (headers["Retry-After"] or headers["retry-after"]) then status = "503-retry-after" end
  t[status] = (t[status] or 0) + 1
end

-- Main state, after the threads stopped: one JSON line with the sums of every thread.
local function add(sum, counts)
  for status, n in pairs(counts) do
    local k = tostring(status)
    sum[k] = (sum[k] or 0) + n
  end
end

local function json_counts(t)
  local parts = {}
  for k, n in pairs(t) do table.insert(parts, string.format('"%s":%d', k, n)) end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local win, drain, built_total, window = {}, {}, 0, 0
  for _, thread in ipairs(threads) do
    add(win, thread:get("in_window"))
    add(drain, thread:get("late"))
    built_total = built_total + (thread:get("built") or 0)
    window = thread:get("window_s")
  end
  -- wrk builds one request in the first thread to check it before any is sent.
  local sent = built_total > 0 and built_total - 1 or 0
  local e = summary.errors
  io.write(string.format(
    'BENCH {"window_s":%g,"in_window":%s,"late":%s,"sent":%d,"answers":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"latency_ms":{"p50":%.3f,"p99":%.3f,"max":%.3f}}\n',
    window, json_counts(win), json_counts(drain), sent, summary.requests,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
