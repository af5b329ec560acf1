// The reference for the HTTP benchmark (bench/http_bench.sh): a bare Boost.Beast coroutine
// server on THREADS threads that answers every request with the bytes gotong answers
// GET /api/v1/health with (status, the same header set, BODY), and does nothing else: no
// routing, no worker pool, no logging. What gotong adds on top of it is what the bench measures.
//   bare_server PORT THREADS BODY
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string body_text;

asio::awaitable<void> Serve(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  std::mt19937_64 engine{std::random_device{}()};
  while (true) {
    http::request<http::string_body> request;
    stream.expires_after(std::chrono::seconds(60));
    auto [read_error, read] =
        co_await http::async_read(stream, buffer, request, asio::as_tuple(asio::use_awaitable));
    (void)read;
    if (read_error) break;
    http::response<http::string_body> response{http::status::ok, request.version()};
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(engine()));
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    response.set(http::field::server, "gotong");
    response.set("X-Request-Id", id);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "strict-origin-when-cross-origin");
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                 "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    response.body() = body_text;
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    auto [write_error, written] =
        co_await http::async_write(stream, response, asio::as_tuple(asio::use_awaitable));
    (void)written;
    if (write_error || !response.keep_alive()) break;
  }
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> Accept(tcp::acceptor& acceptor, asio::io_context& io) {
  while (true) {
    auto [ec, socket] =
        co_await acceptor.async_accept(asio::make_strand(io), asio::as_tuple(asio::use_awaitable));
    if (ec) continue;
    auto executor = socket.get_executor();
    asio::co_spawn(executor, Serve(beast::tcp_stream(std::move(socket))), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: bare_server PORT THREADS BODY\n";
    return 2;
  }
  auto port = static_cast<unsigned short>(std::stoi(argv[1]));
  int threads = std::stoi(argv[2]);
  body_text = argv[3];
  asio::io_context io(threads);
  tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), port});
  asio::co_spawn(io, Accept(acceptor, io), asio::detached);
  std::cout << "listening on http://127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& thread : pool) thread.join();
}
