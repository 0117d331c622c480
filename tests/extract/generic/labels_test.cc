#include "extract/generic/labels.h"

#include <gtest/gtest.h>

#include "extract/generic/text_fold.h"

namespace invoicer::extract::generic {
namespace {

AmountRole Role(const char* label) { return ClassifyAmountLabel(FoldString(label)).role; }
DateRole DateRoleOf(const char* label) { return ClassifyDateLabel(FoldString(label)).role; }

TEST(LabelsTest, ClassifiesTotalsInSixLanguages) {
  for (const char* label :
       {"Grand Total", "Total incl. VAT", "Gesamtbetrag", "Total TTC", "Importe total",
        "Totale fattura", "Totaal", "Rechnungssumme Brutto (inkl. USt.)"}) {
    EXPECT_EQ(Role(label), AmountRole::kTotal) << label;
  }
}

TEST(LabelsTest, ClassifiesSubtotalsAndTaxes) {
  for (const char* label :
       {"Subtotal", "Total excl. VAT", "Nettobetrag", "Total HT", "Base imponible", "Imponibile",
        "Subtotaal", "Rechnungssumme ohne USt."}) {
    EXPECT_EQ(Role(label), AmountRole::kSubtotal) << label;
  }
  for (const char* label :
       {"VAT 20%", "MwSt 19 %", "TVA", "IVA 21%", "BTW", "Total tax", "GST 6%"}) {
    EXPECT_EQ(Role(label), AmountRole::kTax) << label;
  }
}

TEST(LabelsTest, KeepsCountsPaymentsAndAdjustmentsApart) {
  EXPECT_EQ(Role("Total qty"), AmountRole::kNone);
  EXPECT_EQ(Role("Cash tendered"), AmountRole::kPaid);
  EXPECT_EQ(Role("Change"), AmountRole::kChange);
  EXPECT_EQ(Role("Rounding adj"), AmountRole::kRounding);
  EXPECT_EQ(Role("Amount due"), AmountRole::kAmountDue);
  EXPECT_EQ(Role("Rabatt"), AmountRole::kDiscount);
  EXPECT_EQ(ClassifyAmountLabel(FoldString("Net total")).strength,
            1);  // a subtotal or a receipt's total
}

TEST(LabelsTest, ReadsATaxInvoiceTitleAsNoAmountLabel) {
  for (const char* title :
       {"TAX INVOICE", "Simplified Tax Invoice", "VAT invoice", "GST Invoice",
        "Umsatzsteuer-Rechnung", "Steuerrechnung", "MwSt-Rechnung", "Facture TVA", "Fattura IVA"}) {
    EXPECT_EQ(Role(title), AmountRole::kNone) << title;
  }
  // The tax word of a title does not hide another label on the line.
  EXPECT_EQ(Role("Tax invoice total"), AmountRole::kTotal);
  EXPECT_EQ(Role("Tax"), AmountRole::kTax);
  EXPECT_EQ(Role("Total VAT"), AmountRole::kTax);
}

TEST(LabelsTest, ClassifiesDateLabels) {
  EXPECT_EQ(DateRoleOf("Invoice date"), DateRole::kInvoiceDate);
  EXPECT_EQ(DateRoleOf("Rechnungsdatum"), DateRole::kInvoiceDate);
  EXPECT_EQ(DateRoleOf("Fecha"), DateRole::kInvoiceDate);
  EXPECT_EQ(DateRoleOf("Due date"), DateRole::kDueDate);
  EXPECT_EQ(DateRoleOf("Fälligkeitsdatum"), DateRole::kDueDate);
  EXPECT_EQ(DateRoleOf("Date d'échéance"), DateRole::kDueDate);
  EXPECT_EQ(DateRoleOf("Vencimiento"), DateRole::kDueDate);
  EXPECT_EQ(DateRoleOf("Scadenza"), DateRole::kDueDate);
  EXPECT_EQ(DateRoleOf("Vervaldatum"), DateRole::kDueDate);
  EXPECT_EQ(DateRoleOf("Lieferdatum"), DateRole::kOther);
  EXPECT_EQ(DateRoleOf("Delivery date"), DateRole::kOther);
  EXPECT_EQ(ClassifyDateLabel(FoldString("Invoice date")).strength, 3);
  EXPECT_EQ(ClassifyDateLabel(FoldString("vom")).strength, 1);
}

TEST(LabelsTest, FindsInvoiceNumberLabelsInSixLanguages) {
  for (const char* label : {"Invoice No.", "Invoice #", "Rechnungsnummer", "Rechnungs-Nr.",
                            "N° de facture", "Factura nº", "Numero fattura", "Factuurnummer"}) {
    EXPECT_FALSE(FindLabels(TextLabel::kInvoiceNumber, FoldString(label)).empty()) << label;
  }
  EXPECT_TRUE(FindLabels(TextLabel::kInvoiceNumber, FoldString("Order No.")).empty());
}

TEST(LabelsTest, DetectsTheLanguage) {
  const std::string de = FoldString("Rechnung Datum Gesamtbetrag MwSt zahlbar");
  const std::string fr = FoldString("Facture montant TVA total TTC merci");
  const std::string en = FoldString("Invoice date total amount due thank you");
  EXPECT_EQ(DetectLanguage({de}), Language::kGerman);
  EXPECT_EQ(DetectLanguage({fr}), Language::kFrench);
  EXPECT_EQ(DetectLanguage({en}), Language::kEnglish);
  EXPECT_EQ(DetectLanguage({}), Language::kUnknown);
}

TEST(LabelsTest, RecognisesLetterheadLines) {
  EXPECT_TRUE(HasLegalForm(FoldString("Muster GmbH")));
  EXPECT_TRUE(HasLegalForm(FoldString("GERBANG ALAF RESTAURANTS SDN BHD")));
  EXPECT_TRUE(HasLegalForm(FoldString("Dupont S.A.R.L.")));
  EXPECT_FALSE(HasLegalForm(FoldString("TAN WOON YANN")));
  EXPECT_TRUE(IsTitleLine(FoldString("TAX INVOICE")));
  EXPECT_TRUE(IsTitleLine(FoldString("Rechnung")));
  EXPECT_TRUE(IsContactLine(FoldString("TEL: 07-3507405")));
  EXPECT_TRUE(IsContactLine(FoldString("(CO. NO. 113825-W)")));
  EXPECT_TRUE(LooksLikeAddress(FoldString("Lieferantenstraße 20")));
  EXPECT_TRUE(LooksLikeAddress(FoldString("80333 München")));
  EXPECT_TRUE(LooksLikeAddress(FoldString("NO.53 JALAN PUTRA 1,")));
}

}  // namespace
}  // namespace invoicer::extract::generic
