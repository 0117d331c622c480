#include "synth/invoice_layout.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "synth/formats.h"
#include "synth/layout_context.h"
#include "synth/page_writer.h"

namespace invoicer::synth {
namespace {

constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kWhite{1, 1, 1};

using Rows = std::vector<std::pair<std::string, std::string>>;

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

bool VatInLetterhead(const SynthInvoice& inv) {
  const Look& look = inv.look;
  return look.show_vendor_vat && !look.vendor_vat_in_meta && look.footer == FooterStyle::kNone;
}

std::vector<std::string> LetterheadLines(const LayoutContext& c) {
  const SynthInvoice& inv = c.inv;
  const Labels& l = inv.look.labels;
  const Party& v = inv.vendor;
  std::vector<std::string> lines;
  const std::string tel = l.phone + " " + v.phone;
  const std::string mail = l.email + " " + v.email;
  if (inv.look.compact_letterhead) {
    lines.push_back(Join(v.address_lines, " · "));
    lines.push_back(Join({tel, mail, v.website}, " · "));
  } else {
    lines = v.address_lines;
    lines.push_back(tel);
    lines.push_back(mail);
    lines.push_back(v.website);
  }
  if (VatInLetterhead(inv)) lines.push_back(c.Label(l.vat_id) + " " + v.vat_printed);
  return lines;
}

std::string Initials(const std::string& name) {
  std::string out;
  bool start = true;
  for (const char ch : name) {
    if (ch == ' ') {
      start = true;
    } else if (start && ch >= 'A' && ch <= 'Z' && out.size() < 2) {
      out.push_back(ch);
      start = false;
    } else {
      start = false;
    }
  }
  return out.empty() ? "X" : out;
}

// Vendor name, address and contacts at the top of page 1, within `max_width` (lines wrap,
// a long name gets a smaller size); returns the bottom y.
double Letterhead(LayoutContext& c, Align align, double top, double max_width) {
  PageWriter& w = c.writer;
  const Look& look = c.inv.look;
  const double logo = look.logo ? 38 : 0;
  double left = w.Left();
  double right = w.Right();
  double y = top;
  double width = max_width;
  if (look.logo) {
    double lx = left;
    if (align == Align::kRight) lx = right - logo;
    if (align == Align::kCenter) lx = w.PageWidth() / 2 - logo / 2;
    w.Box(lx, top, logo, logo, look.accent);
    TextStyle mark = c.heading;
    mark.color = kWhite;
    w.TextCenter(lx + logo / 2, top + logo / 2 + mark.size * 0.35, Initials(c.inv.vendor.name),
                 mark);
    if (align == Align::kLeft) left += logo + 10;
    if (align == Align::kRight) right -= logo + 10;
    if (align == Align::kCenter) y += logo + 6;
    if (align != Align::kCenter) width -= logo + 10;
  }
  auto place = [&](const std::string& line, const TextStyle& style) {
    y += c.LineOf(style);
    if (align == Align::kLeft) w.Text(left, y, line, style);
    if (align == Align::kRight) w.TextRight(right, y, line, style);
    if (align == Align::kCenter) w.TextCenter(w.PageWidth() / 2, y, line, style);
  };
  auto put = [&](const std::string& text, const TextStyle& style) {
    for (const std::string& line : w.Wrap(text, width, style)) place(line, style);
  };
  // The name stays on one line, smaller if need be, as letterheads do.
  TextStyle name = c.heading;
  const double name_width = w.Width(c.inv.vendor.name, name);
  if (name_width > width) name.size *= width / name_width;
  place(c.inv.vendor.name, name);
  y += 2;
  for (const std::string& line : LetterheadLines(c)) put(line, c.small);
  return std::max(y, top + logo) + 4;
}

Rows MetaRows(const LayoutContext& c) {
  const SynthInvoice& inv = c.inv;
  const Look& look = inv.look;
  const Labels& l = look.labels;
  Rows rows;
  if (!look.number_in_title) rows.emplace_back(l.invoice_number, inv.invoice_number);
  if (!look.place_date_line) rows.emplace_back(l.invoice_date, c.FormatDateText(inv.invoice_date));
  if (look.composition == Composition::kBand && rows.size() == 2) std::swap(rows[0], rows[1]);
  if (look.show_due_date) rows.emplace_back(l.due_date, c.FormatDateText(inv.due_date));
  if (look.show_delivery_date) {
    rows.emplace_back(l.delivery_date, c.FormatDateText(inv.delivery_date));
  }
  if (look.show_customer_number) rows.emplace_back(l.customer_number, inv.customer_number);
  if (look.show_order_ref) rows.emplace_back(l.order_ref, inv.purchase_order);
  if (look.show_customer_vat) rows.emplace_back(l.customer_vat_id, inv.customer.vat_printed);
  if (look.vendor_vat_in_meta) rows.emplace_back(l.vat_id, inv.vendor.vat_printed);
  return rows;
}

double MetaWidth(const LayoutContext& c, const Rows& rows) {
  double label_w = 0;
  double value_w = 0;
  for (const auto& [label, value] : rows) {
    label_w = std::max(label_w, c.writer.Width(c.Label(label), c.body));
    value_w = std::max(value_w, c.writer.Width(value, c.bold));
  }
  return rows.empty() ? 0 : label_w + 10 + value_w;
}

// Label/value rows; `right_edge` > 0 aligns the block's right side there. Returns bottom y.
double MetaBlock(LayoutContext& c, const Rows& rows, double x, double top, double right_edge) {
  PageWriter& w = c.writer;
  double label_w = 0;
  double value_w = 0;
  for (const auto& [label, value] : rows) {
    label_w = std::max(label_w, w.Width(c.Label(label), c.body));
    value_w = std::max(value_w, w.Width(value, c.bold));
  }
  if (right_edge > 0) x = right_edge - (label_w + 10 + value_w);
  double y = top;
  for (const auto& [label, value] : rows) {
    y += c.line;
    w.Text(x, y, c.Label(label), c.body);
    w.Text(x + label_w + 10, y, value, c.bold);
  }
  return y + 4;
}

// The customer block, optionally under a "Bill to" label; returns the bottom y.
double Recipient(LayoutContext& c, double x, double top, bool with_label) {
  PageWriter& w = c.writer;
  const SynthInvoice& inv = c.inv;
  double y = top;
  if (with_label) {
    y += c.LineOf(c.small);
    w.Text(x, y, c.Label(inv.look.labels.bill_to), c.small);
    y += 2;
  }
  y += c.line;
  w.Text(x, y, inv.customer.name, c.bold);
  if (inv.look.show_contact) {
    static constexpr std::string_view kAttn[] = {
        "Attn:", "z. Hd.", "À l'attention de", "A la atención de", "Alla c.a. di", "T.a.v."};
    y += c.line;
    w.Text(x, y,
           std::string(kAttn[static_cast<std::size_t>(inv.look.language)]) + " " +
               inv.customer.contact,
           c.body);
  }
  for (const std::string& line : inv.customer.address_lines) {
    y += c.line;
    w.Text(x, y, line, c.body);
  }
  return y + 4;
}

// The document title, or with the number in it: "Rechnung Nr. 2024-0815".
std::string TitleText(const LayoutContext& c) {
  const Look& look = c.inv.look;
  if (!look.number_in_title) return look.labels.title;
  return look.labels.invoice_number + " " + c.inv.invoice_number;
}

std::string PlaceDate(const LayoutContext& c) {
  const std::string date = c.FormatDateText(c.inv.invoice_date);
  if (c.inv.look.language == Language::kFr) return c.inv.vendor.city + ", le " + date;
  return c.inv.vendor.city + ", " + date;
}

void SenderLine(LayoutContext& c, double x, double y) {
  const Party& v = c.inv.vendor;
  std::vector<std::string> parts{v.name};
  parts.insert(parts.end(), v.address_lines.begin(), v.address_lines.end());
  const double room = c.writer.Right() - x;
  TextStyle style = c.tiny;
  std::string text = Join(parts, " · ");
  if (c.writer.Width(text, style) > room) text = v.name + " · " + v.address_lines.front();
  const double width = c.writer.Width(text, style);
  if (width > room) style.size *= room / width;
  c.writer.Text(x, y, text, style);
  c.writer.Rule(x, y + 1.5, x + c.writer.Width(text, style), y + 1.5, 0.4, style.color);
}

void Classic(LayoutContext& c) {
  PageWriter& w = c.writer;
  const Look& look = c.inv.look;
  const double head_bottom = Letterhead(c, look.letterhead, w.y(), w.ContentWidth());
  const double top = std::max(head_bottom + 18, 128.0);
  const double column = w.Left() + w.ContentWidth() * 0.56;
  const double recipient_x = look.recipient_right ? column : w.Left();
  double recipient_top = top;
  if (look.sender_line) {
    SenderLine(c, recipient_x, top);
    recipient_top += 6;
  }
  const double recipient_bottom = Recipient(c, recipient_x, recipient_top, false);
  const Rows rows = MetaRows(c);
  const double meta_bottom = look.recipient_right ? MetaBlock(c, rows, w.Left(), top, 0)
                                                  : MetaBlock(c, rows, 0, top, w.Right());
  w.SetY(std::max(recipient_bottom, meta_bottom) + 26);
  w.Advance(c.title.size);
  w.Text(w.Left(), w.y(), TitleText(c), c.title);
  if (look.place_date_line) w.TextRight(w.Right(), w.y(), PlaceDate(c), c.body);
  w.Advance(14);
}

void Modern(LayoutContext& c) {
  PageWriter& w = c.writer;
  const double top = w.y();
  TextStyle big = c.title;
  big.size = c.title.size * 1.5;
  big.color = c.inv.look.accent;
  const std::string title = TitleText(c);
  if (w.Width(title, big) > w.ContentWidth() * 0.3) big.size = c.title.size;
  const Rows rows = MetaRows(c);
  // The letterhead takes what the title and the meta block on the right leave.
  const double right_block = std::max(w.Width(title, big), MetaWidth(c, rows));
  const double head_bottom = Letterhead(c, Align::kLeft, top, w.ContentWidth() - right_block - 18);
  w.TextRight(w.Right(), top + big.size, title, big);
  const double meta_bottom = MetaBlock(c, rows, 0, top + big.size + 8, w.Right());
  const double bill_top = std::max(head_bottom, meta_bottom) + 16;
  w.SetY(Recipient(c, w.Left(), bill_top, true) + 18);
}

void Band(LayoutContext& c) {
  PageWriter& w = c.writer;
  const Look& look = c.inv.look;
  w.SetY(Letterhead(c, look.letterhead, w.y(), w.ContentWidth()) + 14);
  w.Advance(c.title.size);
  if (look.letterhead == Align::kCenter) {
    w.TextCenter(w.PageWidth() / 2, w.y(), TitleText(c), c.title);
  } else {
    w.Text(w.Left(), w.y(), TitleText(c), c.title);
  }
  w.Advance(10);
  const Rows rows = MetaRows(c);
  if (!rows.empty()) {
    const double cell_w =
        w.ContentWidth() / static_cast<double>(std::min<std::size_t>(rows.size(), 4));
    const double cell_h = c.LineOf(c.small) + c.line + 8;
    double y = w.y();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::size_t col = i % 4;
      if (col == 0 && i > 0) y += cell_h;
      const double x = w.Left() + static_cast<double>(col) * cell_w;
      if (look.table_style == TableStyle::kShadedHeader) {
        w.Box(x + 1, y, cell_w - 2, cell_h, {0.92, 0.92, 0.92});
      } else {
        w.Rule(x, y, x + cell_w - 4, y, 0.6, look.accent);
      }
      w.Text(x + 4, y + c.LineOf(c.small), rows[i].first, c.small);
      w.Text(x + 4, y + c.LineOf(c.small) + c.line + 2, rows[i].second, c.bold);
    }
    w.SetY(y + cell_h + 12);
  }
  w.SetY(Recipient(c, w.Left(), w.y(), rows.size() % 2 == 0) + 16);
}

// Pages after the first start with the vendor name and the invoice reference.
void Continuation(LayoutContext& c) {
  PageWriter& w = c.writer;
  const SynthInvoice& inv = c.inv;
  const double y = w.y() + c.line;
  w.Text(w.Left(), y, inv.vendor.name, c.bold);
  w.TextRight(w.Right(), y, inv.look.labels.title + " " + inv.invoice_number, c.body);
  w.Rule(w.Left(), y + 5, w.Right(), y + 5, 0.5, inv.look.accent);
  w.SetY(y + 20);
}

void Intro(LayoutContext& c) {
  PageWriter& w = c.writer;
  for (const std::string& line : w.Wrap(c.inv.look.labels.intro, w.ContentWidth(), c.body)) {
    w.Advance(c.line);
    w.Text(w.Left(), w.y(), line, c.body);
  }
  w.Advance(12);
}

}  // namespace

