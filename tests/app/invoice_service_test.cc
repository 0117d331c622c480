#include "app/invoice_service.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <thread>

#include "app/digest.h"
#include "extract/einvoice.h"
#include "fakes/fake_clock.h"
#include "fakes/test_extractor.h"
#include "spy_store.h"
#include "store/sqlite/sqlite_invoice_store.h"
#include "temp_dir.h"

namespace invoicer::app {
namespace {

using domain::Invoice;
using domain::ProcessingState;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::string Pdf(std::string_view tag) { return "%PDF-1.4\n% " + std::string(tag) + "\n%%EOF\n"; }

template <typename T>
const Error& ErrorOf(const Result<T>& r) {
  EXPECT_FALSE(r.has_value());
  return r.error();
}

// The entries of a zip archive by name (libzip), to check UBL exports.
std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = src != nullptr ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (src != nullptr) zip_source_free(src);
    ADD_FAILURE() << "not a zip archive";
    return out;
  }
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    zip_fread(f, data.data(), data.size());
    zip_fclose(f);
    out[st.name] = std::move(data);
  }
  zip_close(archive);
  return out;
}

// What a recovery run finds while an extraction is held in the extractor.
struct HeldExtraction {
  int recovered = 0;
  ProcessingState state_after_recovery = ProcessingState::kPending;
  Result<Invoice> result = errors::Internal("not run");  // of the extraction, once released
  Invoice invoice;
};

class InvoiceServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenSqliteStore(dir_.File("invoicer.db"));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate());
    MakeService({});
  }

  void MakeService(ServiceOptions options, store::InvoiceStore* store = nullptr) {
    service_ = std::make_unique<InvoiceService>(store != nullptr ? *store : *store_, extractor_,
                                                clock_, metrics_, options);
  }

  Invoice Upload(std::string bytes) {
    auto outcome = service_->Upload(ingest_, std::move(bytes), "a.pdf");
    EXPECT_TRUE(outcome) << outcome.error().message;
    return outcome->invoice;
  }

  Invoice Extracted(std::string_view tag) {
    const Invoice pending = Upload(Pdf(tag));
    auto extracted = service_->ExtractNow(reviewer_, pending.id.str(), false);
    EXPECT_TRUE(extracted) << extracted.error().message;
    return *extracted;
  }

  Invoice Validated(std::string_view tag) {
    const Invoice extracted = Extracted(tag);
    auto validated = service_->Validate(reviewer_, extracted.id.str(), extracted.review_version);
    EXPECT_TRUE(validated) << validated.error().message;
    return *validated;
  }

  ProcessingState StateOf(const Invoice& invoice) { return service_->Get(invoice.id.str())->state; }
  HeldExtraction RecoverWhileHeld(ServiceOptions options, std::chrono::seconds then);

  testing::TempDir dir_;
  testing::FakeClock clock_;
  testing::TestExtractor extractor_;
  Metrics metrics_;
  std::unique_ptr<store::InvoiceStore> store_;
  std::unique_ptr<testing::SpyStore> spy_;  // wraps store_ when a test needs to watch it
  std::unique_ptr<InvoiceService> service_;
  const Caller ingest_{"scanner", store::Role::kIngest};
  const Caller reviewer_{"alice", store::Role::kReviewer};
};

TEST_F(InvoiceServiceTest, UploadStoresAPendingRecordJudgedByItsBytes) {
  const std::string bytes = Pdf("one");
  auto outcome = service_->Upload(ingest_, bytes, "../../etc/scan\x01.pdf");
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_TRUE(outcome->created);
  const Invoice& invoice = outcome->invoice;
  EXPECT_EQ(invoice.state, ProcessingState::kPending);
  EXPECT_EQ(invoice.review_version, 1);
  EXPECT_EQ(invoice.document.media_type, "application/pdf");
  EXPECT_EQ(invoice.document.sha256, Sha256Hex(bytes));
  EXPECT_EQ(invoice.document.filename, "scan_.pdf");
  EXPECT_EQ(invoice.document.size_bytes, static_cast<std::int64_t>(bytes.size()));
  auto document = service_->GetDocument(invoice.id.str());
  ASSERT_TRUE(document);
  EXPECT_EQ(document->bytes, bytes);
}

