#include "store/store_conformance.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <set>
#include <thread>

#include "codec/record_json.h"
#include "domain/review.h"
#include "domain/state_machine.h"

namespace invoicer::store::testing {

namespace {

using domain::Action;
using domain::FieldSource;
using domain::FieldValue;
using domain::Invoice;
using S = domain::ProcessingState;
using namespace std::chrono_literals;

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

NewDocument Doc(const std::string& content, const std::string& filename) {
  return NewDocument{content, Sha256Hex(content), "application/pdf", filename, 1};
}

FieldValue Field(std::string value, double confidence) {
  return FieldValue{std::move(value), confidence, FieldSource::kText, 1,
                    domain::BoundingBox{10, 20, 110, 32}};
}

ExtractionOutcome Outcome(const std::string& vendor, const std::string& number, double confidence,
                          bool needs_review) {
  ExtractionOutcome out;
  out.result.method = "test";
  out.result.pages = 2;
  out.result.fields["vendor_name"] = Field(vendor, confidence);
  out.result.fields["invoice_number"] = Field(number, confidence);
  out.result.fields["invoice_date"] = Field("2026-01-15", 0.99);
  out.result.fields["currency"] = Field("EUR", 0.99);
  out.result.fields["total"] = Field("119.00", 0.99);
  out.result.line_items = {{"Widget", *Decimal::Parse("1"), *Decimal::Parse("100.00"),
                            *Decimal::Parse("100.00"), *Decimal::Parse("19")}};
  out.needs_review = needs_review;
  out.duration_ms = 12;
  return out;
}

const Actor kWorker{"worker-1"};
const Actor kAlice{"alice"};

std::string DetailText(const Error& e, std::string_view key) {
  const ErrorDetail* d = e.Detail(key);
  if (d == nullptr || !std::holds_alternative<std::string>(*d)) return "<none>";
  return std::get<std::string>(*d);
}

std::int64_t DetailInt(const Error& e, std::string_view key) {
  const ErrorDetail* d = e.Detail(key);
  if (d == nullptr || !std::holds_alternative<std::int64_t>(*d)) return -1;
  return std::get<std::int64_t>(*d);
}

template <typename T>
Status ToStatus(Result<T>&& r) {
  if (!r) return std::move(r).error();
  return {};
}

// A reviewer's read-modify-write through the domain rules, as the service does it.
ReviewUpdate EditOf(const Invoice& current, const std::string& field, const std::string& value) {
  domain::ReviewPatch patch;
  patch.fields.emplace(field, value);
  ReviewUpdate update;
  const Invoice next =
      domain::ApplyPatch(current, patch, update.changes,
                         [](const std::vector<domain::LineItem>&) { return std::string("[]"); });
  update.fields = next.fields;
  update.line_items = next.line_items;
  update.issues = next.issues;
  update.needs_review = next.needs_review;
  return update;
}

}  // namespace

void StoreConformanceTest::SetUp() { Reset(); }

void StoreConformanceTest::TearDown() {
  store_.reset();
  harness_.reset();
}

void StoreConformanceTest::Reset() {
  store_.reset();
  harness_ = GetParam().make();
  store_ = OpenAnother();
}

std::unique_ptr<InvoiceStore> StoreConformanceTest::OpenAnother() {
  auto opened = harness_->Open();
  EXPECT_TRUE(opened) << opened.error().message;
  if (!opened) return nullptr;
  auto version = (*opened)->Migrate();
  EXPECT_TRUE(version) << version.error().message;
  return std::move(*opened);
}

Invoice StoreConformanceTest::Upload(const std::string& content, const std::string& filename) {
  auto out = store_->CreateInvoice(Doc(content, filename), Actor{"ingest"}, clock_.Now());
  EXPECT_TRUE(out) << out.error().message;
  return out ? out->invoice : Invoice{};
}

Claim StoreConformanceTest::ClaimOk(const Invoice& inv, bool force) {
  auto claim = store_->ClaimForExtraction(inv.id, kWorker, kLease, force, clock_.Now());
  EXPECT_TRUE(claim) << claim.error().message;
  return claim ? *claim : Claim{};
}

Invoice StoreConformanceTest::Extract(const Invoice& inv, const std::string& vendor,
                                      const std::string& number, double confidence,
                                      bool needs_review) {
  const Claim claim = ClaimOk(inv);
  auto done = store_->SetExtractionResult(claim, Outcome(vendor, number, confidence, needs_review),
                                          kWorker, clock_.Now());
  EXPECT_TRUE(done) << done.error().message;
  return done ? *done : Invoice{};
}

Invoice StoreConformanceTest::Validate(const Invoice& inv) {
  auto done = store_->Transition(inv.id, {Action::kValidate, inv.review_version, std::nullopt},
                                 kAlice, clock_.Now());
  EXPECT_TRUE(done) << done.error().message;
  return done ? *done : Invoice{};
}

Invoice StoreConformanceTest::MustGet(const InvoiceId& id) {
  auto inv = store_->Get(id);
  EXPECT_TRUE(inv) << inv.error().message;
  return inv ? *inv : Invoice{};
}

std::vector<HistoryEntry> StoreConformanceTest::MustHistory(const InvoiceId& id) {
  auto h = store_->History(id);
  EXPECT_TRUE(h) << h.error().message;
  return h ? *h : std::vector<HistoryEntry>{};
}

Invoice StoreConformanceTest::DriveTo(S state, std::optional<Claim>* last_claim) {
  const Invoice pending = Upload("document " + std::to_string(++uploads_));
  if (state == S::kPending) return pending;
  const Claim claim = ClaimOk(pending);
  if (last_claim != nullptr) *last_claim = claim;
  if (state == S::kProcessing) return MustGet(pending.id);
  if (state == S::kFailed) {
    auto failed = store_->FailExtraction(claim, "unreadable", 5, kWorker, clock_.Now());
    EXPECT_TRUE(failed) << failed.error().message;
    return failed ? *failed : Invoice{};
  }
  auto extracted = store_->SetExtractionResult(claim, Outcome("ACME", "INV-1", 0.99, false),
                                               kWorker, clock_.Now());
  EXPECT_TRUE(extracted) << extracted.error().message;
  if (!extracted || state == S::kExtracted) return extracted ? *extracted : Invoice{};
  if (state == S::kRejected) {
    auto rejected = store_->Transition(
        pending.id, {Action::kReject, extracted->review_version, "not ours"}, kAlice, clock_.Now());
    EXPECT_TRUE(rejected) << rejected.error().message;
    return rejected ? *rejected : Invoice{};
  }
  const Invoice validated = Validate(*extracted);
  if (state == S::kValidated) return validated;
  auto exported = store_->ExportValidated(std::vector<InvoiceId>{pending.id}, kAlice, clock_.Now());
  EXPECT_TRUE(exported && exported->size() == 1);
  return MustGet(pending.id);
}

// ---------------------------------------------------------------------------------------
// Creation, documents, reads

TEST_P(StoreConformanceTest, MigrateIsIdempotent) {
  auto first = store_->Migrate();
  auto second = store_->Migrate();
  ASSERT_TRUE(first && second);
  EXPECT_GE(*first, 1);
  EXPECT_EQ(*first, *second);
  EXPECT_TRUE(store_->Ping());
}

TEST_P(StoreConformanceTest, CreatesPendingRecordWithVersionOneAndCreatedEntry) {
  auto out =
      store_->CreateInvoice(Doc("%PDF-1.7 hello", "hello.pdf"), Actor{"ingest"}, clock_.Now());
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_TRUE(out->created);
  const Invoice& inv = out->invoice;
  EXPECT_EQ(inv.state, S::kPending);
  EXPECT_EQ(inv.review_version, 1);
  EXPECT_EQ(inv.created_at, clock_.Now());
  EXPECT_EQ(inv.document.sha256, Sha256Hex("%PDF-1.7 hello"));
  EXPECT_EQ(inv.document.filename, "hello.pdf");
  EXPECT_EQ(inv.document.size_bytes, 14);
  EXPECT_EQ(inv.document.pages, 1);
  EXPECT_TRUE(inv.fields.empty());
  EXPECT_EQ(inv.extraction.attempts, 0);
  const auto history = MustHistory(inv.id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].action, "created");
  EXPECT_EQ(history[0].actor, "ingest");
  EXPECT_FALSE(history[0].from_state.has_value());
  EXPECT_EQ(history[0].to_state, S::kPending);
  EXPECT_EQ(history[0].review_version, 1);
}

