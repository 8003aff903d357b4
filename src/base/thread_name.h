// Names the calling thread, as `top -H`, `perf report --comms` and /proc/.../comm show it
// ("plenary-writer"). Linux keeps 15 bytes of a name: longer ones are cut there rather than
// refused (pthread_setname_np fails on them and leaves the thread unnamed).
#pragma once
#include <pthread.h>

#include <string>
#include <string_view>

namespace plenary {

inline void NameThisThread(std::string_view name) {
  pthread_setname_np(pthread_self(), std::string(name.substr(0, 15)).c_str());
}

}  // namespace plenary
