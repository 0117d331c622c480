#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "domain/invoice.h"

namespace invoicer::extract {

// One document to extract, borrowed from the caller.
struct DocumentInput {
  std::string_view bytes;
  std::string_view media_type;  // as sniffed from the bytes (domain/media_type.h)
  std::string_view filename;
};

// Turns a document into fields. Called by `POST /v1/invoices/{id}/extract`, the background
// workers and `invoicer extract`. Implementations are thread-safe: one instance serves all
// workers concurrently. Errors: kUnreadableDocument (corrupt, encrypted, unsupported
// content, over a limit; the message says why and is kept with the FAILED invoice),
// kInternal.
class Extractor {
 public:
  virtual ~Extractor() = default;
  [[nodiscard]] virtual Result<domain::ExtractionResult> Extract(const DocumentInput& doc) = 0;
};

}  // namespace invoicer::extract
