-- The wrk script of bench/api/run.sh, one per endpoint mode:
--   wrk -s api.lua URL -- MODE IDS_FILE THREADS      (MODE: get, list, patch, upload)
-- The token comes from $INVOICER_TOKEN. PATCH: each wrk thread owns every THREADS-th seeded
-- invoice and cycles through them, sending each one's next review_version, so every PATCH
-- is a fresh, successful write (all start at version 2, after their extraction). Upload:
-- distinct bytes every time, so each one stores a new document.

local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local mode, ids, mine, version, n, auth, json_headers, pdf_headers

function init(args)
  mode = args[1]
  local threads = tonumber(args[3])
  ids, mine, version = {}, {}, {}
  local i = 0
  for line in io.lines(args[2]) do
    ids[#ids + 1] = line
    if i % threads == tid then
      mine[#mine + 1] = line
      version[line] = 2
    end
    i = i + 1
  end
  n = 0
  local bearer = "Bearer " .. os.getenv("INVOICER_TOKEN")
  auth = { ["Authorization"] = bearer }
  json_headers = { ["Authorization"] = bearer, ["Content-Type"] = "application/json" }
  pdf_headers = { ["Authorization"] = bearer, ["Content-Type"] = "application/pdf" }
end

-- wrk calls request() once on thread 0 before the run, only to check the script, and never
-- sends that request: it must not use up an invoice's next review_version.
local checked = false

function request()
  if tid == 0 and not checked then
    checked = true
    return wrk.format("GET", "/healthz")
  end
  n = n + 1
  if mode == "get" then
    return wrk.format("GET", "/v1/invoices/" .. ids[math.random(#ids)], auth)
  elseif mode == "list" then
    return wrk.format("GET", "/v1/invoices?limit=50", auth)
  elseif mode == "patch" then
    local id = mine[(n % #mine) + 1]
    local v = version[id]
    version[id] = v + 1
    local body = string.format('{"review_version":%d,"fields":{"total":"%d.00"}}', v, n)
    return wrk.format("PATCH", "/v1/invoices/" .. id, json_headers, body)
  else
    local body = string.format("%%PDF-1.4\n%% bench upload %d-%d\n%%%%EOF\n", tid, n)
    return wrk.format("POST", "/v1/invoices", pdf_headers, body)
  end
end