TEST_P(StoreConformanceTest, SameBytesTwiceGiveTheSameInvoice) {
  const Invoice first = Upload("same bytes", "first.pdf");
  auto again =
      store_->CreateInvoice(Doc("same bytes", "second.pdf"), Actor{"ingest"}, clock_.Now());
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->invoice.id, first.id);
  EXPECT_EQ(again->invoice.document.filename, "first.pdf");
  EXPECT_EQ(MustHistory(first.id).size(), 1u);
  EXPECT_NE(Upload("other bytes").id, first.id);
}

TEST_P(StoreConformanceTest, ConcurrentUploadsOfTheSameBytesYieldOneInvoice) {
  auto other = OpenAnother();
  constexpr int kThreads = 16;
  std::latch start(kThreads);
  std::vector<std::optional<CreateOutcome>> outcomes(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      InvoiceStore& s = t % 2 == 0 ? *store_ : *other;
      start.arrive_and_wait();
      auto out = s.CreateInvoice(Doc("racy bytes", "r.pdf"), Actor{"ingest"}, clock_.Now());
      if (out) outcomes[static_cast<std::size_t>(t)] = *out;
    });
  }
  for (auto& th : threads) th.join();
  int created = 0;
  std::set<std::string> ids;
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.has_value());
    created += o->created ? 1 : 0;
    ids.insert(o->invoice.id.str());
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(ids.size(), 1u);
  auto page = store_->List(ListQuery{});
  ASSERT_TRUE(page);
  EXPECT_EQ(page->items.size(), 1u);
}

TEST_P(StoreConformanceTest, DocumentBytesComeBackWithTheirMediaType) {
  const std::string bytes("%PDF-1.4\0\xff binary", 17);
  const Invoice inv = Upload(bytes, "scan.pdf");
  auto doc = store_->GetDocument(inv.id);
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(doc->bytes, bytes);
  EXPECT_EQ(doc->media_type, "application/pdf");
  EXPECT_EQ(doc->filename, "scan.pdf");
}

