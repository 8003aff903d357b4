// Result<T>: a value or an Error with a code and a message for expected failures.
// Codes map to HTTP statuses in exactly one place: http::StatusFor (http/message.cc).
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace plenary {

enum class Code {
  kInvalidArgument,     // 400: malformed input; message names the field and the rule
  kUnauthenticated,     // 401
  kPermissionDenied,    // 403
  kNotFound,            // 404
  kFailedPrecondition,  // 409: e.g. consultation closed or not yet open
  kConflict,            // 409: e.g. duplicate key
  kTooLarge,            // 413
  kRateLimited,         // 429: a rate limit of this client, account or consultation
  kResourceExhausted,   // 503: the server's queues are full
  kInternal,            // 500
};

struct Error {
  Code code;
  std::string message;
  std::string field;  // the offending input field, when there is one
  int retry_after_seconds = 0;  // for kRateLimited / kResourceExhausted
};

inline Error InvalidArgument(std::string field, std::string message) {
  return {Code::kInvalidArgument, std::move(message), std::move(field)};
}
inline Error NotFound(std::string message) { return {Code::kNotFound, std::move(message), {}}; }
inline Error FailedPrecondition(std::string message) {
  return {Code::kFailedPrecondition, std::move(message), {}};
}
inline Error PermissionDenied(std::string message) {
  return {Code::kPermissionDenied, std::move(message), {}};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;

}  // namespace plenary
