#include "extract/ocr.h"

#include <malloc.h>

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "extract/image_codec.h"
#include "extract/line_builder.h"

namespace invoicer::extract {

namespace {

// Tesseract reads best when capital letters are about 30 pixels high. Pictures narrower than
// this (phone photos of receipts, 150 dpi scans) are scaled up by kUpscale first: on 40 SROIE
// receipts (`ocr_bench --psm-study`) the printed date was recognised in 35 instead of 31
// and the total in 34 instead of 33, for about 40% more time per receipt.
constexpr int kSmallWidth = 1200;
constexpr double kUpscale = 2.0;

std::string JoinLanguages(const std::vector<std::string>& languages) {
  std::string out;
  for (const std::string& l : languages) {
    if (!out.empty()) out += '+';
    out += l;
  }
  return out.empty() ? "eng" : out;
}

// Tesseract's OpenMP loops would start one thread per core inside every recognition; with
// one recognition per page already running on its own thread they only contend (NOTES.md:
// 0.46 s single-threaded against 1.4 s with OpenMP on 2 cores). A maximum of 0 active levels
// makes every OpenMP region run on the calling thread, the effect of OMP_THREAD_LIMIT=1
// without depending on the environment the process was started in. libgomp keeps this
// setting per thread, so each thread that recognises sets it once.
void DisableOpenMpOnThisThread() {
  thread_local bool disabled = false;
  if (!disabled) {
    omp_set_max_active_levels(0);
    disabled = true;
  }
}

// The words Tesseract recognised in its current picture or rectangle, boxes in its pixels.
std::vector<Word> RecognisedWords(tesseract::TessBaseAPI& api) {
  std::vector<Word> words;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return words;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!text || text[0] == '\0' || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) {
      continue;
    }
    const double conf = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
    const domain::BoundingBox box{static_cast<double>(x0), static_cast<double>(y0),
                                  static_cast<double>(x1), static_cast<double>(y1)};
    words.push_back(Word{text.get(), box, conf});
  } while (it->Next(tesseract::RIL_WORD));
  return words;
}

// A second look at the parts of a page Tesseract was unsure of. One page-wide segmentation
// (mode 6, best on receipts) cuts the lines of blocks that stand side by side with other
// baselines (the invoice number and date right of an address window, a large title beside
// the letterhead) wrongly, and their words come out as nonsense of low confidence
// ("Rechnung Nr.: B/2020/6340" over "Datum: 11.04.2020" read as "ee Ne vu 0" over "el a").
// Each cluster of such words is read again on its own as one block, which finds its lines
// afresh, and replaces the first reading when it is more confident.
constexpr double kRereadBelow = 0.6;    // word confidence that marks a word as unsure
constexpr double kRereadPadding = 0.5;  // word heights added around an unsure word
constexpr double kSpeckHeight = 0.4;    // words lower than this share of the median: specks
constexpr double kRereadHeight = 40;    // pixels: the word height unsure words are read at
constexpr long kRereadMinChars = 1;     // letters and digits an unsure word must have
constexpr std::size_t kMaxRereads = 8;  // regions per page, so a bad page costs bounded time
constexpr double kRereadShare = 0.015;  // of the page's area read again at most

