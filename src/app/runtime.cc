#include "app/runtime.h"

#include "app/wiring.h"

namespace invoicer::app {

Runtime::Runtime(Key /*key*/, std::unique_ptr<store::InvoiceStore> store,
                 std::unique_ptr<extract::Extractor> extractor, const Config& config)
    : store_(std::move(store)),
      extractor_(std::move(extractor)),
      service_(std::make_unique<InvoiceService>(*store_, *extractor_, clock_, metrics_,
                                                ServiceOptionsFor(config))),
      tokens_(std::make_unique<TokenService>(*store_, clock_)) {}

Result<std::unique_ptr<Runtime>> Runtime::Open(const Config& config) {
  if (auto ok = CheckConfig(config); !ok) return std::move(ok).error();
  auto extractor = MakeExtractor(config);
  if (!extractor) return std::move(extractor).error();
  auto store = OpenStore(config);
  if (!store) return std::move(store).error();
  auto version = (*store)->Migrate();
  if (!version) return std::move(version).error();
  auto runtime =
      std::make_unique<Runtime>(Key(), std::move(*store), std::move(*extractor), config);
  runtime->schema_version_ = *version;
  return runtime;
}

}  // namespace invoicer::app