TEST_F(InvoiceServiceTest, UploadOfTheSameBytesAnswersTheExistingRecord) {
  const Invoice first = Upload(Pdf("same"));
  auto again = service_->Upload(ingest_, Pdf("same"), "other-name.pdf");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->invoice.id, first.id);
}

TEST_F(InvoiceServiceTest, UploadRefusesBytesOfNoSupportedTypeWith415) {
  const auto r = service_->Upload(ingest_, "just some text, not a PDF", "fake.pdf");
  EXPECT_EQ(ErrorOf(r).api_code, "UNSUPPORTED_MEDIA_TYPE");
  EXPECT_EQ(ErrorOf(r).code, ErrorCode::kInvalidInput);
  EXPECT_EQ(ErrorOf(service_->Upload(ingest_, "", "empty.pdf")).api_code, "UNSUPPORTED_MEDIA_TYPE");
  EXPECT_TRUE(service_->List(store::ListQuery{})->items.empty());
}

TEST_F(InvoiceServiceTest, UploadRefusesBytesAboveTheLimitWith413) {
  ServiceOptions options;
  options.max_upload_bytes = 32;
  MakeService(options);
  const std::string bytes = Pdf(std::string(40, 'x'));
  const auto r = service_->Upload(ingest_, bytes, "big.pdf");
  EXPECT_EQ(ErrorOf(r).api_code, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(ErrorOf(r).code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(service_->List(store::ListQuery{})->items.empty());
  EXPECT_TRUE(service_->Upload(ingest_, Pdf("ok"), "small.pdf"));
}

TEST_F(InvoiceServiceTest, UploadWakesTheListenerOnlyForNewRecords) {
  int calls = 0;
  service_->SetUploadListener([&] { ++calls; });
  Upload(Pdf("a"));
  Upload(Pdf("a"));
  EXPECT_EQ(calls, 1);
}

TEST_F(InvoiceServiceTest, ExtractNowStoresFieldsAndTheirValidation) {
  const Invoice invoice = Extracted("x");
  EXPECT_EQ(invoice.state, ProcessingState::kExtracted);
  EXPECT_EQ(invoice.review_version, 2);
  EXPECT_EQ(invoice.fields.at("vendor_name").value, "Test Vendor GmbH");
  EXPECT_EQ(invoice.fields.at("total").value, "119.00");
  EXPECT_TRUE(invoice.issues.empty());
  EXPECT_FALSE(invoice.needs_review);
  EXPECT_EQ(invoice.extraction.method, "test");
  EXPECT_EQ(invoice.extraction.attempts, 1);
  EXPECT_NE(metrics_.RenderPrometheus({}).find("extraction"), std::string::npos);
}

TEST_F(InvoiceServiceTest, ExtractNowFlagsASecondInvoiceWithTheSameVendorAndNumber) {
  // The test extractor numbers invoices by their size: two documents of equal length.
  const Invoice first = Extracted("AAAA");
  const Invoice second = Extracted("BBBB");
  ASSERT_EQ(first.fields.at("invoice_number"), second.fields.at("invoice_number"));
  const auto duplicate = std::find_if(second.issues.begin(), second.issues.end(),
                                      [](const auto& i) { return i.code == "DUPLICATE_INVOICE"; });
  ASSERT_NE(duplicate, second.issues.end());
  EXPECT_NE(duplicate->message.find(first.id.str()), std::string::npos);
}

TEST_F(InvoiceServiceTest, ExtractNowOfAnUnreadableDocumentAnswersTheFailedRecord) {
  const Invoice pending = Upload(Pdf("FAIL-EXTRACTION"));
  auto failed = service_->ExtractNow(reviewer_, pending.id.str(), false);
  ASSERT_TRUE(failed) << failed.error().message;
  EXPECT_EQ(failed->state, ProcessingState::kFailed);
  ASSERT_TRUE(failed->extraction.error);
  EXPECT_NE(failed->extraction.error->find("asked to fail"), std::string::npos);
  // FAILED may be claimed again.
  auto again = service_->ExtractNow(reviewer_, pending.id.str(), false);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->state, ProcessingState::kFailed);
  EXPECT_EQ(again->extraction.attempts, 2);
}

TEST_F(InvoiceServiceTest, ExtractNowOfAnExtractedInvoiceNeedsForce) {
  const Invoice invoice = Extracted("x");
  const auto refused = service_->ExtractNow(reviewer_, invoice.id.str(), false);
  EXPECT_EQ(ErrorOf(refused).api_code, "INVALID_TRANSITION");
  EXPECT_EQ(ErrorOf(refused).code, ErrorCode::kConflict);
  const auto* state = ErrorOf(refused).Detail("current_state");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(std::get<std::string>(*state), "EXTRACTED");
  auto forced = service_->ExtractNow(reviewer_, invoice.id.str(), true);
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->state, ProcessingState::kExtracted);
  EXPECT_EQ(forced->review_version, invoice.review_version + 1);
}

