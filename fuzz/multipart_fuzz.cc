// Fuzzes http::ParseMultipart: the whole input as a body under a fixed boundary, and the first
// input line as the Content-Type header with the rest as the body; checks the documented limits
// and the validity rules of names, fields and file names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/multipart.h"

using plenary::Code;
using plenary::fuzz::HasForbiddenControl;
using plenary::fuzz::IsUtf8;
using plenary::http::MultipartLimits;
using plenary::http::ParseMultipart;

namespace {

void Check(std::string_view content_type, std::string_view body, const MultipartLimits& limits) {
  auto parts = ParseMultipart(content_type, body, limits);
  if (!parts.ok()) {
    const auto& e = parts.error();
    FUZZ_CHECK(e.code == Code::kInvalidArgument || e.code == Code::kTooLarge,
               "unexpected error code");
    FUZZ_CHECK(!e.field.empty(), "error without a field");
    return;
  }
  FUZZ_CHECK(parts->size() <= limits.max_parts, "more parts than max_parts");
  size_t files = 0;
  for (const auto& p : *parts) {
    FUZZ_CHECK(!p.name.empty() && IsUtf8(p.name), "part name empty or not UTF-8");
    // content_type may be empty: it is "as sent", and "Content-Type:" with no value is sent.
    if (p.is_file) {
      ++files;  // empty file inputs are left out of the result
      FUZZ_CHECK(p.data.size() <= limits.max_file_bytes, "file over max_file_bytes");
      FUZZ_CHECK(IsUtf8(p.filename), "file name not UTF-8");
      FUZZ_CHECK(p.filename.find_first_of("/\\") == std::string::npos,
                 "file name keeps a directory component");
      for (char c : p.filename)
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F,
                   "file name with a control character");
    } else {
      FUZZ_CHECK(p.filename.empty(), "field with a file name");
      FUZZ_CHECK(p.data.size() <= limits.max_field_bytes, "field over max_field_bytes");
      FUZZ_CHECK(IsUtf8(p.data), "field data not UTF-8");
      FUZZ_CHECK(!HasForbiddenControl(p.data), "field data holds a control character");
      FUZZ_CHECK(p.data.find('\0') == std::string::npos, "field data with NUL");
    }
  }
  FUZZ_CHECK(files <= limits.max_files, "more files than max_files");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Small limits, so that short inputs reach every limit check.
  MultipartLimits small;
  small.max_parts = 6;
  small.max_files = 2;
  small.max_file_bytes = 64;
  small.max_field_bytes = 96;

  Check("multipart/form-data; boundary=X-BOUNDARY", input, MultipartLimits{});
  Check("multipart/form-data; boundary=X-BOUNDARY", input, small);
  size_t eol = input.find('\n');
  if (eol != std::string_view::npos) {
    std::string_view type = input.substr(0, eol);
    if (!type.empty() && type.back() == '\r') type.remove_suffix(1);
    Check(type, input.substr(eol + 1), MultipartLimits{});
    Check(type, input.substr(eol + 1), small);
  }
  return 0;
}
