// Test data for the unit tests: the files under testdata/ in the repository. Only unit tests
// include this header (it uses GoogleTest); a missing file fails the test that asked for it,
// it never skips.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace plenary::testdata {

// testdata/ of the source tree (set by CMake), or $PLENARY_TESTDATA when set.
inline std::filesystem::path TestDataDir() {
  const char* env = std::getenv("PLENARY_TESTDATA");
  if (env != nullptr && *env != '\0') return env;
  return PLENARY_TESTDATA_DIR;
}

// The seed documents (testdata/seeds/*.txt) in file name order. Adds a failure to the running
// test when there are none.
inline std::vector<std::filesystem::path> SeedFiles() {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(TestDataDir() / "seeds", error))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) ADD_FAILURE() << "no seed documents in " << (TestDataDir() / "seeds");
  return files;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The seed whose file name starts with `prefix` ("000_", "001_"). Adds a failure to the
// running test and returns "" when it is missing or empty.
inline std::string ReadSeed(const std::string& prefix) {
  for (const auto& file : SeedFiles())
    if (file.filename().string().starts_with(prefix)) {
      std::string text = ReadFile(file);
      if (text.empty()) ADD_FAILURE() << file << " is empty";
      return text;
    }
  ADD_FAILURE() << "seed " << prefix << "* not found in " << (TestDataDir() / "seeds");
  return "";
}

}  // namespace plenary::testdata
