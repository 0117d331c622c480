#pragma once

#include <span>
#include <string_view>

#include "domain/invoice.h"

namespace invoicer::domain {

// The actions that move an invoice between processing states (API.md "Allowed
// transitions"). The store enforces each with one guarded write
// (`UPDATE ... WHERE state IN (from...)`); this table is the single source of those sets.
enum class Action {
  kClaim,         // PENDING, FAILED -> PROCESSING
  kForceClaim,    // PENDING, FAILED, EXTRACTED -> PROCESSING (?force=true)
  kFinish,        // PROCESSING -> EXTRACTED
  kFail,          // PROCESSING -> FAILED
  kExpireClaim,   // PROCESSING -> PENDING (or FAILED past the attempt limit)
  kValidate,      // EXTRACTED -> VALIDATED
  kReject,        // EXTRACTED, FAILED -> REJECTED
  kReopen,        // VALIDATED, REJECTED -> EXTRACTED
  kExport,        // VALIDATED -> EXPORTED
};

struct TransitionRule {
  Action action;
  std::span<const ProcessingState> from;
  ProcessingState to;
  std::string_view history_action;  // API.md history `action`: "claimed", "validated", ...
};

const TransitionRule& RuleFor(Action action);

// True when API.md's table has a row from -> to (used by the transition-matrix tests).
bool IsAllowedTransition(ProcessingState from, ProcessingState to);

}  // namespace invoicer::domain