LayoutContext MakeLayoutContext(const SynthInvoice& inv, PageWriter& writer) {
  const Look& look = inv.look;
  const double s = look.font_size;
  LayoutContext c{inv, writer, {}, {}, {}, {}, {}, {}, s * 1.3};
  c.body = {s, FontWeight::kRegular, kBlack};
  c.bold = {s, FontWeight::kBold, kBlack};
  c.small = {s * 0.85, FontWeight::kRegular, {0.2, 0.2, 0.2}};
  c.tiny = {s * 0.75, FontWeight::kRegular, {0.25, 0.25, 0.25}};
  c.heading = {s * 1.65, FontWeight::kBold, look.accent};
  c.title = {s * 1.5, FontWeight::kBold, kBlack};
  return c;
}

std::string LayoutContext::Label(std::string_view text) const {
  return inv.look.colons ? std::string(text) + ":" : std::string(text);
}

std::string LayoutContext::FormatDateText(const Date& date) const {
  return FormatDate(date, inv.look.dates, inv.look.language);
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto b = static_cast<unsigned char>(out[i]);
    if (b < 0x80) {
      out[i] = static_cast<char>(std::toupper(b));
    } else if (b == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      // U+00E0..U+00FE (except U+00F7) map to U+00C0..U+00DE.
      if (next >= 0xA0 && next <= 0xBE && next != 0xB7) out[i + 1] = static_cast<char>(next - 0x20);
      ++i;
    }
  }
  return out;
}

Drawing LayoutInvoice(const SynthInvoice& inv, const TextMeasurer& measurer) {
  const Look& look = inv.look;
  const bool letter = look.paper == Paper::kLetter;
  const double width = letter ? 612 : 595.28;
  const double height = letter ? 792 : 841.89;
  const FooterBlock footer = BuildFooter(inv);
  PageWriter writer(measurer, look.font, width, height, look.margin);
  LayoutContext c = MakeLayoutContext(inv, writer);
  writer.SetBottomReserve(FooterReserve(c, footer));
  switch (look.composition) {
    case Composition::kClassic:
      Classic(c);
      break;
    case Composition::kModern:
      Modern(c);
      break;
    case Composition::kBand:
      Band(c);
      break;
  }
  writer.SetContinuation([&c](PageWriter&) { Continuation(c); });
  if (look.intro) Intro(c);
  LayoutLineTable(c);
  LayoutTotals(c);
  LayoutNotes(c);
  DrawFooters(c, footer);
  return writer.Finish();
}

}  // namespace invoicer::synth
