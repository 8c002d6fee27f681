-- wrk script of the benchmark's "Load at fixed rates" table (docs/performance.md, tests/CareerLedger.Benchmarks/FixedRateLoad.cs).
-- wrk is closed-loop (each connection sends its next request when the last one is answered); this script paces it to a fixed
-- total rate with delay(), and done() prints the result as one JSON line on stdout.
--
-- Settings come from the environment (so the Bearer token is not on the command line):
--   LOAD_RATE          total requests per second over all threads and connections (required)
--   LOAD_THREADS       wrk's -t, LOAD_CONNECTIONS wrk's -c (required: the pacing needs them)
--   LOAD_TOKEN         the user's personal access token, sent as "Authorization: Bearer ..." (required)
--   LOAD_MODE          "get" (the URL as given) or "post" (POST to the URL with a JSON body per request)
--   LOAD_BODIES        post: a file of request bodies, one JSON document per line, each containing @N@ where the request's
--                      number goes (a distinct title and link per request)
--   LOAD_IDEMPOTENCY   post: "key" to send a distinct Idempotency-Key per request, "none" to send none
--   LOAD_COUNT_STATUS  "1" to count every non-2xx answer in response(); otherwise wrk's own count (status >= 400) is used,
--                      because defining response() makes wrk buffer every body and copy it into Lua
--
-- Pacing. wrk runs one Lua state per thread and calls delay() (in whole milliseconds) before each request of each of the
-- thread's connections; the latency it records starts when the request is written, after the delay. With a monotonic clock
-- (LuaJIT's FFI, clock_gettime) each thread hands out send times on a fixed grid, one every threads / rate seconds: a
-- connection whose answer arrived waits until the next free time on the grid. When every connection of a thread is still
-- waiting for its answer, the grid slips (no burst to catch up), so an app slower than the rate shows as an achieved rate
-- below the target, and latencies stay per request after pacing (coordinated omission is not corrected). Without the FFI
-- the fallback is a fixed delay of connections / rate seconds per connection, which offers the target only when answers take
-- no time.

local rate = tonumber(os.getenv("LOAD_RATE") or "")
local threads = tonumber(os.getenv("LOAD_THREADS") or "")
local connections = tonumber(os.getenv("LOAD_CONNECTIONS") or "")
local token = os.getenv("LOAD_TOKEN")
local mode = os.getenv("LOAD_MODE") or "get"
local count_status = os.getenv("LOAD_COUNT_STATUS") == "1"
if not rate or rate <= 0 or not threads or threads < 1 or not connections or connections < threads or not token then
  io.stderr:write("bench-load.lua: set LOAD_RATE, LOAD_THREADS, LOAD_CONNECTIONS and LOAD_TOKEN\n")
  os.exit(2)
end

wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"

-- the clock -----------------------------------------------------------------------------------------------------------------

local now_ms = nil
do
  local ok, ffi = pcall(require, "ffi")
  if ok then
    ffi.cdef [[
      typedef struct { long tv_sec; long tv_nsec; } bench_load_timespec;
      int clock_gettime(int clock_id, bench_load_timespec *tp);
    ]]
    local ts = ffi.new("bench_load_timespec")
    local CLOCK_MONOTONIC = 1
    now_ms = function()
      ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
      return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
    end
  end
end

local pacing = now_ms and "grid" or "fixed-delay"

-- main state: one entry per thread, read back in done() ----------------------------------------------------------------------

local all_threads = {}

function setup(thread)
  thread:set("id", #all_threads)
  table.insert(all_threads, thread)
end

-- thread states ----------------------------------------------------------------------------------------------------------------

local interval_ms = 1000 * threads / rate -- one slot of this thread's grid
local fixed_delay_ms = 1000 * connections / rate
local next_at = nil
non2xx = 0
first_bad_status = 0
first_bad_body = ""

function init(args)
  -- stagger the threads' grids so that their slots interleave
  if now_ms then
    next_at = now_ms() + (id or 0) * interval_ms / threads
  end
end

function delay()
  if not now_ms then
    return fixed_delay_ms
  end

  local t = now_ms()
  if next_at < t then
    next_at = t -- behind: every connection was busy; send now, without catching up
  end

  local wait = next_at - t
  next_at = next_at + interval_ms
  return wait
end

if mode == "post" then
  local bodies = {}
  local file = os.getenv("LOAD_BODIES")
  if file then
    for line in io.lines(file) do
      if line ~= "" then
        table.insert(bodies, line)
      end
    end
  end

  if #bodies == 0 then
    io.stderr:write("bench-load.lua: LOAD_MODE=post needs LOAD_BODIES, a file with at least one body\n")
    os.exit(2)
  end

  local with_key = (os.getenv("LOAD_IDEMPOTENCY") or "key") == "key"
  local n = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"

  function request()
    n = n + 1
    local label = tostring(id or 0) .. "-" .. tostring(n)
    local body = bodies[(n % #bodies) + 1]:gsub("@N@", label)
    if with_key then
      wrk.headers["Idempotency-Key"] = "load-" .. label
    end

    return wrk.format(nil, nil, nil, body)
  end
end

if count_status then
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if first_bad_status == 0 then
        first_bad_status = status
        first_bad_body = string.sub(body or "", 1, 300)
      end
    end
  end
end

-- main state, at the end -----------------------------------------------------------------------------------------------------

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end) .. '"'
end

function done(summary, latency, requests)
  local bad, first_status, first_body = 0, 0, ""
  for _, thread in ipairs(all_threads) do
    bad = bad + (thread:get("non2xx") or 0)
    local status = thread:get("first_bad_status") or 0
    if first_status == 0 and status ~= 0 then
      first_status = status
      first_body = thread:get("first_bad_body") or ""
    end
  end

  local e = summary.errors
  local fields = {
    string.format('"wrk_load":1'),
    string.format('"pacing":"%s"', pacing),
    string.format('"count_status":%s', count_status and "true" or "false"),
    string.format('"requests":%d', summary.requests),
    string.format('"duration_us":%d', summary.duration),
    string.format('"bytes":%d', summary.bytes),
    string.format('"p50_us":%d', latency:percentile(50)),
    string.format('"p99_us":%d', latency:percentile(99)),
    string.format('"p999_us":%d', latency:percentile(99.9)),
    string.format('"max_us":%d', latency.max),
    string.format('"mean_us":%.1f', latency.mean),
    string.format('"non2xx":%d', count_status and bad or e.status),
    string.format('"status_errors":%d', e.status),
    string.format('"connect_errors":%d', e.connect),
    string.format('"read_errors":%d', e.read),
    string.format('"write_errors":%d', e.write),
    string.format('"timeouts":%d', e.timeout),
    string.format('"first_bad_status":%d', first_status),
    '"first_bad_body":' .. json_string(first_body),
  }
  io.write("{" .. table.concat(fields, ",") .. "}\n")
end