bool Intersects(const domain::BoundingBox& a, const domain::BoundingBox& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

double Area(const domain::BoundingBox& box) { return (box.x1 - box.x0) * (box.y1 - box.y0); }

bool CentreIn(const domain::BoundingBox& box, const domain::BoundingBox& region) {
  const double cx = (box.x0 + box.x1) / 2, cy = (box.y0 + box.y1) / 2;
  return cx >= region.x0 && cx <= region.x1 && cy >= region.y0 && cy <= region.y1;
}

// The character-weighted mean confidence of the words centred in `region`; -1 for none.
double MeanConfidence(const std::vector<Word>& words, const domain::BoundingBox& region) {
  double sum = 0, chars = 0;
  for (const Word& w : words) {
    if (!CentreIn(w.box, region)) continue;
    const auto n = static_cast<double>(w.text.size());
    sum += w.confidence * n;
    chars += n;
  }
  return chars > 0 ? sum / chars : -1;
}

// A cluster of unsure words to read again, with the height of its smallest word.
struct RereadRegion {
  domain::BoundingBox box;
  double text_height = 0;
};

// Clusters of unsure words: each word's box padded, merged with the boxes it touches,
// clipped to the picture.
std::vector<RereadRegion> RereadRegions(const std::vector<Word>& words, int width, int height) {
  if (words.empty()) return {};
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.box.y1 - w.box.y0);
  const auto middle = heights.begin() + static_cast<long>(heights.size() / 2);
  std::nth_element(heights.begin(), middle, heights.end());
  const double median = *middle;
  std::vector<RereadRegion> regions;
  for (const Word& w : words) {
    const double h = w.box.y1 - w.box.y0;
    // Specks, rules and stray marks ("|", ":", "—") are unsure but carry no text worth a
    // second look.
    const auto alnum = std::count_if(w.text.begin(), w.text.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c));
    });
    if (w.confidence >= kRereadBelow || h < kSpeckHeight * median || alnum < kRereadMinChars) {
      continue;
    }
    const double pad = kRereadPadding * std::min(h, 2 * median);
    regions.push_back({{w.box.x0 - pad, w.box.y0 - pad, w.box.x1 + pad, w.box.y1 + pad}, h});
  }
  for (bool merged = true; merged;) {
    merged = false;
    for (std::size_t i = 0; i < regions.size() && !merged; ++i) {
      for (std::size_t j = i + 1; j < regions.size(); ++j) {
        if (!Intersects(regions[i].box, regions[j].box)) continue;
        regions[i].box = UnionBox(regions[i].box, regions[j].box);
        regions[i].text_height = std::min(regions[i].text_height, regions[j].text_height);
        regions.erase(regions.begin() + static_cast<long>(j));
        merged = true;
        break;
      }
    }
  }
  for (RereadRegion& r : regions) {
    r.box = {std::max(0.0, r.box.x0), std::max(0.0, r.box.y0),
             std::min(static_cast<double>(width), r.box.x1),
             std::min(static_cast<double>(height), r.box.y1)};
  }
  std::erase_if(regions, [](const RereadRegion& r) {
    return r.box.x1 - r.box.x0 < 4 || r.box.y1 - r.box.y0 < 4;
  });
  // A cluster covering much of the page is a noisy picture rather than a misread spot; the
  // second look goes to the small clusters, within a budget of the page's area.
  std::sort(regions.begin(), regions.end(),
            [](const RereadRegion& a, const RereadRegion& b) { return Area(a.box) < Area(b.box); });
  const double budget = kRereadShare * width * height;
  double spent = 0;
  std::vector<RereadRegion> chosen;
  for (const RereadRegion& r : regions) {
    if (chosen.size() == kMaxRereads || spent + Area(r.box) > budget) break;
    spent += Area(r.box);
    chosen.push_back(r);
  }
  return chosen;
}

// Reads each unsure region of `picture` (the one set on `api`) again, enlarged so that its
// words are about kRereadHeight pixels high (small print is read better larger, up to
// kUpscale), and keeps the better reading.
void Reread(tesseract::TessBaseAPI& api, const RasterImage& picture, std::vector<Word>& words) {
  const auto regions = RereadRegions(words, picture.width, picture.height);
  if (regions.empty()) return;
  const tesseract::PageSegMode page_mode = api.GetPageSegMode();
  api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  // Tesseract reads every line it is unsure of a second time inverted (light text on dark),
  // and the regions read again are unsure by choice: the first reading of the page has tried
  // that already, so the second look skips it (a seventh of its time; no field of the
  // synthetic scans changed).
  bool invert = true;
  api.GetBoolVariable("tessedit_do_invert", &invert);
  api.SetVariable("tessedit_do_invert", "0");
  for (const RereadRegion& region : regions) {
    const domain::BoundingBox& r = region.box;
    const auto left = static_cast<int>(r.x0), top = static_cast<int>(r.y0);
    const int width = static_cast<int>(r.x1) - left, height = static_cast<int>(r.y1) - top;
    RasterImage part = ImageCodec::Cropped(picture, left, top, width, height);
    const double enlarge = std::clamp(kRereadHeight / region.text_height, 1.0, kUpscale);
    if (picture.channels == 1 && enlarge > 1.05) part = ImageCodec::Scaled(part, enlarge);
    if (part.pixels.empty()) continue;
    const double scale = static_cast<double>(part.width) / width;
    api.SetImage(part.pixels.data(), part.width, part.height, part.channels,
                 part.width * part.channels);
    if (part.dpi >= 70) api.SetSourceResolution(part.dpi);
    if (api.Recognize(nullptr) != 0) continue;
    std::vector<Word> again = RecognisedWords(api);
    for (Word& w : again) {
      w.box = {left + w.box.x0 / scale, top + w.box.y0 / scale, left + w.box.x1 / scale,
               top + w.box.y1 / scale};
    }
    if (MeanConfidence(again, r) <= MeanConfidence(words, r)) continue;
    std::erase_if(words, [&](const Word& w) { return CentreIn(w.box, r); });
    for (Word& w : again) words.push_back(std::move(w));
  }
  api.SetPageSegMode(page_mode);
  api.SetVariable("tessedit_do_invert", invert ? "1" : "0");
}

}  // namespace

class OcrEngine::Pool {
 public:
  explicit Pool(OcrOptions options)
      : options_(std::move(options)), languages_(JoinLanguages(options_.languages)) {}