TEST_F(InvoiceServiceTest, ExtractNowWhileAnotherExtractionHoldsTheClaimIsInProgress) {
  const Invoice pending = Upload(Pdf("x"));
  extractor_.Hold();
  Result<Invoice> first = errors::Internal("not run");
  std::thread holder([&] { first = service_->ExtractNow(reviewer_, pending.id.str(), false); });
  extractor_.WaitEntered(1);
  const auto second = service_->ExtractNow(reviewer_, pending.id.str(), false);
  EXPECT_EQ(ErrorOf(second).api_code, "EXTRACTION_IN_PROGRESS");
  extractor_.Release();
  holder.join();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->state, ProcessingState::kExtracted);
}

TEST_F(InvoiceServiceTest, ExtractNowOfAnUnknownOrMalformedIdIsNotFound) {
  EXPECT_EQ(ErrorOf(service_->ExtractNow(reviewer_, "../../etc/passwd", false)).api_code,
            "NOT_FOUND");
  EXPECT_EQ(ErrorOf(service_->Get("0190a1b2-0000-7000-8000-000000000001")).api_code, "NOT_FOUND");
  EXPECT_EQ(ErrorOf(service_->History("nope")).code, ErrorCode::kNotFound);
}

TEST_F(InvoiceServiceTest, StraightThroughValidatesConfidentValidExtractionsOnly) {
  ServiceOptions options;
  options.straight_through = true;
  MakeService(options);
  const Invoice confident = Extracted("x");
  EXPECT_EQ(confident.state, ProcessingState::kValidated);
  EXPECT_EQ(service_->History(confident.id.str())->back().actor, "system");

  options.confidence_threshold = 0.995;  // above the test extractor's 0.99
  MakeService(options);
  const Invoice unsure = Extracted("yy");
  EXPECT_EQ(unsure.state, ProcessingState::kExtracted);
  EXPECT_TRUE(unsure.needs_review);
}

