#include "app/csv_export.h"

#include <gtest/gtest.h>

namespace invoicer::app {
namespace {

constexpr std::string_view kHeader =
    "id,vendor_name,vendor_tax_id,invoice_number,invoice_date,due_date,currency,subtotal,"
    "total_tax,total,amount_due,iban,purchase_order\r\n";

domain::FieldValue Val(std::string value) {
  return domain::FieldValue{std::move(value), 1.0, domain::FieldSource::kHuman, 0, std::nullopt};
}

TEST(CsvExportTest, WritesTheHeaderRowEvenForNoInvoices) {
  EXPECT_EQ(InvoicesToCsv({}), kHeader);
}

TEST(CsvExportTest, QuotesValuesWithCommasQuotesAndLineBreaks) {
  domain::Invoice invoice;
  invoice.id = InvoiceId::New(FromUnixMillis(1'780'000'000'000));
  invoice.fields["vendor_name"] = Val("Smith, \"Jones\" & Co");
  invoice.fields["invoice_number"] = Val("A\nB");
  invoice.fields["purchase_order"] = Val("PO\r7");
  invoice.fields["total"] = Val("-12.50");
  invoice.fields["payment_terms"] = Val("not a column");
  EXPECT_EQ(InvoicesToCsv({invoice}),
            std::string(kHeader) + invoice.id.str() +
                ",\"Smith, \"\"Jones\"\" & Co\",,\"A\nB\",,,,,,-12.50,,,\"PO\r7\"\r\n");
}

}  // namespace
}  // namespace invoicer::app
