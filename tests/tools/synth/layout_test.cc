#include <gtest/gtest.h>

#include <algorithm>

#include "synth/cairo_canvas.h"
#include "synth/formats.h"
#include "synth/identifiers.h"
#include "synth/invoice_generator.h"
#include "synth/invoice_layout.h"

namespace invoicer::synth {
namespace {

constexpr int kDocuments = 200;

class SynthLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto canvas = CairoCanvas::Create();
    ASSERT_TRUE(canvas.has_value()) << canvas.error().message;
    canvas_ = std::move(canvas).value();
  }

  struct Laid {
    SynthInvoice inv;
    Drawing drawing;
  };
  Laid Lay(std::uint64_t seed, std::uint64_t index) const {
    SynthInvoice inv = GenerateInvoice(seed, index, kMaxLineItems);
    Drawing drawing = LayoutInvoice(inv, *canvas_);
    return {std::move(inv), std::move(drawing)};
  }

  double Width(const Drawing& d, const TextRun& run) const {
    return canvas_->Width(run.text, d.font, run.style.size, run.style.weight);
  }

  std::unique_ptr<CairoCanvas> canvas_;
};

std::string AllText(const Drawing& d) {
  std::string text;
  for (const PageDrawing& page : d.pages) {
    for (const TextRun& run : page.texts) text += run.text + "\n";
  }
  return text;
}

TEST_F(SynthLayoutTest, KeepsEveryTextRunOnThePage) {
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const Laid laid = Lay(1, i);
    for (const PageDrawing& page : laid.drawing.pages) {
      for (const TextRun& run : page.texts) {
        EXPECT_GE(run.x, 0) << i << " " << run.text;
        EXPECT_LE(run.x + Width(laid.drawing, run), laid.drawing.width) << i << " " << run.text;
        EXPECT_GT(run.y, run.style.size) << i << " " << run.text;
        EXPECT_LT(run.y, laid.drawing.height) << i << " " << run.text;
      }
    }
  }
}

TEST_F(SynthLayoutTest, NeverOverlapsTwoPiecesOfText) {
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const Laid laid = Lay(2, i);
    for (const PageDrawing& page : laid.drawing.pages) {
      // Sorted by baseline, each run only needs comparing with the next few lines.
      std::vector<TextRun> runs = page.texts;
      std::sort(runs.begin(), runs.end(),
                [](const TextRun& a, const TextRun& b) { return a.y < b.y; });
      for (std::size_t a = 0; a < runs.size(); ++a) {
        for (std::size_t b = a + 1; b < runs.size() && runs[b].y - runs[a].y < 40; ++b) {
          const TextRun& p = runs[a];
          const TextRun& q = runs[b];
          // Boxes from the cap height to the descenders, less half a point of tolerance.
          const bool x_apart = p.x + Width(laid.drawing, p) <= q.x + 0.5 ||
                               q.x + Width(laid.drawing, q) <= p.x + 0.5;
          const bool y_apart = p.y + p.style.size * 0.2 <= q.y - q.style.size * 0.75 + 0.5 ||
                               q.y + q.style.size * 0.2 <= p.y - p.style.size * 0.75 + 0.5;
          EXPECT_TRUE(x_apart || y_apart)
              << "document " << i << ": '" << p.text << "' and '" << q.text << "'";
        }
      }
    }
  }
}

TEST_F(SynthLayoutTest, PrintsEveryFieldOfTheTruth) {
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const Laid laid = Lay(3, i);
    const SynthInvoice& inv = laid.inv;
    const Look& look = inv.look;
    const std::string text = AllText(laid.drawing);
    auto printed = [&](const std::string& value) {
      EXPECT_NE(text.find(value), std::string::npos)
          << "document " << i << " lacks '" << value << "'";
    };
    printed(inv.invoice_number);
    printed(FormatDate(inv.invoice_date, look.dates, look.language));
    if (look.show_due_date || look.due_in_terms) {
      printed(FormatDate(inv.due_date, look.dates, look.language));
    }
    printed(FormatMoney(inv.total, inv));
    printed(FormatMoney(inv.subtotal, inv));
    printed(FormatMoney(inv.total_tax, inv));
    printed(inv.vendor.name);
    printed(inv.customer.name);
    for (const std::string& line : inv.customer.address_lines) printed(line);
    if (look.show_vendor_vat) printed(inv.vendor.vat_printed);
    if (look.show_customer_vat) printed(inv.customer.vat_printed);
    if (look.show_iban) printed(look.iban_grouped ? GroupIban(inv.iban) : inv.iban);
    if (look.show_bic) printed(inv.bic);
    if (look.show_order_ref) printed(inv.purchase_order);
    if (look.currency_display == CurrencyDisplay::kNoteOnly) printed(inv.currency);
    for (const SynthLine& line : inv.lines) {
      printed(FormatLineMoney(line.amount, inv));
      // Long descriptions wrap: each word is printed.
      std::size_t pos = 0;
      while (pos < line.description.size()) {
        std::size_t end = line.description.find(' ', pos);
        if (end == std::string::npos) end = line.description.size();
        printed(line.description.substr(pos, end - pos));
        pos = end + 1;
      }
    }
  }
}

TEST_F(SynthLayoutTest, UsesOneToThreePagesAndNumbersThemWhenThereAreSeveral) {
  int multi = 0;
  for (std::uint64_t i = 0; i < kDocuments; ++i) {
    const Laid laid = Lay(4, i);
    const std::size_t pages = laid.drawing.pages.size();
    EXPECT_GE(pages, 1U);
    EXPECT_LE(pages, 3U) << i;
    if (pages < 2) continue;
    ++multi;
    std::string last = Fill(laid.inv.look.labels.page, "p", std::to_string(pages));
    last = Fill(last, "n", std::to_string(pages));
    const std::string text = AllText(laid.drawing);
    EXPECT_NE(text.find(last), std::string::npos) << i;
  }
  EXPECT_GT(multi, 0);
}

}  // namespace
}  // namespace invoicer::synth
