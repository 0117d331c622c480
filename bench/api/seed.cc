// Fills a fresh SQLite store for the API benchmark: COUNT extracted invoices (written
// directly through the store, several threads so group commit batches them) and an admin
// token. Prints the token on stdout and writes the invoice ids, one per line, to IDS_FILE.
//
//   api_bench_seed DB_PATH COUNT IDS_FILE
#include <atomic>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/digest.h"
#include "app/token_service.h"
#include "store/sqlite/sqlite_invoice_store.h"

namespace {

using invoicer::domain::FieldSource;
using invoicer::domain::FieldValue;

invoicer::store::ExtractionOutcome Outcome(int n) {
  invoicer::store::ExtractionOutcome outcome;
  auto& r = outcome.result;
  r.method = "bench";
  r.pages = 1;
  auto put = [&](const char* name, std::string value) {
    r.fields[name] = FieldValue{std::move(value), 0.95, FieldSource::kText, 1,
                                invoicer::domain::BoundingBox{40, 100, 220, 112}};
  };
  put("vendor_name", "Vendor " + std::to_string(n % 250) + " GmbH");
  put("vendor_address", "Hauptstrasse " + std::to_string(n % 97) + ", 10115 Berlin");
  put("invoice_number", "INV-" + std::to_string(100000 + n));
  put("invoice_date", "2026-01-15");
  put("due_date", "2026-02-14");
  put("currency", "EUR");
  put("subtotal", "100.00");
  put("total_tax", "19.00");
  put("total", "119.00");
  put("iban", "DE89370400440532013000");
  for (int i = 0; i < 3; ++i) {
    invoicer::domain::LineItem item;
    item.description = "Item " + std::to_string(i);
    item.quantity = *invoicer::Decimal::Parse("1");
    item.amount = *invoicer::Decimal::Parse(i == 0 ? "50.00" : "25.00");
    item.tax_rate = *invoicer::Decimal::Parse("19");
    r.line_items.push_back(item);
  }
  outcome.needs_review = n % 3 == 0;
  outcome.duration_ms = 12;
  return outcome;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: api_bench_seed DB_PATH COUNT IDS_FILE\n";
    return 2;
  }
  const int count = std::stoi(argv[2]);
  auto store = invoicer::store::OpenSqliteStore(argv[1]);
  if (!store || !(*store)->Migrate()) {
    std::cerr << "cannot open the store\n";
    return 1;
  }
  const invoicer::SystemClock clock;
  const invoicer::store::Actor actor{"bench-seed"};
  std::vector<std::string> ids(static_cast<std::size_t>(count));
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&] {
      for (int n = next++; n < count && !failed; n = next++) {
        invoicer::store::NewDocument doc;
        doc.bytes = "%PDF-1.4\n% api bench seed " + std::to_string(n) + "\n%%EOF\n";
        doc.sha256 = invoicer::app::Sha256Hex(doc.bytes);
        doc.media_type = "application/pdf";
        doc.filename = "seed-" + std::to_string(n) + ".pdf";
        auto created = (*store)->CreateInvoice(doc, actor, clock.Now());
        if (!created) {
          failed = true;
          break;
        }
        auto claim = (*store)->ClaimForExtraction(created->invoice.id, actor,
                                                  std::chrono::minutes(5), false, clock.Now());
        if (!claim || !(*store)->SetExtractionResult(*claim, Outcome(n), actor, clock.Now())) {
          failed = true;
          break;
        }
        ids[static_cast<std::size_t>(n)] = created->invoice.id.str();
      }
    });
  }
  for (auto& t : threads) t.join();
  if (failed) {
    std::cerr << "seeding failed\n";
    return 1;
  }
  std::ofstream out(argv[3]);
  for (const auto& id : ids) out << id << "\n";
  invoicer::app::TokenService tokens(**store, clock);
  auto token = tokens.Create("bench", invoicer::store::Role::kAdmin);
  if (!token) {
    std::cerr << "cannot create the token: " << token.error().message << "\n";
    return 1;
  }
  std::cout << *token << std::endl;
  return 0;
}
