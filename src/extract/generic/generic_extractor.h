#pragma once

#include <string>

#include "common/result.h"
#include "domain/invoice.h"
#include "extract/document.h"

namespace invoicer::extract::generic {

// Tuning of the generic extractor. The defaults suit invoices and receipts in English,
// German, French, Spanish, Italian and Dutch.
struct GenericOptions {
  // ISO 3166 alpha-2 country the documents are expected to come from ("DE", "US"); used
  // only as weak evidence for the day/month order of an ambiguous date when the document
  // gives none of its own. Empty: no assumption (ambiguous dates are flagged).
  std::string country_hint;
  // The confidence given to a field whose value could be read more than one way (an
  // ambiguous day/month, an amount whose decimal separator the document does not settle).
  double ambiguous_confidence = 0.5;
};

// The layout-aware extractor for documents of unknown vendors (no template): finds labels
// in six languages and the values right of or below them using the word boxes, reads dates
// and amounts in their local forms, chooses totals that agree with the arithmetic, reads
// currency, IBAN, VAT ids, the vendor's name and address from the letterhead, and line
// items from column alignment. Each field carries a confidence from the method and the
// cross-checks, the document's source (text or ocr), and the page and box of its words.
// Immutable after construction: Extract is const and uses no shared mutable state, so one
// instance serves any number of threads. Errors: kUnreadableDocument when the document has
// no text at all; finding nothing in a document with text is not an error (an empty map).
class GenericExtractor {
 public:
  explicit GenericExtractor(GenericOptions options = {});

  [[nodiscard]] Result<domain::ExtractionResult> Extract(const TextDocument& doc) const;

 private:
  GenericOptions options_;
};

}  // namespace invoicer::extract::generic
