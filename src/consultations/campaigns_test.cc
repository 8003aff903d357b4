// Unit tests of the campaign tracker's thread, on the demo database.
#include "consultations/campaigns.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "demo/demo_fixture.h"

namespace plenary::consultations {
namespace {

using CampaignTrackerTest = demo::DemoDatabaseTest;

TEST_F(CampaignTrackerTest, StartingTwiceRunsOneThreadAndCatchesUp) {
  CampaignTracker tracker(*db_);
  ASSERT_GT(tracker.Lag(), 0);  // the demo's responses are not grouped yet
  tracker.Start(5);
  tracker.Start(5);  // used to assign to a running std::thread: std::terminate
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (tracker.Lag() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(tracker.Lag(), 0);
}

}  // namespace
}  // namespace plenary::consultations
