// The streams handed from handlers to the server, by ticket (event_stream.h).
#include "http/event_stream.h"

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace plenary::http {

namespace {
std::mutex mu;
std::unordered_map<std::string, std::shared_ptr<EventStream>> waiting;  // guarded by mu
std::atomic<unsigned long long> next_ticket{0};
}  // namespace

Response EventStreamResponse(std::shared_ptr<EventStream> stream) {
  std::string ticket = std::to_string(++next_ticket);
  {
    std::lock_guard lock(mu);
    waiting.emplace(ticket, std::move(stream));
  }
  Response r;
  r.content_type = "text/event-stream; charset=utf-8";
  r.Header(kEventStreamTicket, ticket);
  return r;
}

std::shared_ptr<EventStream> TakeEventStream(const std::string& ticket) {
  std::lock_guard lock(mu);
  auto it = waiting.find(ticket);
  if (it == waiting.end()) return nullptr;
  auto stream = std::move(it->second);
  waiting.erase(it);
  return stream;
}

}  // namespace plenary::http