  struct Lease {
    Pool* pool;
    std::unique_ptr<tesseract::TessBaseAPI> api;
    ~Lease() {
      if (api) pool->Release(std::move(api));
    }
    Lease(Pool* p, std::unique_ptr<tesseract::TessBaseAPI> a) : pool(p), api(std::move(a)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
  };

  Result<Lease> Acquire() {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !idle_.empty() || created_ < std::max(1, options_.jobs); });
      if (!idle_.empty()) {
        auto api = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(api));
      }
      ++created_;
    }
    auto api = NewApi();
    if (!api) {
      std::lock_guard lock(mu_);
      --created_;
      cv_.notify_one();
      return std::move(api).error();
    }
    return Lease(this, std::move(*api));
  }

  const OcrOptions& options() const { return options_; }

  Result<std::unique_ptr<tesseract::TessBaseAPI>> NewApi() const {
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    // Tesseract writes notes such as "Estimating resolution" to stderr unless told otherwise.
    api->SetVariable("debug_file", "/dev/null");
    const char* datapath = options_.tessdata_dir.empty() ? nullptr : options_.tessdata_dir.c_str();
    if (api->Init(datapath, languages_.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
      return errors::BadRequest("OCR languages '" + languages_ +
                                "' are not installed (tesseract-ocr-<lang> packages)");
    }
    api->SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.page_segmentation));
    return api;
  }

 private:
  void Release(std::unique_ptr<tesseract::TessBaseAPI> api) {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(api));
    cv_.notify_one();
  }

  OcrOptions options_;
  std::string languages_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> idle_;
  int created_ = 0;
};

OcrEngine::OcrEngine(std::unique_ptr<Pool> pool)
    : pool_(std::move(pool)), jobs_(std::max(1, pool_->options().jobs)) {}
OcrEngine::~OcrEngine() = default;

Result<std::unique_ptr<OcrEngine>> OcrEngine::Create(const OcrOptions& options) {
  auto pool = std::make_unique<Pool>(options);
  {
    // Initialise one instance now so that a missing language fails at start-up, not on the
    // first scan. It is dropped again: the models take tens of MB, which a server that may
    // never see a scan should not hold; the pool creates instances on first use.
    auto probe = pool->NewApi();
    if (!probe) return std::move(probe).error();
  }
  // Tesseract keeps the dictionaries (about 6 MB for eng+deu+fra) in a process-wide cache
  // after their last instance is gone; empty it so that the probe leaves nothing behind.
  tesseract::TessBaseAPI::ClearPersistentCache();
  malloc_trim(0);  // hand the probe's freed model memory back to the system
  return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(pool)));
}

Result<Page> OcrEngine::RecognizeOne(const RasterImage& image) {
  if (image.width <= 0 || image.height <= 0 || image.pixels.empty()) {
    return errors::UnreadableDocument("the page image is empty");
  }
  RasterImage prepared;
  const RasterImage* input = &image;
  double scale = 1.0;
  if (image.channels == 1) {
    prepared = ImageCodec::Deskewed(image);
    if (prepared.width < kSmallWidth) {
      scale = kUpscale;
      prepared = ImageCodec::Scaled(prepared, scale);
    }
    input = &prepared;
  }
  auto lease = pool_->Acquire();
  if (!lease) return std::move(lease).error();
  DisableOpenMpOnThisThread();
  tesseract::TessBaseAPI& api = *lease->api;
  api.SetImage(input->pixels.data(), input->width, input->height, input->channels,
               input->width * input->channels);
  if (input->dpi >= 70) api.SetSourceResolution(input->dpi);
  if (api.Recognize(nullptr) != 0) {
    api.Clear();
    return errors::Internal("Tesseract failed to recognise the page");
  }
  std::vector<Word> words = RecognisedWords(api);
  Reread(api, *input, words);
  api.Clear();
  for (Word& w : words) {
    w.box = {w.box.x0 / scale, w.box.y0 / scale, w.box.x1 / scale, w.box.y1 / scale};
  }
  Page page;
  page.width = image.width;
  page.height = image.height;
  page.lines = GroupIntoLines(std::move(words));
  return page;
}

Result<std::vector<Page>> OcrEngine::Recognize(const std::vector<RasterImage>& images) {
  std::vector<std::optional<Result<Page>>> results(images.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < images.size(); i = next++) {
      results[i].emplace(RecognizeOne(images[i]));
    }
  };
  const std::size_t threads = std::min<std::size_t>(images.size(), static_cast<std::size_t>(jobs_));
  std::vector<std::jthread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  helpers.clear();  // joins
  std::vector<Page> pages;
  pages.reserve(images.size());
  for (std::size_t i = 0; i < images.size(); ++i) {
    if (!results[i]->has_value()) return std::move(*results[i]).error();
    Page page = std::move(*results[i]).value();
    page.number = static_cast<int>(i) + 1;
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace invoicer::extract
