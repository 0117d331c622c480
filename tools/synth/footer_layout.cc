#include <algorithm>
#include <string>
#include <vector>

#include "synth/formats.h"
#include "synth/layout_context.h"

namespace invoicer::synth {
namespace {

constexpr double kGap = 8;

// Where each footer column goes and its lines as drawn.
struct FooterGeometry {
  TextStyle style;
  std::vector<double> x;
  std::vector<std::vector<std::string>> lines;
  std::size_t rows = 0;
};

std::vector<std::string> Wrapped(const PageWriter& w, const FooterLine& line, double width,
                                 const TextStyle& style) {
  if (!line.wrap) return {line.text};
  return w.Wrap(line.text, width, style);
}

FooterGeometry Geometry(const LayoutContext& c, const FooterBlock& footer) {
  const PageWriter& w = c.writer;
  FooterGeometry g;
  g.style = c.tiny;
  if (footer.columns.empty()) return g;
  if (footer.centered) {
    // A centred line too wide for the page gets a smaller size rather than a break.
    double widest = 0;
    for (const auto& column : footer.columns)
      widest = std::max(widest, w.Width(column.front().text, g.style));
    if (widest > w.ContentWidth()) g.style.size *= std::max(0.7, w.ContentWidth() / widest);
    for (const auto& column : footer.columns) {
      g.lines.push_back(Wrapped(w, column.front(), w.ContentWidth(), g.style));
      g.rows += g.lines.back().size();
    }
    return g;
  }
  const std::size_t n = footer.columns.size();
  const double share =
      (w.ContentWidth() - kGap * static_cast<double>(n - 1)) / static_cast<double>(n);
  std::vector<double> natural(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (const FooterLine& line : footer.columns[i]) {
      const double width = w.Width(line.text, g.style);
      natural[i] = std::max(natural[i], line.wrap ? std::min(width, share) : width);
    }
  }
  double total = kGap * static_cast<double>(n - 1);
  for (const double v : natural) total += v;
  if (total > w.ContentWidth()) {
    const double factor = std::max(0.7, w.ContentWidth() / total);
    g.style.size *= factor;
    for (double& v : natural) v *= factor;
    total = w.ContentWidth();
  }
  const double extra = std::max(0.0, (w.ContentWidth() - total) / static_cast<double>(n));
  double x = w.Left();
  for (std::size_t i = 0; i < n; ++i) {
    g.x.push_back(x);
    std::vector<std::string> lines;
    for (const FooterLine& line : footer.columns[i]) {
      for (std::string& part : Wrapped(w, line, natural[i] + extra, g.style))
        lines.push_back(std::move(part));
    }
    g.rows = std::max(g.rows, lines.size());
    g.lines.push_back(std::move(lines));
    x += natural[i] + extra + kGap;
  }
  return g;
}

}  // namespace

FooterBlock BuildFooter(const SynthInvoice& inv) {
  const Look& look = inv.look;
  const Labels& l = look.labels;
  const Party& v = inv.vendor;
  FooterBlock footer;
  if (look.footer == FooterStyle::kNone) return footer;
  const std::string colon = look.colons ? ": " : " ";
  std::vector<FooterLine> company{{v.name, true}};
  for (const std::string& line : v.address_lines) company.push_back({line, true});
  const std::vector<FooterLine> contact{
      {l.phone + " " + v.phone, false}, {l.email + " " + v.email, false}, {v.website, false}};
  std::vector<FooterLine> legal;
  if (look.show_vendor_vat && !look.vendor_vat_in_meta) {
    legal.push_back({l.vat_id + colon + v.vat_printed, false});
  }
  if (!v.registration.empty()) legal.push_back({v.registration, true});
  legal.push_back({l.manager + colon + v.manager, true});
  std::vector<FooterLine> bank;
  if (!look.bank_in_body && BankPrinted(inv)) {
    for (const std::string& line : BankLines(inv, false)) bank.push_back({line, false});
  }
  if (look.footer == FooterStyle::kColumns) {
    footer.columns = {company, contact};
    if (!bank.empty()) footer.columns.push_back(bank);
    footer.columns.push_back(legal);
    return footer;
  }
  footer.centered = true;
  auto join = [](const std::vector<FooterLine>& parts) {
    std::string out;
    for (const FooterLine& p : parts) out += (out.empty() ? "" : " · ") + p.text;
    return std::vector<FooterLine>{{out, true}};
  };
  footer.columns = {join(company), join(contact)};
  if (!bank.empty()) footer.columns.push_back(join(bank));
  footer.columns.push_back(join(legal));
  return footer;
}

double FooterReserve(const LayoutContext& c, const FooterBlock& footer) {
  const FooterGeometry g = Geometry(c, footer);
  return c.inv.look.margin * 0.6 + static_cast<double>(g.rows) * c.LineOf(g.style) +
         c.tiny.size * 3 + 14;
}

void DrawFooters(LayoutContext& c, const FooterBlock& footer) {
  PageWriter& w = c.writer;
  const Look& look = c.inv.look;
  const FooterGeometry g = Geometry(c, footer);
  const double line = c.LineOf(g.style);
  const int pages = w.PageCount();
  for (int p = 0; p < pages; ++p) {
    w.SelectPage(p);
    const double top = w.Bottom() + 10;
    if (!footer.columns.empty()) {
      w.Rule(w.Left(), top, w.Right(), top, 0.5, look.accent);
      double y = top + 2;
      for (std::size_t i = 0; i < g.lines.size(); ++i) {
        double cy = footer.centered ? y : top + 2;
        for (const std::string& text : g.lines[i]) {
          cy += line;
          if (footer.centered) {
            w.TextCenter(w.PageWidth() / 2, cy, text, g.style);
          } else {
            w.Text(g.x[i], cy, text, g.style);
          }
        }
        if (footer.centered) y = cy;
      }
    }
    if (look.page_numbers || pages > 1) {
      std::string text = Fill(look.labels.page, "p", std::to_string(p + 1));
      text = Fill(text, "n", std::to_string(pages));
      w.TextRight(w.Right(), w.PageHeight() - look.margin * 0.45, text, c.tiny);
    }
  }
}

}  // namespace invoicer::synth