TEST_P(StoreConformanceTest, UnknownIdIsNotFoundEverywhere) {
  const InvoiceId unknown = InvoiceId::New(clock_.Now());
  EXPECT_EQ(store_->Get(unknown).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetDocument(unknown).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->History(unknown).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(
      store_->ClaimForExtraction(unknown, kWorker, kLease, false, clock_.Now()).error().api_code,
      "NOT_FOUND");
  EXPECT_EQ(store_->UpdateWithReviewVersion(unknown, ReviewUpdate{}, 1, kAlice, clock_.Now())
                .error()
                .api_code,
            "NOT_FOUND");
  EXPECT_EQ(store_->Transition(unknown, {Action::kValidate, 1, std::nullopt}, kAlice, clock_.Now())
                .error()
                .api_code,
            "NOT_FOUND");
}

TEST_P(StoreConformanceTest, WritesAreVisibleToAnotherHandleAndSurviveReopening) {
  const Invoice inv = Extract(Upload("durable"), "ACME", "INV-9");
  store_.reset();
  store_ = OpenAnother();
  const Invoice again = MustGet(inv.id);
  EXPECT_EQ(again.state, S::kExtracted);
  EXPECT_EQ(again.review_version, 2);
  EXPECT_EQ(again.fields.at("invoice_number").value, "INV-9");
}

// ---------------------------------------------------------------------------------------
// The transition matrix

namespace {

enum class Op {
  kClaim,
  kForceClaim,
  kFinish,
  kFail,
  kExpire,
  kValidate,
  kReject,
  kReopen,
  kExport
};
struct OpInfo {
  Op op;
  Action action;
  const char* name;
  bool bumps_version;
};
constexpr OpInfo kOps[] = {
    {Op::kClaim, Action::kClaim, "claim", false},
    {Op::kForceClaim, Action::kForceClaim, "force claim", false},
    {Op::kFinish, Action::kFinish, "extraction result", true},
    {Op::kFail, Action::kFail, "extraction failure", false},
    {Op::kExpire, Action::kExpireClaim, "claim expiry", false},
    {Op::kValidate, Action::kValidate, "validate", true},
    {Op::kReject, Action::kReject, "reject", true},
    {Op::kReopen, Action::kReopen, "reopen", true},
    {Op::kExport, Action::kExport, "export", true},
};

}  // namespace

TEST_P(StoreConformanceTest, AllowsExactlyTheTransitionsOfApiMdAndRefusedOnesChangeNothing) {
  const std::set<std::pair<S, S>> api_md = {
      {S::kPending, S::kProcessing},   {S::kFailed, S::kProcessing},
      {S::kExtracted, S::kProcessing}, {S::kProcessing, S::kExtracted},
      {S::kProcessing, S::kFailed},    {S::kProcessing, S::kPending},
      {S::kExtracted, S::kValidated},  {S::kExtracted, S::kRejected},
      {S::kFailed, S::kRejected},      {S::kValidated, S::kExtracted},
      {S::kRejected, S::kExtracted},   {S::kValidated, S::kExported},
  };
  std::set<std::pair<S, S>> reached;
  for (S from : domain::kAllStates) {
    for (const OpInfo& op : kOps) {
      SCOPED_TRACE(std::string(op.name) + " from " + std::string(domain::ToString(from)));
      // Every case has its own invoice and its claims start at the current (fake) time, so
      // the clock moves of earlier cases do not touch it.
      std::optional<Claim> claim;
      const Invoice before = DriveTo(from, &claim);
      ASSERT_EQ(before.state, from);
      const std::size_t history_before = MustHistory(before.id).size();
      const Claim stale_or_live =
          claim.value_or(Claim{before.id, "never-issued", 1, clock_.Now() + kLease});

      Status outcome;
      switch (op.op) {
        case Op::kClaim:
        case Op::kForceClaim:
          outcome = ToStatus(store_->ClaimForExtraction(before.id, kWorker, kLease,
                                                        op.op == Op::kForceClaim, clock_.Now()));
          break;
        case Op::kFinish:
          outcome = ToStatus(store_->SetExtractionResult(
              stale_or_live, Outcome("ACME", "INV-2", 0.99, false), kWorker, clock_.Now()));
          break;
        case Op::kFail:
          outcome =
              ToStatus(store_->FailExtraction(stale_or_live, "broken", 3, kWorker, clock_.Now()));
          break;
        case Op::kExpire: {
          clock_.Advance(kLease + 1s);
          auto recovered = store_->RecoverExpiredClaims(clock_.Now(), 3);
          ASSERT_TRUE(recovered);
          if (MustGet(before.id).state == from) {
            outcome = Error{ErrorCode::kConflict, "NOTHING_RECOVERED", "", {}};
          }
          break;
        }
        case Op::kValidate:
        case Op::kReject:
        case Op::kReopen:
          outcome = ToStatus(store_->Transition(
              before.id, {op.action, before.review_version, std::string("reason")}, kAlice,
              clock_.Now()));
          break;
        case Op::kExport:
          outcome = ToStatus(
              store_->ExportValidated(std::vector<InvoiceId>{before.id}, kAlice, clock_.Now()));
          break;
      }

      const Invoice after = MustGet(before.id);
      const auto& rule = domain::RuleFor(op.action);
      const bool allowed = std::find(rule.from.begin(), rule.from.end(), from) != rule.from.end();
      if (allowed) {
        ASSERT_TRUE(outcome) << outcome.error().message;
        EXPECT_EQ(after.state, rule.to);
        EXPECT_EQ(after.review_version, before.review_version + (op.bumps_version ? 1 : 0));
        const auto history = MustHistory(before.id);
        ASSERT_EQ(history.size(), history_before + 1);
        EXPECT_EQ(history.back().action, rule.history_action);
        EXPECT_EQ(history.back().from_state, from);
        EXPECT_EQ(history.back().to_state, rule.to);
        EXPECT_EQ(history.back().review_version, after.review_version);
        reached.insert({from, after.state});
        continue;
      }
      ASSERT_FALSE(outcome) << "a forbidden transition succeeded";
      const Error& e = outcome.error();
      if (op.op == Op::kExpire) {
        EXPECT_EQ(e.api_code, "NOTHING_RECOVERED");
      } else if ((op.op == Op::kClaim || op.op == Op::kForceClaim) && from == S::kProcessing) {
        EXPECT_EQ(e.code, ErrorCode::kConflict);
        EXPECT_EQ(e.api_code, "EXTRACTION_IN_PROGRESS");
      } else if (op.op == Op::kExport) {
        EXPECT_EQ(e.api_code, "INVALID_TRANSITION");
        const ErrorDetail* ids = e.Detail("ids");
        ASSERT_NE(ids, nullptr);
        EXPECT_EQ(std::get<std::vector<std::string>>(*ids),
                  std::vector<std::string>{before.id.str()});
      } else {
        EXPECT_EQ(e.code, ErrorCode::kConflict);
        EXPECT_EQ(e.api_code, "INVALID_TRANSITION");
        EXPECT_EQ(DetailText(e, "current_state"), domain::ToString(from));
      }
      EXPECT_EQ(after.state, before.state);
      EXPECT_EQ(after.review_version, before.review_version);
      EXPECT_EQ(after.updated_at, before.updated_at);
      EXPECT_EQ(after.fields, before.fields);
      EXPECT_EQ(after.extraction.attempts, before.extraction.attempts);
      EXPECT_EQ(MustHistory(before.id).size(), history_before);
    }
  }
  EXPECT_EQ(reached, api_md);
}

// ---------------------------------------------------------------------------------------
// Extraction claims

TEST_P(StoreConformanceTest, ThirtyTwoConcurrentClaimsHaveExactlyOneWinner) {
  const Invoice inv = Upload("contested");
  auto other = OpenAnother();
  constexpr int kThreads = 32;
  std::latch start(kThreads);
  std::atomic<int> won{0};
  std::atomic<int> in_progress{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      InvoiceStore& s = t % 2 == 0 ? *store_ : *other;
      start.arrive_and_wait();
      auto claim =
          s.ClaimForExtraction(inv.id, Actor{"w" + std::to_string(t)}, kLease, false, clock_.Now());
      if (claim) {
        ++won;
      } else if (claim.error().api_code == "EXTRACTION_IN_PROGRESS") {
        ++in_progress;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(in_progress.load(), kThreads - 1);
  const Invoice after = MustGet(inv.id);
  EXPECT_EQ(after.state, S::kProcessing);
  EXPECT_EQ(after.extraction.attempts, 1);
  const auto history = MustHistory(inv.id);
  EXPECT_EQ(std::count_if(history.begin(), history.end(),
                          [](const HistoryEntry& h) { return h.action == "claimed"; }),
            1);
}

TEST_P(StoreConformanceTest, ExtractedInvoiceIsReclaimedOnlyWithForce) {
  const Invoice inv = Extract(Upload("extracted"), "ACME", "INV-1");
  auto plain = store_->ClaimForExtraction(inv.id, kWorker, kLease, false, clock_.Now());
  ASSERT_FALSE(plain);
  EXPECT_EQ(plain.error().api_code, "INVALID_TRANSITION");
  EXPECT_EQ(DetailText(plain.error(), "current_state"), "EXTRACTED");
  auto forced = store_->ClaimForExtraction(inv.id, kWorker, kLease, true, clock_.Now());
  ASSERT_TRUE(forced) << forced.error().message;
  EXPECT_EQ(forced->attempt, 2);
  EXPECT_EQ(MustGet(inv.id).review_version, inv.review_version);
}

TEST_P(StoreConformanceTest, ClaimNextPendingTakesTheOldestThenNothing) {
  const Invoice first = Upload("first");
  clock_.Advance(1s);
  const Invoice second = Upload("second");
  auto a = store_->ClaimNextPending(kWorker, kLease, clock_.Now());
  auto b = store_->ClaimNextPending(kWorker, kLease, clock_.Now());
  auto c = store_->ClaimNextPending(kWorker, kLease, clock_.Now());
  ASSERT_TRUE(a && b && c);
  ASSERT_TRUE(a->has_value() && b->has_value());
  EXPECT_EQ((*a)->id, first.id);
  EXPECT_EQ((*b)->id, second.id);
  EXPECT_EQ((*a)->attempt, 1);
  EXPECT_EQ((*a)->expires_at, clock_.Now() + kLease);
  EXPECT_FALSE(c->has_value());
  EXPECT_EQ(MustGet(first.id).state, S::kProcessing);
}

TEST_P(StoreConformanceTest, ExpiredClaimsReturnToPendingAndFailAfterMaxAttempts) {
  const Invoice inv = Upload("flaky");
  for (int attempt = 1; attempt <= 3; ++attempt) {
    SCOPED_TRACE("attempt " + std::to_string(attempt));
    const Claim claim = ClaimOk(inv);
    EXPECT_EQ(claim.attempt, attempt);
    clock_.Advance(kLease - 1ms);
    auto early = store_->RecoverExpiredClaims(clock_.Now(), 3);
    ASSERT_TRUE(early);
    EXPECT_EQ(*early, 0) << "a live claim was recovered";
    EXPECT_EQ(MustGet(inv.id).state, S::kProcessing);
    clock_.Advance(1ms);
    auto recovered = store_->RecoverExpiredClaims(clock_.Now(), 3);
    ASSERT_TRUE(recovered);
    EXPECT_EQ(*recovered, 1);
    const Invoice after = MustGet(inv.id);
    EXPECT_EQ(after.extraction.attempts, attempt);
    EXPECT_EQ(after.review_version, 1);
    if (attempt < 3) {
      EXPECT_EQ(after.state, S::kPending);
    } else {
      EXPECT_EQ(after.state, S::kFailed);
      ASSERT_TRUE(after.extraction.error.has_value());
    }
  }
  const auto history = MustHistory(inv.id);
  ASSERT_EQ(history.size(), 7u);  // created + 3 x (claimed, claim_expired)
  EXPECT_EQ(history[2].action, "claim_expired");
  EXPECT_EQ(history[2].actor, "system");
  EXPECT_EQ(history[2].from_state, S::kProcessing);
  EXPECT_EQ(history[2].to_state, S::kPending);
  EXPECT_EQ(history[6].to_state, S::kFailed);
}

TEST_P(StoreConformanceTest, RenewedClaimOutlivesItsFirstLease) {
  const Invoice inv = Upload("slow");
  const Claim claim = ClaimOk(inv);
  clock_.Advance(4min);
  ASSERT_TRUE(store_->RenewClaim(claim, kLease, clock_.Now()));
  clock_.Advance(4min);
  auto recovered = store_->RecoverExpiredClaims(clock_.Now(), 3);
  ASSERT_TRUE(recovered);
  EXPECT_EQ(*recovered, 0);
  auto done = store_->SetExtractionResult(claim, Outcome("ACME", "INV-1", 0.99, false), kWorker,
                                          clock_.Now());
  EXPECT_TRUE(done) << done.error().message;
}

TEST_P(StoreConformanceTest, ResultOfAClaimThatLostItsLeaseIsRefusedAndWritesNothing) {
  const Invoice inv = Upload("lost lease");
  const Claim first = ClaimOk(inv);
  clock_.Advance(kLease);
  // Expired but not yet recovered: the lease is gone already.
  auto late =
      store_->SetExtractionResult(first, Outcome("LATE", "X", 0.99, false), kWorker, clock_.Now());
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->RenewClaim(first, kLease, clock_.Now()).error().code, ErrorCode::kConflict);

  ASSERT_TRUE(store_->RecoverExpiredClaims(clock_.Now(), 3));
  const Claim second = ClaimOk(inv);
  const std::size_t history_before = MustHistory(inv.id).size();
  auto stale =
      store_->SetExtractionResult(first, Outcome("STALE", "X", 0.99, false), kWorker, clock_.Now());
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().api_code, "INVALID_TRANSITION");
  EXPECT_EQ(DetailText(stale.error(), "current_state"), "PROCESSING");
  auto stale_fail = store_->FailExtraction(first, "x", 1, kWorker, clock_.Now());
  EXPECT_EQ(stale_fail.error().code, ErrorCode::kConflict);
  const Invoice untouched = MustGet(inv.id);
  EXPECT_EQ(untouched.state, S::kProcessing);
  EXPECT_EQ(untouched.review_version, 1);
  EXPECT_TRUE(untouched.fields.empty());
  EXPECT_EQ(MustHistory(inv.id).size(), history_before);

  auto ok = store_->SetExtractionResult(second, Outcome("ACME", "INV-1", 0.99, false), kWorker,
                                        clock_.Now());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->fields.at("vendor_name").value, "ACME");
}