// Starts ExtractNow of a fresh upload with the extractor held (lease 60 s, renewed every
// 5 ms through a spy store), moves the clock 50 s and waits for a renewal there, moves it
// `then` further, runs the claim recovery, and finally lets the extraction finish.
HeldExtraction InvoiceServiceTest::RecoverWhileHeld(ServiceOptions options, seconds then) {
  spy_ = std::make_unique<testing::SpyStore>(*store_);
  options.extraction_lease = seconds(60);
  options.lease_renew_interval = milliseconds(5);
  MakeService(options, spy_.get());
  HeldExtraction out;
  out.invoice = Upload(Pdf("held"));
  extractor_.Hold();
  std::thread extraction(
      [&] { out.result = service_->ExtractNow(reviewer_, out.invoice.id.str(), false); });
  extractor_.WaitEntered(1);
  clock_.Advance(seconds(50));
  spy_->WaitForRenewalAtOrAfter(clock_.Now());
  clock_.Advance(then);
  auto recovered = service_->RecoverExpiredClaims();
  EXPECT_TRUE(recovered);
  out.recovered = recovered ? *recovered : -1;
  out.state_after_recovery = StateOf(out.invoice);
  extractor_.Release();
  extraction.join();
  return out;
}

TEST_F(InvoiceServiceTest, RenewsTheClaimWhileAHeldExtractionRuns) {
  // The renewal at 50 s extends the lease to 110 s: at 100 s the original lease (60 s) has
  // run out, but the claim has not.
  const HeldExtraction held = RecoverWhileHeld(ServiceOptions{}, seconds(50));
  EXPECT_EQ(held.recovered, 0);
  EXPECT_EQ(held.state_after_recovery, ProcessingState::kProcessing);
  ASSERT_TRUE(held.result) << held.result.error().message;
  EXPECT_EQ(held.result->state, ProcessingState::kExtracted);
}

TEST_F(InvoiceServiceTest, AnExtractionThatHangsLetsItsClaimLapseAtTheTimeout) {
  // The renewal at 50 s only reaches the timeout (100 s), not 110 s: at 101 s it has lapsed.
  ServiceOptions options;
  options.max_extraction_time = seconds(100);
  const HeldExtraction held = RecoverWhileHeld(options, seconds(51));
  EXPECT_EQ(held.recovered, 1);
  EXPECT_EQ(held.state_after_recovery, ProcessingState::kPending);
  // The hung extraction ends late: its result is refused and changes nothing.
  EXPECT_FALSE(held.result);
  EXPECT_EQ(StateOf(held.invoice), ProcessingState::kPending);
  EXPECT_EQ(service_->Get(held.invoice.id.str())->extraction.attempts, 1);
}

TEST_F(InvoiceServiceTest, RecoversAnExpiredClaimAndFailsItAfterTheLastAttempt) {
  ServiceOptions options;
  options.extraction_lease = seconds(60);
  options.max_attempts = 2;
  MakeService(options);
  const Invoice pending = Upload(Pdf("dies"));
  // An extractor that claims and then dies (never finishes or renews).
  const store::Actor dead{"dead-worker"};
  for (int attempt = 1; attempt <= 2; ++attempt) {
    auto claim = store_->ClaimNextPending(dead, seconds(60), clock_.Now());
    ASSERT_TRUE(claim && *claim);
    EXPECT_EQ((*claim)->attempt, attempt);
    EXPECT_EQ(*service_->RecoverExpiredClaims(), 0);  // lease still live
    clock_.Advance(seconds(61));
    EXPECT_EQ(*service_->RecoverExpiredClaims(), 1);
    EXPECT_EQ(StateOf(pending),
              attempt < 2 ? ProcessingState::kPending : ProcessingState::kFailed);
  }
  const auto history = service_->History(pending.id.str());
  ASSERT_TRUE(history);
  EXPECT_EQ(std::count_if(history->begin(), history->end(),
                          [](const auto& e) { return e.action == "claim_expired"; }),
            2);
}

TEST_F(InvoiceServiceTest, ExtractNextPendingExtractsTheOldestAndReportsAnEmptyQueue) {
  const Invoice a = Upload(Pdf("a"));
  const Invoice b = Upload(Pdf("bb"));
  const store::Actor worker{"worker-1"};
  EXPECT_TRUE(*service_->ExtractNextPending(worker));
  EXPECT_EQ(StateOf(a), ProcessingState::kExtracted);
  EXPECT_EQ(StateOf(b), ProcessingState::kPending);
  EXPECT_TRUE(*service_->ExtractNextPending(worker));
  EXPECT_FALSE(*service_->ExtractNextPending(worker));
  EXPECT_EQ(service_->History(a.id.str())->back().actor, "worker-1");
}

