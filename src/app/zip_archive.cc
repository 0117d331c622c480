#include "app/zip_archive.h"

#include <zip.h>

#include <memory>

namespace invoicer::app {

namespace {
struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

// 2000-01-01T00:00:00Z: export archives do not depend on the wall clock.
constexpr time_t kFixedMtime = 946684800;

Error ZipError(const char* what) { return errors::Internal(std::string("zip: ") + what); }
}  // namespace

Result<std::string> ZipArchive(const std::vector<ZipEntry>& entries) {
  if (entries.empty()) {
    // libzip writes nothing for an archive without entries; an empty zip file is its end of
    // central directory record alone.
    return std::string("PK\x05\x06", 4) + std::string(18, '\0');
  }
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  zip_error_fini(&error);
  if (!buffer) return ZipError("cannot create the buffer");
  // The archive takes a reference of its own; ours keeps the buffer alive after zip_close.
  zip_source_keep(buffer.get());
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, nullptr);
  if (archive == nullptr) {
    zip_source_free(buffer.get());
    return ZipError("cannot open the archive");
  }
  for (const ZipEntry& entry : entries) {
    zip_source_t* data = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    if (data == nullptr) {
      zip_discard(archive);
      return ZipError("cannot add an entry");
    }
    const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data,
                                           ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(data);
      zip_discard(archive);
      return ZipError("cannot add an entry");
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), kFixedMtime, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return ZipError("cannot write the archive");
  }
  if (zip_source_open(buffer.get()) != 0) return ZipError("cannot read the archive");
  zip_source_seek(buffer.get(), 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer.get());
  zip_source_seek(buffer.get(), 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size > 0 ? size : 0), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), bytes.size());
  zip_source_close(buffer.get());
  if (read != size) return ZipError("cannot read the archive");
  return bytes;
}

}  // namespace invoicer::app