TEST_P(StoreConformanceTest, ExtractionResultStoresFieldsAndBumpsTheVersion) {
  const Invoice inv = Upload("extract me");
  const Claim claim = ClaimOk(inv);
  clock_.Advance(3s);
  auto done = store_->SetExtractionResult(claim, Outcome("ACME", "INV-7", 0.8, true), kWorker,
                                          clock_.Now());
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->state, S::kExtracted);
  EXPECT_EQ(done->review_version, 2);
  EXPECT_TRUE(done->needs_review);
  EXPECT_EQ(done->updated_at, clock_.Now());
  EXPECT_EQ(done->fields.at("vendor_name"), Field("ACME", 0.8));
  ASSERT_EQ(done->line_items.size(), 1u);
  EXPECT_EQ(done->line_items[0].amount->ToString(), "100.00");
  EXPECT_EQ(done->extraction.method, "test");
  EXPECT_EQ(done->extraction.duration_ms, 12);
  EXPECT_EQ(done->extraction.attempts, 1);
  EXPECT_EQ(done->document.pages, 2);
  EXPECT_EQ(MustGet(inv.id).fields, done->fields);
  const auto history = MustHistory(inv.id);
  ASSERT_EQ(history.back().action, "extracted");
  EXPECT_EQ(history.back().actor, kWorker.name);
  const auto& changes = history.back().changes;
  EXPECT_TRUE(std::any_of(changes.begin(), changes.end(), [](const domain::FieldChange& c) {
    return c.field == "invoice_number" && !c.old_value && c.new_value == "INV-7";
  }));
}