TEST_F(InvoiceServiceTest, PatchWritesHumanValuesAndRevalidates) {
  const Invoice invoice = Extracted("x");
  domain::ReviewPatch patch;
  patch.fields["total"] = "120.00";
  patch.fields["due_date"] = std::nullopt;
  auto patched = service_->Patch(reviewer_, invoice.id.str(), patch, invoice.review_version);
  ASSERT_TRUE(patched) << patched.error().message;
  EXPECT_EQ(patched->review_version, invoice.review_version + 1);
  EXPECT_EQ(patched->fields.at("total").value, "120.00");
  EXPECT_EQ(patched->fields.at("total").source, domain::FieldSource::kHuman);
  EXPECT_EQ(patched->fields.at("total").confidence, 1.0);
  EXPECT_TRUE(patched->needs_review);
  ASSERT_EQ(patched->issues.size(), 1u);
  EXPECT_EQ(patched->issues[0].code, "TOTAL_MISMATCH");
  const auto history = service_->History(invoice.id.str());
  EXPECT_EQ(history->back().action, "edited");
  EXPECT_EQ(history->back().actor, "alice");
}

TEST_F(InvoiceServiceTest, PatchWithAStaleVersionChangesNothing) {
  const Invoice invoice = Extracted("x");
  domain::ReviewPatch patch;
  patch.fields["total"] = "120.00";
  const auto stale = service_->Patch(reviewer_, invoice.id.str(), patch, invoice.review_version - 1);
  EXPECT_EQ(ErrorOf(stale).api_code, "STALE_WRITE");
  const auto* current = ErrorOf(stale).Detail("current_review_version");
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(std::get<std::int64_t>(*current), invoice.review_version);
  const Invoice after = *service_->Get(invoice.id.str());
  EXPECT_EQ(after.review_version, invoice.review_version);
  EXPECT_EQ(after.fields.at("total").value, "119.00");
}

TEST_F(InvoiceServiceTest, PatchOutsideExtractedIsInvalidTransitionEvenWhenAlsoStale) {
  const Invoice pending = Upload(Pdf("x"));
  domain::ReviewPatch patch;
  patch.fields["total"] = "1.00";
  const auto refused = service_->Patch(reviewer_, pending.id.str(), patch, 99);
  EXPECT_EQ(ErrorOf(refused).api_code, "INVALID_TRANSITION");
  EXPECT_EQ(std::get<std::string>(*ErrorOf(refused).Detail("current_state")), "PENDING");
}

TEST_F(InvoiceServiceTest, PatchRefusesUnknownProtectedAndMalformedFields) {
  const Invoice invoice = Extracted("x");
  auto try_patch = [&](std::string name, std::string value) {
    domain::ReviewPatch patch;
    patch.fields[std::move(name)] = std::move(value);
    return service_->Patch(reviewer_, invoice.id.str(), patch, invoice.review_version);
  };
  EXPECT_EQ(ErrorOf(try_patch("colour", "red")).api_code, "UNKNOWN_FIELD");
  EXPECT_EQ(ErrorOf(try_patch("review_version", "9")).api_code, "PROTECTED_FIELD");
  EXPECT_EQ(ErrorOf(try_patch("invoice_date", "2026-02-30")).api_code, "INVALID_VALUE");
  EXPECT_EQ(service_->Get(invoice.id.str())->review_version, invoice.review_version);
}

