-- wrk script: POST a realistic ~1.5 KB article to news-ingest-service, each one different
-- (a counter in the text), so every request is a new article that is read, stored and queued.
local counter = 0
-- each run posts new articles, not duplicates of an earlier run's (those are answered from the index)
local run = os.time()
thread_id = 0 -- a global: wrk sets it per thread in setup()
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

local template = [[
NASA astronaut Jasmin Moghbeli, ESA astronaut Andreas Mogensen, JAXA astronaut Satoshi Furukawa and Roscosmos cosmonaut Konstantin Borisov are scheduled to launch on SpaceX Crew-7 from Launch Complex 39A at NASA's Kennedy Space Center in Florida. Liftoff on a Falcon 9 rocket is targeted for 3:50 a.m. EDT on Saturday, August 26, and the Crew Dragon Endurance will dock with the International Space Station about 30 hours later. Moghbeli will serve as commander and Mogensen as pilot. The crew will join Expedition 69 aboard the station, where they will spend about six months. Bulletin %d-%d-%d: mission managers held a launch readiness review on Thursday and cleared the flight; weather officials forecast an 80 percent chance of favourable conditions. The backup opportunity is Sunday, August 27.]]

function request()
  counter = counter + 1
  local body = '{"body": "' .. string.format(template, run, thread_id, counter) .. '", "publishedAt": "2023-08-24", "source": "load test"}'
  return wrk.format("POST", "/articles", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 202 and status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
