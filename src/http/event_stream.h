// Answers that stay open as a stream of Server-Sent Events (`text/event-stream`).
//
// A handler answers with EventStreamResponse(stream). After the header the server calls
// `stream->poll` on the connection's strand every `poll_ms` milliseconds: it returns the bytes
// to send (empty: nothing now), or nullopt to end the stream. It must not block (it runs on an
// I/O thread). The stream also ends when the client closes the connection or the server stops;
// the EventStream, and whatever `poll` holds, is released then. A comment line is sent after
// `heartbeat_seconds` of silence, so that a vanished client is noticed.
//
// The Response itself carries only a ticket (header kEventStreamTicket), which the server
// exchanges for the stream with TakeEventStream and never sends: handlers, the router and the
// page cache pass such a response along like any other.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/message.h"

namespace plenary::http {

struct EventStream {
  std::function<std::optional<std::string>()> poll;
  int poll_ms = 100;
  int heartbeat_seconds = 15;
};

inline constexpr const char* kEventStreamTicket = "X-Plenary-Event-Stream";

// A 200 `text/event-stream` response whose ticket names `stream`.
Response EventStreamResponse(std::shared_ptr<EventStream> stream);
// The stream of a ticket, removed from the waiting ones; nullptr for an unknown ticket.
std::shared_ptr<EventStream> TakeEventStream(const std::string& ticket);

}  // namespace plenary::http
