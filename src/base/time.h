// Instants are Unix seconds (UTC); civil times are shown in a named IANA time zone.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plenary {

using Instant = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

Instant Now();

// "2021-12-31T23:59:00Z" (UTC).
std::string FormatIso(Instant t);
// Parses "YYYY-MM-DDTHH:MM[:SS]" with an optional "Z" or "+hh:mm" offset. Without an
// offset the time is read as civil time in `zone` (an IANA name such as "Europe/Zurich").
std::optional<Instant> ParseIso(std::string_view text, std::string_view zone = "UTC");
// The civil time of `t` in `zone` as a form's datetime-local value: "YYYY-MM-DDTHH:MM", with
// ":SS" when the seconds are not 0 (so that it parses back, with ParseIso, to `t` itself).
std::string FormatLocalIso(Instant t, std::string_view zone);
// "YYYY-MM-DD" → days are kept as text; validates the form and the calendar.
bool IsIsoDate(std::string_view text);
// True when `zone` is an IANA time zone ICU knows.
bool IsTimeZone(std::string_view zone);

}  // namespace plenary
