#include "extract/templates/replacement.h"

#include <algorithm>
#include <cctype>

namespace invoicer::extract::templates {

Result<Replacement> Replacement::Parse(std::string_view repl, const Regex& regex) {
  if (!Regex::CheckUtf8(repl)) return errors::BadRequest("the replacement is not valid UTF-8");
  Replacement r;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) r.pieces_.push_back(Piece{std::move(literal), -1});
    literal.clear();
  };
  auto add_group = [&](int number) -> Status {
    if (number < 0 || number > regex.capture_count()) {
      return errors::BadRequest("invalid group reference " + std::to_string(number));
    }
    flush();
    r.pieces_.push_back(Piece{{}, number});
    return {};
  };
  for (std::size_t i = 0; i < repl.size(); ++i) {
    if (repl[i] != '\\') {
      literal += repl[i];
      continue;
    }
    if (i + 1 >= repl.size()) return errors::BadRequest("bad escape (end of replacement)");
    const char e = repl[++i];
    if (e == 'g') {
      const std::size_t close = repl.find('>', i);
      if (i + 1 >= repl.size() || repl[i + 1] != '<' || close == std::string_view::npos) {
        return errors::BadRequest("missing group name in \\g<...>");
      }
      const std::string name(repl.substr(i + 2, close - i - 2));
      i = close;
      int number = -1;
      if (!name.empty() && std::all_of(name.begin(), name.end(), [](char d) {
            return std::isdigit(static_cast<unsigned char>(d)) != 0;
          })) {
        number = name.size() > 4 ? -1 : std::stoi(name);
      } else {
        for (const auto& [group_name, group_number] : regex.group_names()) {
          if (group_name == name) number = group_number;
        }
        if (number < 0) return errors::BadRequest("unknown group name '" + name + "'");
      }
      if (auto s = add_group(number); !s) return s.error();
    } else if (std::isdigit(static_cast<unsigned char>(e)) != 0 && e != '0') {
      int number = e - '0';
      if (i + 1 < repl.size() && std::isdigit(static_cast<unsigned char>(repl[i + 1])) != 0) {
        number = number * 10 + (repl[++i] - '0');
      }
      if (auto s = add_group(number); !s) return s.error();
    } else {
      static constexpr std::string_view kFrom = "ntrfvab\\0";
      static constexpr std::string_view kTo = "\n\t\r\f\v\a\b\\";
      const std::size_t k = kFrom.find(e);
      if (k != std::string_view::npos) {
        literal += k < kTo.size() ? kTo[k] : '\0';
      } else if (std::isalpha(static_cast<unsigned char>(e)) != 0) {
        return errors::BadRequest(std::string("bad escape \\") + e + " in replacement");
      } else {
        literal += '\\';
        literal += e;
      }
    }
  }
  flush();
  return r;
}

std::string Replacement::Expand(std::string_view subject, const Captures& groups) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    if (piece.group < 0) {
      out += piece.literal;
    } else if (static_cast<std::size_t>(piece.group) < groups.size() &&
               groups[static_cast<std::size_t>(piece.group)].matched) {
      const Capture& g = groups[static_cast<std::size_t>(piece.group)];
      out.append(subject.substr(g.begin, g.end - g.begin));
    }
  }
  return out;
}

}  // namespace invoicer::extract::templates
