#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace invoicer::domain {

// The media types invoicer accepts, judged from the bytes (the Content-Type header is only
// a hint): application/pdf, image/png, image/jpeg, image/tiff, and application/xml for a
// UBL 2.1 Invoice/CreditNote or a CII CrossIndustryInvoice (or ZUGFeRD 1
// CrossIndustryDocument). nullopt for anything else.
std::optional<std::string> SniffMediaType(std::string_view bytes);

// A file extension for a media type ("pdf", "png", ...), for downloads and exports.
std::string_view ExtensionFor(std::string_view media_type);

}  // namespace invoicer::domain
