#include "app/invoice_service.h"

#include <algorithm>

#include "app/csv_export.h"
#include "app/digest.h"
#include "app/lease_renewer.h"
#include "app/zip_archive.h"
#include "codec/record_json.h"
#include "domain/media_type.h"
#include "domain/validate.h"
#include "extract/ubl_writer.h"

namespace invoicer::app {

namespace {

using domain::Invoice;
using domain::ProcessingState;

constexpr std::size_t kMaxFilenameBytes = 200;
constexpr std::size_t kMaxReasonBytes = 2000;

Result<InvoiceId> ParseId(std::string_view text) {
  auto id = InvoiceId::Parse(text);
  if (!id) return errors::NotFound();
  return *id;
}

// Length of the valid UTF-8 sequence at the start of `s`, or 0.
std::size_t Utf8SequenceLength(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  std::size_t n = 0;
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) n = 2;
  if (b0 >= 0xe0 && b0 <= 0xef) n = 3;
  if (b0 >= 0xf0 && b0 <= 0xf4) n = 4;
  if (n == 0 || s.size() < n) return 0;
  for (std::size_t i = 1; i < n; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) return 0;
  }
  return n;
}

// The client's file name as a safe label: no directories, no control characters, valid
// UTF-8, bounded length; a default from the media type when nothing is left.
std::string CleanFilename(std::string_view name, std::string_view media_type) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string out;
  while (!name.empty() && out.size() < kMaxFilenameBytes) {
    const std::size_t n = Utf8SequenceLength(name);
    if (n == 0 || (n == 1 && (static_cast<unsigned char>(name[0]) < 0x20 || name[0] == 0x7f))) {
      out.push_back('_');
      name.remove_prefix(1);
      continue;
    }
    if (out.size() + n > kMaxFilenameBytes) break;
    out.append(name.substr(0, n));
    name.remove_prefix(n);
  }
  if (out.empty() || out == "." || out == "..") {
    out = "document." + std::string(domain::ExtensionFor(media_type));
  }
  return out;
}

Date Today(const Clock& clock) {
  const std::chrono::year_month_day ymd(std::chrono::floor<std::chrono::days>(clock.Now()));
  auto date = Date::FromYmd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                            static_cast<unsigned>(ymd.day()));
  return date ? *date : Date();
}

// "invoices-20261128T161918Z.csv"
std::string ExportFilename(Timestamp now, std::string_view extension) {
  std::string stamp;
  for (const char c : FormatRfc3339(now).substr(0, 19)) {
    if (c != '-' && c != ':') stamp.push_back(c);
  }
  return "invoices-" + stamp + "Z." + std::string(extension);
}

std::int64_t MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

const std::string* FieldText(const domain::FieldMap& fields, std::string_view name) {
  const auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second.value;
}

// What validation needs besides the fields: today's date, the threshold, and the other
// invoices with the same vendor and number.
Result<domain::ValidationContext> MakeContext(store::InvoiceStore& store, const Clock& clock,
                                              double threshold, const InvoiceId& id,
                                              const domain::FieldMap& fields) {
  domain::ValidationContext context;
  context.today = Today(clock);
  context.confidence_threshold = threshold;
  const std::string* vendor = FieldText(fields, "vendor_name");
  const std::string* number = FieldText(fields, "invoice_number");
  if (vendor != nullptr && number != nullptr) {
    auto duplicates = store.FindDuplicates(id, *vendor, *number);
    if (!duplicates) return std::move(duplicates).error();
    context.duplicate_ids = std::move(*duplicates);
  }
  return context;
}

// Extractor findings survive a re-validation unless the reviewer edited a field they name:
// then the reviewer's judgement replaces the extractor's.
std::vector<domain::ValidationIssue> CarriedFindings(const Invoice& current,
                                                     const std::vector<domain::FieldChange>& changes) {
  std::vector<domain::ValidationIssue> kept;
  for (const auto& issue : current.issues) {
    if (domain::IsRuleCode(issue.code)) continue;
    const bool edited = std::any_of(changes.begin(), changes.end(), [&](const auto& change) {
      return std::find(issue.fields.begin(), issue.fields.end(), change.field) !=
             issue.fields.end();
    });
    if (!edited) kept.push_back(issue);
  }
  return kept;
}

