// Unit tests of watched pages (watchers.h): each set of watchers counts its own against its own
// limit, versions are per id, and a refused watcher takes no place.
#include "http/watchers.h"

#include <gtest/gtest.h>

namespace plenary::http {
namespace {

TEST(Watchers, EachSetHasItsOwnLimitAndVersionsPerId) {
  Watchers a("floor", "meeting", "version", 1);
  Watchers b("change", "text", "change", 2, 2000);
  auto a1 = a.Watch(7);
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a.Watch(7), nullptr);  // a is full
  EXPECT_EQ(a.Watch(8), nullptr);  // over all ids
  EXPECT_EQ(a.Count(), 1);
  auto b1 = b.Watch(7), b2 = b.Watch(7);  // b is not
  ASSERT_TRUE(b1 && b2);
  EXPECT_EQ(b.Watch(7), nullptr);
  EXPECT_EQ(b.Count(), 2);

  EXPECT_EQ(*a1->poll(), "retry: 1000\nevent: floor\ndata: {\"meeting\":7,\"version\":0}\n\n");
  EXPECT_EQ(*b1->poll(), "retry: 2000\nevent: change\ndata: {\"text\":7,\"change\":0}\n\n");
  b.Changed(8);  // another id: nothing for the watchers of 7
  a.Changed(7);  // another set: nothing for b
  EXPECT_EQ(*b1->poll(), "");
  EXPECT_EQ(*a1->poll(), "event: floor\ndata: {\"meeting\":7,\"version\":1}\n\n");
  b.Changed(7);
  b.Changed(7);  // two changes between polls: one event with the latest version
  EXPECT_EQ(*b1->poll(), "event: change\ndata: {\"text\":7,\"change\":2}\n\n");
  EXPECT_EQ(*b1->poll(), "");

  a1.reset();
  EXPECT_EQ(a.Count(), 0);
  a.SetMax(0);  // no watcher at all
  EXPECT_EQ(a.Watch(7), nullptr);
  EXPECT_EQ(a.Count(), 0);
}

}  // namespace
}  // namespace plenary::http
