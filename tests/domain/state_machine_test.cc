#include "domain/state_machine.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace invoicer::domain {
namespace {

using S = ProcessingState;

TEST(StateMachineTest, AllowsExactlyTheTransitionsOfApiMd) {
  const std::set<std::pair<S, S>> allowed = {
      {S::kPending, S::kProcessing},   {S::kFailed, S::kProcessing},
      {S::kExtracted, S::kProcessing}, {S::kProcessing, S::kExtracted},
      {S::kProcessing, S::kFailed},    {S::kProcessing, S::kPending},
      {S::kExtracted, S::kValidated},  {S::kExtracted, S::kRejected},
      {S::kFailed, S::kRejected},      {S::kValidated, S::kExtracted},
      {S::kRejected, S::kExtracted},   {S::kValidated, S::kExported},
  };
  for (S from : kAllStates) {
    for (S to : kAllStates) {
      EXPECT_EQ(IsAllowedTransition(from, to), allowed.count({from, to}) == 1)
          << ToString(from) << " -> " << ToString(to);
    }
  }
}

TEST(StateMachineTest, StatesRoundTripThroughText) {
  for (S s : kAllStates) EXPECT_EQ(ParseState(ToString(s)), s);
  EXPECT_FALSE(ParseState("pending").has_value());
  EXPECT_FALSE(ParseState("").has_value());
}

TEST(StateMachineTest, ClaimIsOnlyFromPendingOrFailedUnlessForced) {
  const auto& claim = RuleFor(Action::kClaim);
  EXPECT_EQ(claim.to, S::kProcessing);
  EXPECT_EQ(std::set<S>(claim.from.begin(), claim.from.end()),
            (std::set<S>{S::kPending, S::kFailed}));
  const auto& force = RuleFor(Action::kForceClaim);
  EXPECT_EQ(std::set<S>(force.from.begin(), force.from.end()),
            (std::set<S>{S::kPending, S::kFailed, S::kExtracted}));
}

}  // namespace
}  // namespace invoicer::domain
