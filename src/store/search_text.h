#pragma once

#include <string>
#include <string_view>

namespace invoicer::store {

// Case folding for the stores' substring filters (vendor, `q`) and duplicate matching, done
// in C++ so that every store folds alike (SQLite's lower() knows only ASCII): ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic capitals become small letters; other text, and bytes
// that are not UTF-8, pass unchanged. Pure function, thread-safe.
std::string FoldCase(std::string_view utf8);

}  // namespace invoicer::store
