// Transport-level bad input against a real server: header floods, slow clients, oversize
// and malformed requests each get their answer (or a closed connection), and the server
// stays up. Also the graceful stop.
#include <gtest/gtest.h>

#include <thread>

#include "api_fixture.h"

namespace invoicer::testing {
namespace {

using store::Role;

std::string StatusLineOf(const std::string& raw) { return raw.substr(0, raw.find("\r\n")); }

void ExpectServerUp(const ApiServer& server) {
  EXPECT_EQ(server.client().Get("/healthz").status, 200);
}

TEST(ServerLimitsTest, ManyHeadersGet431AndTheConnectionCloses) {
  ApiServer server;
  std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) request += "X-Flood-" + std::to_string(i) + ": aaaaaaaa\r\n";
  request += "\r\n";
  RawConnection connection(server.port());
  connection.Write(request);
  const std::string raw = connection.ReadUntilClosed();
  EXPECT_EQ(StatusLineOf(raw), "HTTP/1.1 431 Request Header Fields Too Large");
  EXPECT_NE(raw.find("\"HEADERS_TOO_LARGE\""), std::string::npos);
  ExpectServerUp(server);
}

TEST(ServerLimitsTest, OneHugeHeaderGets431) {
  ApiServer server;
  RawConnection connection(server.port());
  connection.Write("GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: " + std::string(64 * 1024, 'c') +
                   "\r\n\r\n");
  EXPECT_EQ(StatusLineOf(connection.ReadUntilClosed()),
            "HTTP/1.1 431 Request Header Fields Too Large");
  ExpectServerUp(server);
}

TEST(ServerLimitsTest, SlowClientsAreDisconnectedAfterTheReadTimeout) {
  http::ServerOptions options;
  options.read_timeout = std::chrono::seconds(1);
  ApiServer server(options);
  // Half a header, then nothing: the server closes the connection without an answer.
  RawConnection half_header(server.port());
  ASSERT_TRUE(half_header.Write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
  // A complete header and half the body it announces.
  RawConnection half_body(server.port());
  ASSERT_TRUE(half_body.Write("PATCH /v1/invoices/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                              server.token(Role::kAdmin) +
                              "\r\nContent-Length: 100\r\n\r\n{\"fields\":"));
  // A connection that never says anything.
  RawConnection silent(server.port());
  EXPECT_EQ(half_header.ReadUntilClosed(), "");
  EXPECT_EQ(half_body.ReadUntilClosed(), "");
  EXPECT_EQ(silent.ReadUntilClosed(), "");
  ExpectServerUp(server);
}

TEST(ServerLimitsTest, DeclaredOversizeUploadGets413WithoutSendingTheBody) {
  http::ServerOptions options;
  options.max_upload_bytes = 64 * 1024;
  ApiServer server(options);
  RawConnection connection(server.port());
  // Only the header is sent: the answer must not wait for 100 MiB that never come.
  ASSERT_TRUE(connection.Write("POST /v1/invoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                               server.token(Role::kIngest) +
                               "\r\nContent-Type: application/pdf\r\nContent-Length: 104857600"
                               "\r\n\r\n%PDF-1.4 and much more"));
  const auto response = connection.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->ErrorCode(), "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(response->Json()["error"]["details"]["limit_bytes"], 64 * 1024);
  EXPECT_EQ(response->Header("Connection"), "close");
  EXPECT_EQ(server.client().Get("/v1/invoices", server.token(Role::kReader)).Json()["items"].size(),
            0u);
  ExpectServerUp(server);
}

TEST(ServerLimitsTest, ChunkedUploadAboveTheLimitGets413) {
  http::ServerOptions options;
  options.max_upload_bytes = 1024;
  ApiServer server(options);
  RawConnection connection(server.port());
  std::string request = "POST /v1/invoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                        server.token(Role::kIngest) + "\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 100; ++i) request += "400\r\n" + std::string(1024, 'x') + "\r\n";
  request += "0\r\n\r\n";
  connection.Write(request);
  const auto response = connection.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->ErrorCode(), "PAYLOAD_TOO_LARGE");
  ExpectServerUp(server);
}

TEST(ServerLimitsTest, ExpectContinueGetsContinueThenTheAnswer) {
  ApiServer server;
  const std::string body = PdfBytes("expect continue");
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.Write(
      "POST /v1/invoices HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
      server.token(Role::kIngest) +
      "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"));
  const auto interim = connection.ReadResponse();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(connection.Write(body));
  const auto response = connection.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 201);
}

TEST(ServerLimitsTest, MalformedRequestsGet400AndTheConnectionCloses) {
  // The start of a TLS ClientHello: a client speaking HTTPS to the plain port.
  static constexpr char kTlsHello[] =
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 tls hello\r\n\r\n";
  ApiServer server;
  for (const std::string& request :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET /healthz HTTP/9.9\r\n\r\n"),
        std::string("GET /healthz HTTP/1.1\r\nBad Header Name: x\r\n\r\n"),
        std::string("POST /v1/exports HTTP/1.1\r\nContent-Length: abc\r\n\r\n"),
        std::string(kTlsHello, sizeof(kTlsHello) - 1)}) {
    RawConnection connection(server.port());
    connection.Write(request);
    const std::string raw = connection.ReadUntilClosed();
    EXPECT_EQ(StatusLineOf(raw), "HTTP/1.1 400 Bad Request") << request;
    EXPECT_NE(raw.find("\"BAD_REQUEST\""), std::string::npos);
  }
  ExpectServerUp(server);
}

TEST(ServerLimitsTest, StopLetsTheRequestInFlightFinish) {
  ApiServer server;
  const std::string id = server.UploadPending();
  server.extractor().Hold();
  HttpResponse answer;
  std::thread request([&] {
    answer = server.client().Send("POST", "/v1/invoices/" + id + "/extract", {}, {},
                                  server.token(Role::kAdmin));
  });
  server.extractor().WaitEntered(1);
  std::thread stopper([&] { server.server().Stop(); });
  // Stop closes the listener first; wait until new connections are refused.
  while (CanConnect(server.port())) {
  }
  server.extractor().Release();
  request.join();
  stopper.join();
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.Json()["processing_state"], "EXTRACTED");
  EXPECT_FALSE(CanConnect(server.port()));
}

}  // namespace
}  // namespace invoicer::testing
