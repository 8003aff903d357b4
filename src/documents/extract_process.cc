// An upload's text read by a child process within limits (see extract_process.h).
#include "documents/extract_process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <charconv>
#include <cstdlib>
#include <new>
#include <thread>
#include <vector>

#include <fmt/format.h>

#if defined(__SANITIZE_ADDRESS__)
#define PLENARY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PLENARY_ASAN 1
#endif
#endif

extern char** environ;

namespace plenary::documents {

namespace {

constexpr int kExitBadArguments = 2;
constexpr int kExitOutOfMemory = 3;

// The file is kept; its text is not read, for the reason given.
Error Unread(const std::string& reason) {
  return {Code::kInvalidArgument, "text: " + reason + "; the file is kept without its text",
          "text"};
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

template <typename T>
bool ParseNumber(std::string_view s, T& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The child's answer: "T<paged> <pages>\n" then each page as "<bytes>\n<text>", or
// "E<code> <field>\n<message>".
std::string Encode(const Result<ExtractedText>& r) {
  std::string out;
  if (!r.ok()) {
    out = fmt::format("E{} {}\n", static_cast<int>(r.error().code), r.error().field);
    out += r.error().message;
    return out;
  }
  out = fmt::format("T{} {}\n", r->paged ? 1 : 0, r->pages.size());
  for (const auto& page : r->pages) {
    out += fmt::format("{}\n", page.size());
    out += page;
  }
  return out;
}

Result<ExtractedText> Decode(std::string_view in) {
  auto line = [&in](std::string_view& out) {
    auto nl = in.find('\n');
    if (nl == std::string_view::npos) return false;
    out = in.substr(0, nl);
    in.remove_prefix(nl + 1);
    return true;
  };
  std::string_view head;
  if (!line(head) || head.size() < 2) return Unread("the reader of the file gave no answer");
  auto space = head.find(' ');
  if (space == std::string_view::npos) return Unread("the reader of the file gave no answer");
  if (head[0] == 'E') {
    int code = 0;
    if (!ParseNumber(head.substr(1, space - 1), code) || code < 0 ||
        code > static_cast<int>(Code::kInternal))
      return Unread("the reader of the file gave no answer");
    return Error{static_cast<Code>(code), std::string(in), std::string(head.substr(space + 1))};
  }
  std::size_t pages = 0;
  if (head[0] != 'T' || space != 2 || (head[1] != '0' && head[1] != '1') ||
      !ParseNumber(head.substr(space + 1), pages))
    return Unread("the reader of the file gave no answer");
  ExtractedText out;
  out.paged = head[1] == '1';
  for (std::size_t i = 0; i < pages; ++i) {
    std::string_view size_line;
    std::size_t size = 0;
    if (!line(size_line) || !ParseNumber(size_line, size) || size > in.size())
      return Unread("the reader of the file gave an incomplete answer");
    out.pages.emplace_back(in.substr(0, size));
    in.remove_prefix(size);
  }
  if (!in.empty()) return Unread("the reader of the file gave an incomplete answer");
  return out;
}

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() { Close(); }
  void Close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

}  // namespace

Result<ExtractedText> ExtractTextIsolated(std::string_view data, const std::string& media_type,
                                          const ExtractLimits& limits,
                                          const ExtractProcess& process) {
  if (process.binary.empty() || media_type == "text/plain")
    return ExtractText(data, media_type, limits);

  // The file reaches the child as its standard input from memory: no temporary file on disk,
  // and no pipe to keep filling while the child's output must be read.
  Fd input{::memfd_create("plenary-upload", MFD_CLOEXEC)};
  if (input.fd < 0 || !WriteAll(input.fd, data) || ::lseek(input.fd, 0, SEEK_SET) != 0)
    return Unread(fmt::format("the reader of the file could not start ({})", strerror(errno)));
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    return Unread(fmt::format("the reader of the file could not start ({})", strerror(errno)));
  Fd out{pipe_fds[0]}, out_write{pipe_fds[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  // Nothing else of the server (sockets, the database) reaches the child.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGXCPU, SIGCHLD}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<std::string> args = {process.binary,
                                   "extract-text",
                                   media_type,
                                   std::to_string(limits.max_entries),
                                   std::to_string(limits.max_expanded_bytes),
                                   std::to_string(limits.max_ratio),
                                   std::to_string(limits.max_pages),
                                   std::to_string(limits.max_text_bytes),
                                   std::to_string(process.cpu_seconds),
                                   std::to_string(process.memory_bytes)};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = ::posix_spawn(&pid, process.binary.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0)
    return Unread(fmt::format("the reader of the file could not start ({})", strerror(spawned)));
  out_write.Close();
  input.Close();

  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::milliseconds(process.timeout_ms);
  auto left_ms = [&deadline] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  };
  bool timed_out = false, too_long = false;
  std::string answer;
  char buf[65536];
  for (;;) {
    auto ms = left_ms();
    if (ms <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{out.fd, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(ms, 1000)));
    if (r < 0 && errno != EINTR) break;
    if (r <= 0) continue;
    ssize_t n = ::read(out.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of output: the child is done
    if (answer.size() + static_cast<std::size_t>(n) > process.max_output_bytes) {
      too_long = true;
      break;
    }
    answer.append(buf, static_cast<std::size_t>(n));
  }
  out.Close();
  // Reaped before the deadline, or killed: a child never outlives its request.
  int status = 0;
  bool killed = false;
  for (;;) {
    if (!timed_out && !too_long && left_ms() <= 0) timed_out = true;
    if ((timed_out || too_long) && !killed) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
    pid_t w = ::waitpid(pid, &status, killed ? 0 : WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) return Unread("the reader of the file was lost");
    if (w == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }

  if (timed_out)
    return Unread(fmt::format("reading the text took longer than {} ms", process.timeout_ms));
  if (too_long)
    return Unread(fmt::format("the text read is longer than {} bytes", process.max_output_bytes));
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    // SIGXCPU at the soft limit, SIGKILL at the hard one a second later.
    if (sig == SIGXCPU || sig == SIGKILL)
      return Unread(fmt::format("reading the text took more than {} s of processor time",
                                process.cpu_seconds));
    return Unread(fmt::format("the reader of the file stopped ({}), within a memory limit of {} "
                              "MiB",
                              strsignal(sig), process.memory_bytes >> 20));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory)
    return Unread(fmt::format("reading the text needed more than {} MiB of memory",
                              process.memory_bytes >> 20));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Unread(fmt::format("the reader of the file failed (exit status {})",
                              WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  return Decode(answer);
}

int ExtractChildMain(int argc, char** argv) {
  if (argc != 10) return kExitBadArguments;
  std::string media_type = argv[2];
  ExtractLimits limits;
  unsigned cpu_seconds = 0;
  std::size_t memory_bytes = 0;
  if (!ParseNumber(std::string_view(argv[3]), limits.max_entries) ||
      !ParseNumber(std::string_view(argv[4]), limits.max_expanded_bytes) ||
      !ParseNumber(std::string_view(argv[5]), limits.max_ratio) ||
      !ParseNumber(std::string_view(argv[6]), limits.max_pages) ||
      !ParseNumber(std::string_view(argv[7]), limits.max_text_bytes) ||
      !ParseNumber(std::string_view(argv[8]), cpu_seconds) ||
      !ParseNumber(std::string_view(argv[9]), memory_bytes) || cpu_seconds == 0 ||
      memory_bytes == 0)
    return kExitBadArguments;
  // The limits hold before a byte of the file is read. No core dumps, no files written.
  rlimit cpu{cpu_seconds, cpu_seconds + 1};
  rlimit zero{0, 0};
  if (::setrlimit(RLIMIT_CPU, &cpu) != 0 || ::setrlimit(RLIMIT_CORE, &zero) != 0 ||
      ::setrlimit(RLIMIT_FSIZE, &zero) != 0)
    return kExitBadArguments;
#ifndef PLENARY_ASAN
  // AddressSanitizer reserves terabytes of address space for its shadow memory: under it the
  // child runs without this limit (the other limits still hold).
  rlimit as{memory_bytes, memory_bytes};
  if (::setrlimit(RLIMIT_AS, &as) != 0) return kExitBadArguments;
#endif
  try {
    std::string data;
    char buf[65536];
    for (;;) {
      ssize_t n = ::read(0, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return kExitBadArguments;
      if (n == 0) break;
      data.append(buf, static_cast<std::size_t>(n));
    }
    auto text = ExtractText(data, media_type, limits);
    // _exit: the answer is written; no destructors of the parsers' state, no exit handlers
    // (under LeakSanitizer its leak check would turn a good answer into a failure).
    ::_exit(WriteAll(1, Encode(text)) ? 0 : kExitBadArguments);
  } catch (const std::bad_alloc&) {
    ::_exit(kExitOutOfMemory);
  }
}

namespace {
ExtractProcess& Process() {
  static ExtractProcess process;
  return process;
}
}  // namespace

void SetExtractProcess(const ExtractProcess& process) { Process() = process; }
const ExtractProcess& CurrentExtractProcess() { return Process(); }

}  // namespace plenary::documents