TEST_P(StoreConformanceTest, ViewsShowTheSameRecordAsTheDecodedInvoice) {
  const Invoice inv = Upload("view me");
  const Claim claim = ClaimOk(inv);
  ExtractionOutcome outcome = Outcome("ACME", "INV-8", 0.7, true);
  outcome.result.extra_fields_json = R"( {"contract": "C-7", "lines": [1, 2]} )";
  outcome.issues = {{"TOTAL_MISMATCH", domain::Severity::kError, "total differs", {"total"}}};
  ASSERT_TRUE(store_->SetExtractionResult(claim, outcome, kWorker, clock_.Now()));
  const Invoice decoded = MustGet(inv.id);
  EXPECT_EQ(decoded.extra_fields_json, R"({"contract":"C-7","lines":[1,2]})");
  auto view = store_->GetView(inv.id);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(codec::InvoiceToJson(*view), codec::InvoiceToJson(decoded));
  auto page = store_->List(ListQuery{});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(codec::InvoiceToJson(page->items[0]), codec::InvoiceToJson(decoded));
  EXPECT_EQ(store_->GetView(InvoiceId::New(clock_.Now())).error().code, ErrorCode::kNotFound);
}

TEST_P(StoreConformanceTest, FailedExtractionKeepsTheErrorAndCanBeRetried) {
  const Invoice inv = Upload("broken");
  const Claim claim = ClaimOk(inv);
  auto failed = store_->FailExtraction(claim, "encrypted PDF", 7, kWorker, clock_.Now());
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(failed->state, S::kFailed);
  EXPECT_EQ(failed->extraction.error, "encrypted PDF");
  EXPECT_EQ(failed->review_version, 1);
  const Claim retry = ClaimOk(inv);
  EXPECT_EQ(retry.attempt, 2);
}

// ---------------------------------------------------------------------------------------
// Reviewer writes

TEST_P(StoreConformanceTest, ConcurrentReadModifyWritePatchesLoseNoUpdate) {
  const Invoice start = Extract(Upload("contended edits"), "ACME", "INV-1");
  const std::vector<std::string> fields = {"vendor_address",  "customer_name",  "customer_address",
                                           "customer_tax_id", "purchase_order", "payment_terms",
                                           "vendor_tax_id",   "due_date"};
  constexpr int kThreads = 8;
  constexpr int kEdits = 50;
  auto value_of = [](int t, int i) {
    // due_date needs a date; the others take any text.
    const int day = i % 28 + 1;
    return t == 7 ? "2026-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day)
                  : "t" + std::to_string(t) + "-" + std::to_string(i);
  };
  std::atomic<int> successes{0};
  std::latch go(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      go.arrive_and_wait();
      for (int i = 0; i < kEdits; ++i) {
        while (true) {
          auto current = store_->Get(start.id);
          ASSERT_TRUE(current);
          const ReviewUpdate update =
              EditOf(*current, fields[static_cast<std::size_t>(t)], value_of(t, i));
          auto written = store_->UpdateWithReviewVersion(start.id, update, current->review_version,
                                                         kAlice, clock_.Now());
          if (written) {
            ++successes;
            break;
          }
          ASSERT_EQ(written.error().api_code, "STALE_WRITE") << written.error().message;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(successes.load(), kThreads * kEdits);
  const Invoice end = MustGet(start.id);
  EXPECT_EQ(end.review_version, start.review_version + successes.load());
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(end.fields.at(fields[static_cast<std::size_t>(t)]).value, value_of(t, kEdits - 1));
  }
  std::set<std::pair<std::string, std::string>> seen;
  int edited = 0;
  for (const auto& h : MustHistory(start.id)) {
    if (h.action != "edited") continue;
    ++edited;
    for (const auto& c : h.changes) seen.insert({c.field, c.new_value.value_or("")});
  }
  EXPECT_EQ(edited, kThreads * kEdits);
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEdits; ++i) {
      // due_date values repeat after 28 edits; an unchanged value is not a change.
      if (t == 7) continue;
      EXPECT_EQ(seen.count({fields[static_cast<std::size_t>(t)], value_of(t, i)}), 1u)
          << fields[static_cast<std::size_t>(t)] << " " << value_of(t, i);
    }
  }
}

