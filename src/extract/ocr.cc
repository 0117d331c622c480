#include "extract/ocr.h"

#include <malloc.h>

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
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
  std::vector<Word> words;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (it) {
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      if (!text || text[0] == '\0' || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) {
        continue;
      }
      const double conf = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
      words.push_back(Word{text.get(),
                           {x0 / scale, y0 / scale, x1 / scale, y1 / scale},
                           conf});
    } while (it->Next(tesseract::RIL_WORD));
  }
  it.reset();
  api.Clear();
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
