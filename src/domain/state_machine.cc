#include "domain/state_machine.h"

#include <algorithm>
#include <array>

namespace invoicer::domain {

namespace {
using S = ProcessingState;
constexpr S kFromPendingFailed[] = {S::kPending, S::kFailed};
constexpr S kFromPendingFailedExtracted[] = {S::kPending, S::kFailed, S::kExtracted};
constexpr S kFromProcessing[] = {S::kProcessing};
constexpr S kFromExtracted[] = {S::kExtracted};
constexpr S kFromExtractedFailed[] = {S::kExtracted, S::kFailed};
constexpr S kFromValidatedRejected[] = {S::kValidated, S::kRejected};
constexpr S kFromValidated[] = {S::kValidated};

const std::array<TransitionRule, 9> kRules{{
    {Action::kClaim, kFromPendingFailed, S::kProcessing, "claimed"},
    {Action::kForceClaim, kFromPendingFailedExtracted, S::kProcessing, "claimed"},
    {Action::kFinish, kFromProcessing, S::kExtracted, "extracted"},
    {Action::kFail, kFromProcessing, S::kFailed, "extraction_failed"},
    {Action::kExpireClaim, kFromProcessing, S::kPending, "claim_expired"},
    {Action::kValidate, kFromExtracted, S::kValidated, "validated"},
    {Action::kReject, kFromExtractedFailed, S::kRejected, "rejected"},
    {Action::kReopen, kFromValidatedRejected, S::kExtracted, "reopened"},
    {Action::kExport, kFromValidated, S::kExported, "exported"},
}};
}  // namespace

const TransitionRule& RuleFor(Action action) {
  return kRules[static_cast<std::size_t>(action)];
}

bool IsAllowedTransition(ProcessingState from, ProcessingState to) {
  // PROCESSING -> FAILED also happens when an expired claim runs out of attempts; it is
  // the kFail row already.
  return std::any_of(kRules.begin(), kRules.end(), [&](const TransitionRule& r) {
    return r.to == to && std::find(r.from.begin(), r.from.end(), from) != r.from.end();
  });
}

}  // namespace invoicer::domain