TEST_F(InvoiceServiceTest, ValidateRefusesWhileAnErrorIssueStands) {
  const Invoice invoice = Extracted("x");
  domain::ReviewPatch patch;
  patch.fields["total"] = "120.00";
  const Invoice patched = *service_->Patch(reviewer_, invoice.id.str(), patch, invoice.review_version);
  const auto refused = service_->Validate(reviewer_, patched.id.str(), patched.review_version);
  EXPECT_EQ(ErrorOf(refused).api_code, "VALIDATION_FAILED");
  EXPECT_EQ(ErrorOf(refused).code, ErrorCode::kInvalidInput);
  const auto* issues = ErrorOf(refused).Detail("issues");
  ASSERT_NE(issues, nullptr);
  EXPECT_EQ(std::get<std::vector<std::string>>(*issues), std::vector<std::string>{"TOTAL_MISMATCH"});
  const Invoice after = *service_->Get(invoice.id.str());
  EXPECT_EQ(after.state, ProcessingState::kExtracted);
  EXPECT_EQ(after.review_version, patched.review_version);
}

TEST_F(InvoiceServiceTest, ValidateRejectAndReopenMoveTheStateAndBumpTheVersion) {
  const Invoice validated = Validated("x");
  EXPECT_EQ(validated.state, ProcessingState::kValidated);
  const auto stale = service_->Reopen(reviewer_, validated.id.str(), validated.review_version - 1);
  EXPECT_EQ(ErrorOf(stale).api_code, "STALE_WRITE");
  auto reopened = service_->Reopen(reviewer_, validated.id.str(), validated.review_version);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(reopened->state, ProcessingState::kExtracted);
  auto rejected = service_->Reject(reviewer_, validated.id.str(), reopened->review_version,
                                   "not ours");
  ASSERT_TRUE(rejected);
  EXPECT_EQ(rejected->state, ProcessingState::kRejected);
  EXPECT_EQ(rejected->reject_reason, "not ours");
  EXPECT_EQ(rejected->review_version, validated.review_version + 2);
  const auto again = service_->Validate(reviewer_, validated.id.str(), rejected->review_version);
  EXPECT_EQ(ErrorOf(again).api_code, "INVALID_TRANSITION");
  EXPECT_EQ(ErrorOf(service_->Reject(reviewer_, validated.id.str(), rejected->review_version,
                                     std::string(3000, 'r')))
                .api_code,
            "INVALID_VALUE");
}

TEST_F(InvoiceServiceTest, ReviewNextHandsTwoReviewersDifferentInvoices) {
  ServiceOptions options;
  options.confidence_threshold = 0.995;  // every test extraction needs review
  MakeService(options);
  Extracted("a");
  Extracted("bb");
  auto first = service_->ReviewNext(reviewer_);
  auto second = service_->ReviewNext(Caller{"bob", store::Role::kReviewer});
  ASSERT_TRUE(first && *first && second && *second);
  EXPECT_NE((*first)->id, (*second)->id);
  auto again = service_->ReviewNext(reviewer_);
  ASSERT_TRUE(again && *again);
  EXPECT_EQ((*again)->id, (*first)->id);
  EXPECT_FALSE(*service_->ReviewNext(Caller{"carol", store::Role::kReviewer}));
}

TEST_F(InvoiceServiceTest, ExportCsvMovesExactlyTheValidatedInvoices) {
  const Invoice validated = Validated("a");
  const Invoice extracted = Extracted("bb");
  auto file = service_->Export(reviewer_, ExportFormat::kCsv, std::nullopt);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->content_type, "text/csv; charset=utf-8");
  EXPECT_TRUE(file->filename.starts_with("invoices-") && file->filename.ends_with("Z.csv"));
  const std::string header =
      "id,vendor_name,vendor_tax_id,invoice_number,invoice_date,due_date,currency,subtotal,"
      "total_tax,total,amount_due,iban,purchase_order\r\n";
  const std::string row = validated.id.str() + ",Test Vendor GmbH,," +
                          validated.fields.at("invoice_number").value +
                          ",2026-01-15,,EUR,100.00,19.00,119.00,,,\r\n";
  EXPECT_EQ(file->bytes, header + row);
  EXPECT_EQ(file->exported_ids, std::vector<std::string>{validated.id.str()});
  EXPECT_EQ(StateOf(validated), ProcessingState::kExported);
  EXPECT_EQ(StateOf(extracted), ProcessingState::kExtracted);
  // Nothing left: the header alone.
  auto empty = service_->Export(reviewer_, ExportFormat::kCsv, std::nullopt);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->bytes, header);
}