TEST_P(StoreConformanceTest, StalePatchIsRefusedAndChangesNothing) {
  const Invoice inv = Extract(Upload("stale"), "ACME", "INV-1");
  auto first = store_->UpdateWithReviewVersion(inv.id, EditOf(inv, "total", "1.00"),
                                               inv.review_version, kAlice, clock_.Now());
  ASSERT_TRUE(first);
  const std::size_t history_before = MustHistory(inv.id).size();
  clock_.Advance(1s);
  auto stale = store_->UpdateWithReviewVersion(inv.id, EditOf(inv, "total", "2.00"),
                                               inv.review_version, kAlice, clock_.Now());
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().api_code, "STALE_WRITE");
  EXPECT_EQ(DetailInt(stale.error(), "current_review_version"), first->review_version);
  const Invoice after = MustGet(inv.id);
  EXPECT_EQ(after.review_version, first->review_version);
  EXPECT_EQ(after.fields.at("total").value, "1.00");
  EXPECT_EQ(after.updated_at, first->updated_at);
  EXPECT_EQ(MustHistory(inv.id).size(), history_before);
}

TEST_P(StoreConformanceTest, PatchOutsideExtractedIsInvalidTransitionEvenWhenStale) {
  const Invoice validated = DriveTo(S::kValidated);
  for (std::int64_t version : {validated.review_version, validated.review_version - 1}) {
    auto refused = store_->UpdateWithReviewVersion(validated.id, EditOf(validated, "total", "5"),
                                                   version, kAlice, clock_.Now());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().api_code, "INVALID_TRANSITION");
    EXPECT_EQ(DetailText(refused.error(), "current_state"), "VALIDATED");
  }
  EXPECT_EQ(MustGet(validated.id).review_version, validated.review_version);
}

TEST_P(StoreConformanceTest, PatchRecordsItsChangesInTheHistory) {
  const Invoice inv = Extract(Upload("audited"), "ACME", "INV-1");
  clock_.Advance(2s);
  auto edited = store_->UpdateWithReviewVersion(inv.id, EditOf(inv, "total", "120.00"),
                                                inv.review_version, kAlice, clock_.Now());
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->review_version, inv.review_version + 1);
  EXPECT_EQ(edited->fields.at("total").source, FieldSource::kHuman);
  EXPECT_EQ(edited->fields.at("total").confidence, 1.0);
  const auto history = MustHistory(inv.id);
  const HistoryEntry& last = history.back();
  EXPECT_EQ(last.action, "edited");
  EXPECT_EQ(last.actor, "alice");
  EXPECT_EQ(last.at, clock_.Now());
  EXPECT_EQ(last.from_state, S::kExtracted);
  EXPECT_EQ(last.to_state, S::kExtracted);
  EXPECT_EQ(last.review_version, edited->review_version);
  ASSERT_EQ(last.changes.size(), 1u);
  EXPECT_EQ(last.changes[0], (domain::FieldChange{"total", "119.00", "120.00", false}));
}

TEST_P(StoreConformanceTest, StaleTransitionIsStaleWriteAndStateWinsOverVersion) {
  const Invoice inv = DriveTo(S::kExtracted);
  auto stale = store_->Transition(inv.id, {Action::kValidate, inv.review_version - 1, std::nullopt},
                                  kAlice, clock_.Now());
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().api_code, "STALE_WRITE");
  EXPECT_EQ(DetailInt(stale.error(), "current_review_version"), inv.review_version);
  auto wrong_state = store_->Transition(
      inv.id, {Action::kReopen, inv.review_version - 1, std::nullopt}, kAlice, clock_.Now());
  ASSERT_FALSE(wrong_state);
  EXPECT_EQ(wrong_state.error().api_code, "INVALID_TRANSITION");
  EXPECT_EQ(DetailText(wrong_state.error(), "current_state"), "EXTRACTED");
  EXPECT_EQ(MustGet(inv.id).review_version, inv.review_version);
  EXPECT_EQ(MustHistory(inv.id).size(), 3u);  // created, claimed, extracted; nothing more
}

TEST_P(StoreConformanceTest, RejectKeepsTheReasonAndReopenClearsIt) {
  const Invoice inv = DriveTo(S::kExtracted);
  auto rejected = store_->Transition(inv.id, {Action::kReject, inv.review_version, "duplicate"},
                                     kAlice, clock_.Now());
  ASSERT_TRUE(rejected);
  EXPECT_EQ(rejected->reject_reason, "duplicate");
  auto reopened = store_->Transition(
      inv.id, {Action::kReopen, rejected->review_version, std::nullopt}, kAlice, clock_.Now());
  ASSERT_TRUE(reopened);
  EXPECT_EQ(reopened->state, S::kExtracted);
  EXPECT_FALSE(reopened->reject_reason.has_value());
  EXPECT_EQ(reopened->review_version, inv.review_version + 2);
}

// ---------------------------------------------------------------------------------------
// Review leases

TEST_P(StoreConformanceTest, TwoReviewersNeverHoldTheSameInvoice) {
  const Invoice x = DriveTo(S::kExtracted);
  const Invoice y = DriveTo(S::kExtracted);
  auto a = store_->LeaseNextForReview(Actor{"alice"}, kReviewLease, clock_.Now());
  auto b = store_->LeaseNextForReview(Actor{"bob"}, kReviewLease, clock_.Now());
  auto c = store_->LeaseNextForReview(Actor{"carol"}, kReviewLease, clock_.Now());
  ASSERT_TRUE(a && b && c);
  ASSERT_TRUE(a->has_value() && b->has_value());
  EXPECT_NE((*a)->id, (*b)->id);
  EXPECT_EQ(std::set<InvoiceId>({(*a)->id, (*b)->id}), std::set<InvoiceId>({x.id, y.id}));
  EXPECT_FALSE(c->has_value()) << "carol got a leased invoice";
  ASSERT_TRUE((*a)->review_lease.has_value());
  EXPECT_EQ((*a)->review_lease->holder, "alice");
  EXPECT_EQ((*a)->review_lease->expires_at, clock_.Now() + kReviewLease);
  EXPECT_EQ(MustGet((*a)->id).review_version, (*a)->review_version);

  clock_.Advance(1min);
  auto again = store_->LeaseNextForReview(Actor{"alice"}, kReviewLease, clock_.Now());
  ASSERT_TRUE(again && again->has_value());
  EXPECT_EQ((*again)->id, (*a)->id) << "a reviewer with a live lease gets the same invoice";

  clock_.Advance(kReviewLease);
  auto after_expiry = store_->LeaseNextForReview(Actor{"carol"}, kReviewLease, clock_.Now());
  ASSERT_TRUE(after_expiry && after_expiry->has_value());
  EXPECT_EQ((*after_expiry)->review_lease->holder, "carol");
}

