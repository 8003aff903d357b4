-- wrk script: durable submissions of a consultation response (JSON), one Idempotency-Key each.
local counter = 0
local thread_id = 0
local threads = {}
function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end
function init(args)
  path = args[1] or "/api/v1/consultations/ai-public-policy/responses"
end
request = function()
  counter = counter + 1
  local body = '{"name":"Bench Respondent","email":"bench@example.org","country":"CH",' ..
    '"stakeholder_type":"civil_society","language":"en","consent_publish":true,' ..
    '"answers":{"1":"The Internet should remain open, interoperable and secure for everyone."}}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "w" .. id .. "-" .. counter}, body)
end
