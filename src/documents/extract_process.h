// Reading an upload's text in a child process: the parsers (poppler for PDF, libzip and libxml2
// for DOCX and ODT) never run inside the server, so a crafted or huge file can at worst use up
// the child's limits — processor time, address space, wall-clock time, bytes of output — and the
// upload is kept with the reason its text could not be read.
//
// The child is the plenary binary itself (`plenary extract-text`, a subcommand the help does not
// list): it sets its own limits with setrlimit before it reads a byte of the file from its
// standard input, runs ExtractText and writes the pages on its standard output.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"
#include "documents/extract.h"

namespace plenary::documents {

// Configurable (plenary serve --extract-cpu-seconds, --extract-memory-bytes,
// --extract-timeout-ms, --extract-max-output-bytes).
struct ExtractProcess {
  // The plenary binary run as the child; `plenary serve` sets /proc/self/exe. Empty: the text is
  // read in the calling process (unit tests and tools that are not the server).
  std::string binary;
  unsigned cpu_seconds = 10;                // RLIMIT_CPU of the child
  std::size_t memory_bytes = 1024u << 20;   // RLIMIT_AS of the child (not under AddressSanitizer)
  unsigned timeout_ms = 30000;              // wall clock, then SIGKILL
  std::size_t max_output_bytes = 24u << 20; // bytes read from the child's output, then SIGKILL
};

// Set once at start, before the server takes requests.
void SetExtractProcess(const ExtractProcess& process);
const ExtractProcess& CurrentExtractProcess();

// ExtractText run in a child with `process`'s limits (in this process when no binary is set, and
// for plain text, which is not parsed). The errors are ExtractText's; a child that exceeds a
// limit, crashes or answers nonsense gives an error of field "text" naming the limit: the file
// is kept without its text.
Result<ExtractedText> ExtractTextIsolated(std::string_view data, const std::string& media_type,
                                          const ExtractLimits& limits,
                                          const ExtractProcess& process);

// The child's main: `plenary extract-text MEDIA_TYPE ENTRIES EXPANDED RATIO PAGES TEXT CPU
// MEMORY`. Exit status 0 with the answer on standard output; 3 when out of memory; 2 on bad
// arguments.
int ExtractChildMain(int argc, char** argv);

}  // namespace plenary::documents