TEST_P(StoreConformanceTest, ConcurrentReviewersGetDistinctInvoices) {
  constexpr int kInvoices = 8;
  constexpr int kReviewers = 16;
  for (int i = 0; i < kInvoices; ++i) DriveTo(S::kExtracted);
  std::latch go(kReviewers);
  std::vector<std::optional<InvoiceId>> got(kReviewers);
  std::vector<std::thread> threads;
  for (int r = 0; r < kReviewers; ++r) {
    threads.emplace_back([&, r] {
      go.arrive_and_wait();
      auto lease = store_->LeaseNextForReview(Actor{"reviewer-" + std::to_string(r)}, kReviewLease,
                                              clock_.Now());
      if (lease && lease->has_value()) got[static_cast<std::size_t>(r)] = (*lease)->id;
    });
  }
  for (auto& th : threads) th.join();
  std::set<InvoiceId> distinct;
  int served = 0;
  for (const auto& id : got) {
    if (!id) continue;
    ++served;
    distinct.insert(*id);
  }
  EXPECT_EQ(served, kInvoices);
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kInvoices));
}

TEST_P(StoreConformanceTest, ReviewOrderIsNeedsReviewThenLowestConfidenceThenOldest) {
  const Invoice confident = Extract(Upload("confident"), "A", "1", 0.99, false);
  const Invoice old_unsure = Extract(Upload("old unsure"), "B", "2", 0.70, true);
  const Invoice very_unsure = Extract(Upload("very unsure"), "C", "3", 0.40, true);
  const Invoice new_unsure = Extract(Upload("new unsure"), "D", "4", 0.70, true);
  const Invoice pending = Upload("not extracted");
  std::vector<InvoiceId> order;
  for (int i = 0; i < 5; ++i) {
    auto lease =
        store_->LeaseNextForReview(Actor{"r" + std::to_string(i)}, kReviewLease, clock_.Now());
    ASSERT_TRUE(lease);
    if (lease->has_value()) order.push_back((*lease)->id);
  }
  EXPECT_EQ(order,
            (std::vector<InvoiceId>{very_unsure.id, old_unsure.id, new_unsure.id, confident.id}));
  EXPECT_EQ(std::count(order.begin(), order.end(), pending.id), 0);
}

TEST_P(StoreConformanceTest, ValidatedInvoiceLeavesTheReviewQueueAndDropsItsLease) {
  const Invoice inv = DriveTo(S::kExtracted);
  auto lease = store_->LeaseNextForReview(kAlice, kReviewLease, clock_.Now());
  ASSERT_TRUE(lease && lease->has_value());
  const Invoice validated = Validate(**lease);
  EXPECT_FALSE(validated.review_lease.has_value());
  auto next = store_->LeaseNextForReview(kAlice, kReviewLease, clock_.Now());
  ASSERT_TRUE(next);
  EXPECT_FALSE(next->has_value());
  EXPECT_EQ(inv.id, validated.id);
}

// ---------------------------------------------------------------------------------------
// Exports

TEST_P(StoreConformanceTest, ExportOfNamedIdsIsAllOrNothing) {
  const Invoice ready = DriveTo(S::kValidated);
  const Invoice not_ready = DriveTo(S::kExtracted);
  const std::size_t history_before = MustHistory(ready.id).size();
  auto refused =
      store_->ExportValidated(std::vector<InvoiceId>{ready.id, not_ready.id}, kAlice, clock_.Now());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().api_code, "INVALID_TRANSITION");
  const ErrorDetail* ids = refused.error().Detail("ids");
  ASSERT_NE(ids, nullptr);
  EXPECT_EQ(std::get<std::vector<std::string>>(*ids), std::vector<std::string>{not_ready.id.str()});
  const Invoice still = MustGet(ready.id);
  EXPECT_EQ(still.state, S::kValidated);
  EXPECT_EQ(still.review_version, ready.review_version);
  EXPECT_EQ(MustHistory(ready.id).size(), history_before);

  auto exported =
      store_->ExportValidated(std::vector<InvoiceId>{ready.id, ready.id}, kAlice, clock_.Now());
  ASSERT_TRUE(exported) << exported.error().message;
  ASSERT_EQ(exported->size(), 1u);
  EXPECT_EQ((*exported)[0].state, S::kExported);
  EXPECT_EQ((*exported)[0].review_version, ready.review_version + 1);
  EXPECT_EQ(MustHistory(ready.id).back().action, "exported");
}

TEST_P(StoreConformanceTest, ExportWithoutIdsMovesEveryValidatedOneAndOnlyThose) {
  const Invoice a = DriveTo(S::kValidated);
  const Invoice b = DriveTo(S::kValidated);
  const Invoice c = DriveTo(S::kExtracted);
  auto exported = store_->ExportValidated(std::nullopt, kAlice, clock_.Now());
  ASSERT_TRUE(exported) << exported.error().message;
  ASSERT_EQ(exported->size(), 2u);
  EXPECT_EQ((*exported)[0].id, a.id);
  EXPECT_EQ((*exported)[1].id, b.id);
  EXPECT_EQ(MustGet(c.id).state, S::kExtracted);
  auto nothing = store_->ExportValidated(std::nullopt, kAlice, clock_.Now());
  ASSERT_TRUE(nothing);
  EXPECT_TRUE(nothing->empty());
}

// ---------------------------------------------------------------------------------------
// Lists, counts, duplicates, history

