#include "http/multipart.h"

#include <gtest/gtest.h>

namespace invoicer::http {
namespace {

TEST(MultipartTest, ParsesFieldsAndFiles) {
  const std::string body =
      "preamble\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"note\"\r\n"
      "\r\n"
      "hello\r\n"
      "--XyZ\r\n"
      "content-disposition: form-data; name=\"file\"; filename=\"in\\\"v.pdf\"\r\n"
      "Content-Type: application/pdf\r\n"
      "\r\n"
      "%PDF-1.4\r\n--not-the-boundary\r\n\r\n"
      "--XyZ--\r\n"
      "epilogue";
  auto parts = ParseMultipart(body, "XyZ");
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "note");
  EXPECT_EQ((*parts)[0].body, "hello");
  EXPECT_EQ((*parts)[0].filename, std::nullopt);
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].filename, "in\"v.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].body, "%PDF-1.4\r\n--not-the-boundary\r\n");
}

TEST(MultipartTest, KeepsBinaryBytesExactly) {
  const std::string payload("\x00\xFF\r\n\r\n--X\x01", 10);
  const std::string body =
      "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + payload + "\r\n--B--";
  auto parts = ParseMultipart(body, "B");
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, payload);
}

TEST(MultipartTest, RefusesMalformedBodies) {
  const std::string part = "Content-Disposition: form-data; name=\"file\"\r\n\r\ndata";
  const struct {
    std::string body;
    std::string boundary;
  } cases[] = {
      {"--B\r\n" + part + "\r\n--B--", ""},                        // no boundary
      {"--B\r\n" + part + "\r\n--B--", std::string(71, 'B')},      // boundary too long
      {"no delimiter at all", "B"},                                //
      {"--B\r\n" + part, "B"},                                     // truncated
      {"--B\r\n" + part + "\r\n--B", "B"},                         // no closing delimiter
      {"--Bjunk\r\n" + part + "\r\n--B--", "B"},                   // bad delimiter line
      {"--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--", "B"},  // no disposition
      {"--B\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--B--", "B"},
      {"--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--", "B"},  // no name
      {"--B\r\nno colon here\r\n\r\nx\r\n--B--", "B"},
      {"--B\r\nContent-Disposition: form-data; name=\"f\"\r\n" + std::string(9000, 'x'), "B"},
  };
  for (const auto& c : cases) {
    auto parts = ParseMultipart(c.body, c.boundary);
    ASSERT_FALSE(parts) << c.body.substr(0, 60);
    EXPECT_EQ(parts.error().api_code, "BAD_REQUEST");
  }
}

TEST(MultipartTest, RefusesTooManyParts) {
  std::string body;
  for (int i = 0; i < 33; ++i)
    body += "--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  body += "--B--";
  auto parts = ParseMultipart(body, "B");
  ASSERT_FALSE(parts);
  EXPECT_EQ(parts.error().api_code, "BAD_REQUEST");
}

}  // namespace
}  // namespace invoicer::http