std::vector<std::string> BlockingCodes(const Invoice& invoice) {
  std::vector<std::string> codes;
  for (const auto& spec : domain::AllFields()) {
    const auto it = invoice.fields.find(spec.name);
    const bool missing = it == invoice.fields.end() || it->second.value.empty();
    if (spec.required && missing) codes.push_back("MISSING_REQUIRED_FIELD");
  }
  for (const auto& issue : invoice.issues) {
    if (issue.severity == domain::Severity::kError) codes.push_back(issue.code);
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

}  // namespace

InvoiceService::InvoiceService(store::InvoiceStore& store, extract::Extractor& extractor,
                               const Clock& clock, Metrics& metrics, ServiceOptions options)
    : store_(store), extractor_(extractor), clock_(clock), metrics_(metrics), options_(options) {}

Result<store::CreateOutcome> InvoiceService::Upload(const Caller& caller, std::string bytes,
                                                    std::string_view filename) {
  if (static_cast<std::int64_t>(bytes.size()) > options_.max_upload_bytes) {
    return errors::PayloadTooLarge(options_.max_upload_bytes);
  }
  auto media_type = domain::SniffMediaType(bytes);
  if (!media_type) {
    return errors::UnsupportedMediaType(
        "the bytes are not a PDF, PNG, JPEG, TIFF, UBL or CII document");
  }
  store::NewDocument doc;
  doc.sha256 = Sha256Hex(bytes);
  doc.filename = CleanFilename(filename, *media_type);
  doc.media_type = std::move(*media_type);
  doc.bytes = std::move(bytes);
  auto outcome = store_.CreateInvoice(doc, store::Actor{caller.name}, clock_.Now());
  if (outcome && outcome->created && upload_listener_) upload_listener_();
  return outcome;
}

Result<Invoice> InvoiceService::Get(std::string_view id) {
  auto parsed = ParseId(id);
  if (!parsed) return std::move(parsed).error();
  return store_.Get(*parsed);
}

Result<domain::InvoiceView> InvoiceService::View(std::string_view id) {
  auto parsed = ParseId(id);
  if (!parsed) return std::move(parsed).error();
  return store_.GetView(*parsed);
}

Result<store::StoredDocument> InvoiceService::GetDocument(std::string_view id) {
  auto parsed = ParseId(id);
  if (!parsed) return std::move(parsed).error();
  return store_.GetDocument(*parsed);
}

Result<store::ListPage> InvoiceService::List(const store::ListQuery& query) {
  if (query.limit < 1 || query.limit > 200) {
    return errors::BadRequest("limit must be between 1 and 200");
  }
  return store_.List(query);
}

Result<std::vector<domain::HistoryEntry>> InvoiceService::History(std::string_view id) {
  auto parsed = ParseId(id);
  if (!parsed) return std::move(parsed).error();
  return store_.History(*parsed);
}

Result<Invoice> InvoiceService::ExtractNow(const Caller& caller, std::string_view id,
                                           bool force) {
  auto parsed = ParseId(id);
  if (!parsed) return std::move(parsed).error();
  const store::Actor actor{caller.name};
  auto claim = store_.ClaimForExtraction(*parsed, actor, options_.extraction_lease, force,
                                         clock_.Now());
  if (!claim) return std::move(claim).error();
  return RunExtraction(*claim, actor);
}

Result<bool> InvoiceService::ExtractNextPending(const store::Actor& worker) {
  auto claim = store_.ClaimNextPending(worker, options_.extraction_lease, clock_.Now());
  if (!claim) return std::move(claim).error();
  if (!*claim) return false;
  auto done = RunExtraction(**claim, worker);
  if (!done) return std::move(done).error();
  return true;
}

Result<int> InvoiceService::RecoverExpiredClaims() {
  return store_.RecoverExpiredClaims(clock_.Now(), options_.max_attempts);
}

Result<Invoice> InvoiceService::RunExtraction(const store::Claim& claim, const store::Actor& actor) {
  auto doc = store_.GetDocument(claim.id);
  if (!doc) return std::move(doc).error();  // the claim lapses and is recovered
  const auto start = std::chrono::steady_clock::now();
  Result<domain::ExtractionResult> result = errors::Internal("not run");
  {
    const auto interval = options_.lease_renew_interval.count() > 0
                              ? options_.lease_renew_interval
                              : options_.extraction_lease / 3;
    LeaseRenewer renewer(store_, clock_, claim, options_.extraction_lease, interval,
                         clock_.Now() + options_.max_extraction_time);
    result = extractor_.Extract(extract::DocumentInput{doc->bytes, doc->media_type, doc->filename});
  }
  const std::int64_t duration_ms = MillisSince(start);
  metrics_.ObserveExtraction(static_cast<double>(duration_ms) / 1000.0, result.has_value());
  if (!result) {
    return store_.FailExtraction(claim, result.error().message, duration_ms, actor, clock_.Now());
  }

  auto context =
      MakeContext(store_, clock_, options_.confidence_threshold, claim.id, result->fields);
  if (!context) return std::move(context).error();
  store::ExtractionOutcome outcome;
  outcome.issues = domain::Validate(result->fields, result->line_items, *context, result->issues);
  outcome.needs_review =
      domain::NeedsReview(result->fields, outcome.issues, options_.confidence_threshold);
  outcome.duration_ms = duration_ms;
  outcome.result = std::move(*result);
  auto extracted = store_.SetExtractionResult(claim, outcome, actor, clock_.Now());
  if (!extracted || !options_.straight_through || extracted->needs_review ||
      domain::BlocksValidation(extracted->fields, extracted->issues)) {
    return extracted;
  }
  auto validated = store_.Transition(
      extracted->id, store::TransitionRequest{domain::Action::kValidate, extracted->review_version, {}},
      store::Actor{"system"}, clock_.Now());
  // A reviewer who acted in between wins; the extraction itself stands.
  return validated ? validated : extracted;
}

Result<Invoice> InvoiceService::Patch(const Caller& caller, std::string_view id,
                                      const domain::ReviewPatch& patch,
                                      std::int64_t expected_version) {
  auto current = Get(id);
  if (!current) return current;
  // State wins over version (API.md); the store re-checks both in its guarded write.
  if (current->state != ProcessingState::kExtracted) {
    return errors::InvalidTransition(domain::ToString(current->state),
                                     "PATCH is allowed in state EXTRACTED only");
  }
  if (current->review_version != expected_version) {
    return errors::StaleWrite(current->review_version);
  }
  const std::string* currency = FieldText(current->fields, "currency");
  auto checked = domain::CheckPatch(
      patch, currency != nullptr ? std::optional<std::string_view>(*currency) : std::nullopt);
  if (!checked) return std::move(checked).error();

  store::ReviewUpdate update;
  const Invoice edited =
      domain::ApplyPatch(*current, *checked, update.changes, &codec::LineItemsToJson);
  auto context =
      MakeContext(store_, clock_, options_.confidence_threshold, edited.id, edited.fields);
  if (!context) return std::move(context).error();
  update.issues = domain::Validate(edited.fields, edited.line_items, *context,
                                   CarriedFindings(*current, update.changes));
  update.needs_review =
      domain::NeedsReview(edited.fields, update.issues, options_.confidence_threshold);
  update.fields = edited.fields;
  update.line_items = edited.line_items;
  return store_.UpdateWithReviewVersion(current->id, update, expected_version,
                                        store::Actor{caller.name}, clock_.Now());
}

Result<Invoice> InvoiceService::Validate(const Caller& caller, std::string_view id,
                                         std::int64_t expected_version) {
  auto current = Get(id);
  if (!current) return current;
  if (current->state == ProcessingState::kExtracted &&
      current->review_version == expected_version) {
    const std::vector<std::string> blocking = BlockingCodes(*current);
    if (!blocking.empty()) {
      return errors::ValidationFailed(
                 "the invoice has a missing required field or an error-level issue")
          .With("issues", blocking);
    }
  }
  // Wrong state or version: the guarded write reports which, state first.
  return ChangeState(caller, id, domain::Action::kValidate, expected_version, std::nullopt);
}

Result<Invoice> InvoiceService::Reject(const Caller& caller, std::string_view id,
                                       std::int64_t expected_version, std::string reason) {
  if (reason.size() > kMaxReasonBytes) {
    return errors::InvalidValue("reason", "the reason is longer than 2000 bytes");
  }
  return ChangeState(caller, id, domain::Action::kReject, expected_version,
                     reason.empty() ? std::nullopt : std::optional<std::string>(std::move(reason)));
}

Result<Invoice> InvoiceService::Reopen(const Caller& caller, std::string_view id,
                                       std::int64_t expected_version) {
  return ChangeState(caller, id, domain::Action::kReopen, expected_version, std::nullopt);
}

Result<Invoice> InvoiceService::ChangeState(const Caller& caller, std::string_view id,
                                            domain::Action action, std::int64_t expected_version,
                                            std::optional<std::string> reason) {
  auto parsed = ParseId(id);
  if (!parsed) return std::move(parsed).error();
  return store_.Transition(*parsed,
                           store::TransitionRequest{action, expected_version, std::move(reason)},
                           store::Actor{caller.name}, clock_.Now());
}

Result<std::optional<Invoice>> InvoiceService::ReviewNext(const Caller& caller) {
  return store_.LeaseNextForReview(store::Actor{caller.name}, options_.review_lease,
                                   clock_.Now());
}

Result<ExportFile> InvoiceService::Export(const Caller& caller, ExportFormat format,
                                          const std::optional<std::vector<std::string>>& ids) {
  std::optional<std::vector<InvoiceId>> parsed;
  if (ids) {
    parsed.emplace();
    for (const std::string& text : *ids) {
      auto id = ParseId(text);
      if (!id) return errors::NotFound("no such invoice: " + text.substr(0, 64));
      parsed->push_back(std::move(*id));
    }
  }
  const Timestamp now = clock_.Now();
  std::vector<Invoice> exported;
  if (!parsed || !parsed->empty()) {
    auto moved = store_.ExportValidated(parsed, store::Actor{caller.name}, now);
    if (!moved) return std::move(moved).error();
    exported = std::move(*moved);
  }
  ExportFile file;
  if (format == ExportFormat::kCsv) {
    file.content_type = "text/csv; charset=utf-8";
    file.filename = ExportFilename(now, "csv");
    file.bytes = InvoicesToCsv(exported);
  } else if (format == ExportFormat::kJson) {
    file.content_type = "application/json";
    file.filename = ExportFilename(now, "json");
    file.bytes = codec::InvoiceArrayToJson(exported);
  } else {
    // One UBL 2.1 Invoice per exported invoice, named by its id.
    std::vector<ZipEntry> entries;
    for (const Invoice& invoice : exported) {
      entries.push_back(ZipEntry{invoice.id.str() + ".xml", extract::WriteUbl(invoice)});
    }
    auto zip = ZipArchive(entries);
    if (!zip) return std::move(zip).error();
    file.content_type = "application/zip";
    file.filename = ExportFilename(now, "zip");
    file.bytes = std::move(*zip);
  }
  for (const Invoice& invoice : exported) file.exported_ids.push_back(invoice.id.str());
  return file;
}

Status InvoiceService::Ready() { return store_.Ping(); }

Result<std::map<ProcessingState, std::int64_t>> InvoiceService::CountByState() {
  return store_.CountByState();
}

}  // namespace invoicer::app