TEST_P(StoreConformanceTest, ListIsNewestFirstAndPagesCoverEverythingOnce) {
  std::vector<InvoiceId> created;
  for (int i = 0; i < 7; ++i) {
    created.push_back(Upload("page doc " + std::to_string(i)).id);
    clock_.Advance(1ms);
  }
  std::vector<InvoiceId> seen;
  ListQuery q;
  q.limit = 3;
  int pages = 0;
  while (true) {
    auto page = store_->List(q);
    ASSERT_TRUE(page) << page.error().message;
    ++pages;
    for (const auto& view : page->items) seen.push_back(view.head.id);
    if (!page->next) break;
    EXPECT_EQ(page->items.size(), 3u);
    q.after = page->next;
  }
  EXPECT_EQ(pages, 3);
  std::reverse(created.begin(), created.end());
  EXPECT_EQ(seen, created);
}

TEST_P(StoreConformanceTest, ListFiltersByStateNeedsReviewVendorAndText) {
  const Invoice mueller =
      Extract(Upload("m", "mueller.pdf"), "Müller Bau GmbH", "RE-2026-001", 0.6, true);
  const Invoice acme = Extract(Upload("a", "acme-march.pdf"), "ACME Corp", "INV-77", 0.99, false);
  const Invoice pending = Upload("p", "scan-0001.pdf");
  auto ids = [&](const ListQuery& q) {
    std::set<InvoiceId> out;
    auto page = store_->List(q);
    EXPECT_TRUE(page) << page.error().message;
    if (page) {
      for (const auto& view : page->items) out.insert(view.head.id);
    }
    return out;
  };
  ListQuery q;
  q.state = S::kExtracted;
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{mueller.id, acme.id}));
  q = {};
  q.state = S::kPending;
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{pending.id}));
  q = {};
  q.needs_review = true;
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{mueller.id, pending.id}));
  q.needs_review = false;
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{acme.id}));
  q = {};
  q.vendor = "MÜLLER";
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{mueller.id}));
  q.vendor = "corp";
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{acme.id}));
  q = {};
  q.text = "inv-77";
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{acme.id}));
  q.text = "SCAN-0001";
  EXPECT_EQ(ids(q), (std::set<InvoiceId>{pending.id}));
  q.text = "100%_";
  EXPECT_TRUE(ids(q).empty());
  q = {};
  q.state = S::kExtracted;
  q.vendor = "acme";
  q.needs_review = true;
  EXPECT_TRUE(ids(q).empty());
}

TEST_P(StoreConformanceTest, CountsByStateIncludeEveryState) {
  DriveTo(S::kExtracted);
  DriveTo(S::kExtracted);
  DriveTo(S::kFailed);
  auto counts = store_->CountByState();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->size(), domain::kAllStates.size());
  EXPECT_EQ(counts->at(S::kExtracted), 2);
  EXPECT_EQ(counts->at(S::kFailed), 1);
  EXPECT_EQ(counts->at(S::kExported), 0);
}

TEST_P(StoreConformanceTest, FindsDuplicatesByVendorAndNumberIgnoringCase) {
  const Invoice a = Extract(Upload("dup a"), "ACME Corp", "INV-1");
  const Invoice b = Extract(Upload("dup b"), "acme corp", "inv-1");
  Extract(Upload("dup c"), "ACME Corp", "INV-2");
  auto dups = store_->FindDuplicates(a.id, "Acme Corp", "Inv-1");
  ASSERT_TRUE(dups);
  EXPECT_EQ(*dups, std::vector<std::string>{b.id.str()});
  auto none = store_->FindDuplicates(a.id, "", "INV-1");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(StoreConformanceTest, HistoryTellsTheWholeStoryOldestFirst) {
  const Invoice inv = DriveTo(S::kExported);
  const auto history = MustHistory(inv.id);
  std::vector<std::string> actions;
  for (const auto& h : history) actions.push_back(h.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"created", "claimed", "extracted", "validated", "exported"}));
  EXPECT_EQ(history[1].actor, kWorker.name);
  EXPECT_EQ(history[3].actor, "alice");
  std::vector<std::int64_t> versions;
  for (const auto& h : history) versions.push_back(h.review_version);
  EXPECT_EQ(versions, (std::vector<std::int64_t>{1, 1, 2, 3, 4}));
  EXPECT_EQ(history[4].from_state, S::kValidated);
  EXPECT_EQ(history[4].to_state, S::kExported);
}

// ---------------------------------------------------------------------------------------
// Tokens

TEST_P(StoreConformanceTest, TokensAreFoundByHashUntilRevoked) {
  const TokenRecord token{"ci", Role::kReviewer, std::string(64, 'a'), clock_.Now(), std::nullopt};
  ASSERT_TRUE(store_->CreateToken(token));
  auto taken = store_->CreateToken(
      TokenRecord{"ci", Role::kAdmin, std::string(64, 'b'), clock_.Now(), std::nullopt});
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(store_->CreateToken(
      TokenRecord{"admin", Role::kAdmin, std::string(64, 'c'), clock_.Now(), std::nullopt}));

  auto found = store_->FindActiveToken(std::string(64, 'a'));
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->name, "ci");
  EXPECT_EQ((*found)->role, Role::kReviewer);
  auto unknown = store_->FindActiveToken(std::string(64, 'f'));
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->has_value());

  clock_.Advance(1s);
  ASSERT_TRUE(store_->RevokeToken("ci", clock_.Now()));
  auto revoked = store_->FindActiveToken(std::string(64, 'a'));
  ASSERT_TRUE(revoked);
  EXPECT_FALSE(revoked->has_value());
  EXPECT_TRUE(store_->RevokeToken("ci", clock_.Now())) << "revoking twice is harmless";
  EXPECT_EQ(store_->RevokeToken("nobody", clock_.Now()).error().code, ErrorCode::kNotFound);

  auto all = store_->ListTokens();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  const auto& ci = (*all)[0].name == "ci" ? (*all)[0] : (*all)[1];
  EXPECT_EQ(ci.revoked_at, clock_.Now());
  EXPECT_EQ(ci.token_hash, std::string(64, 'a'));
}

TEST(StoreRoleTest, RolesRoundTripThroughText) {
  for (Role r : {Role::kAdmin, Role::kReviewer, Role::kIngest, Role::kReader}) {
    EXPECT_EQ(ParseRole(ToString(r)), r);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
}

}  // namespace invoicer::store::testing