TEST_F(InvoiceServiceTest, ExportJsonIsAnArrayOfTheExportedRecords) {
  const Invoice a = Validated("a");
  const Invoice b = Validated("bb");
  auto file = service_->Export(reviewer_, ExportFormat::kJson,
                               std::vector<std::string>{a.id.str()});
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->content_type, "application/json");
  const auto json = nlohmann::json::parse(file->bytes);
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["id"], a.id.str());
  EXPECT_EQ(json[0]["processing_state"], "EXPORTED");
  EXPECT_EQ(StateOf(b), ProcessingState::kValidated);
  auto none = service_->Export(reviewer_, ExportFormat::kJson, std::vector<std::string>{});
  ASSERT_TRUE(none);
  EXPECT_EQ(nlohmann::json::parse(none->bytes), nlohmann::json::array());
}

TEST_F(InvoiceServiceTest, ExportOfNamedInvoicesNotAllValidatedMovesNothing) {
  const Invoice validated = Validated("a");
  const Invoice extracted = Extracted("bb");
  const auto refused = service_->Export(
      reviewer_, ExportFormat::kCsv, std::vector<std::string>{validated.id.str(), extracted.id.str()});
  EXPECT_EQ(ErrorOf(refused).api_code, "INVALID_TRANSITION");
  EXPECT_EQ(StateOf(validated), ProcessingState::kValidated);
  EXPECT_EQ(ErrorOf(service_->Export(reviewer_, ExportFormat::kCsv,
                                     std::vector<std::string>{"../x"}))
                .api_code,
            "NOT_FOUND");
}

TEST_F(InvoiceServiceTest, ExportAsUblIsAZipOfOneInvoiceXmlEachThatReadsBack) {
  const Invoice a = Validated("a");
  const Invoice b = Validated("bb");
  auto file = service_->Export(reviewer_, ExportFormat::kUbl, std::nullopt);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->content_type, "application/zip");
  EXPECT_TRUE(file->filename.ends_with(".zip"));
  EXPECT_EQ(file->exported_ids.size(), 2u);
  EXPECT_EQ(StateOf(a), ProcessingState::kExported);
  EXPECT_EQ(StateOf(b), ProcessingState::kExported);
  const auto entries = Unzip(file->bytes);
  ASSERT_EQ(entries.size(), 2u);
  for (const Invoice& invoice : {a, b}) {
    const auto it = entries.find(invoice.id.str() + ".xml");
    ASSERT_NE(it, entries.end()) << invoice.id.str();
    auto read = extract::ReadEInvoice(it->second);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->syntax, "ubl");
    for (const char* name : {"invoice_number", "invoice_date", "currency", "total"}) {
      ASSERT_TRUE(read->fields.count(name)) << name;
      EXPECT_EQ(read->fields.at(name).value, invoice.fields.at(name).value) << name;
    }
  }
  // Nothing left to export: an empty archive that still opens.
  auto empty = service_->Export(reviewer_, ExportFormat::kUbl, std::nullopt);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(Unzip(empty->bytes).empty());
}

TEST_F(InvoiceServiceTest, ListRefusesALimitOutOfRange) {
  store::ListQuery query;
  query.limit = 201;
  EXPECT_EQ(ErrorOf(service_->List(query)).api_code, "BAD_REQUEST");
  query.limit = 0;
  EXPECT_EQ(ErrorOf(service_->List(query)).api_code, "BAD_REQUEST");
}

}  // namespace
}  // namespace invoicer::app
