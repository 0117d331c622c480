#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/invoice.h"
#include "extract/generic/layout_index.h"

namespace invoicer::extract::generic {

// Helpers the party rules (parties.cc, letterhead.cc) share to read lines as names and
// addresses. Pure functions.

// A piece of a line and its text, trimmed of white space and leading or trailing ":-*".
struct Piece {
  Span span;
  std::string text;
};

// A tab-separated cell of a line and where it starts.
struct Cell {
  Span span;
  double x0 = 0;
};

int Letters(std::string_view text);
int Digits(std::string_view text);
// A registration number on its own line ("(65351-M)", "JM0352019-K", "1950"): one token of
// mostly digits, or hardly a letter at all.
bool IsNumberLine(std::string_view text);
std::string Trimmed(std::string_view text);
// A name that continues on the next line ("HOME MASTER HARDWARE &", "Müller und").
bool EndsOpen(std::string_view text);
std::vector<Cell> Cells(const LayoutIndex& index, std::size_t line);
Piece MakePiece(const LayoutIndex& index, const Span& span);
// Sets `name` (unless already found) to the pieces joined by line breaks.
void PutPieces(const LayoutIndex& index, domain::FieldMap& fields, const char* name,
               const std::vector<Piece>& pieces, double confidence);

}  // namespace invoicer::extract::generic
