#pragma once
// A minimal blocking HTTP/1.1 client over POSIX sockets, for the socket-level suites: it sends
// raw bytes, so tests can send what no well-behaved client would.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <map>
#include <optional>
#include <string>

namespace gotong::net {

class Client {
 public:
  explicit Client(int port, int receive_timeout_seconds = 5) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{receive_timeout_seconds, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      connect_errno_ = errno;
    }
  }
  ~Client() { Close(); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connect_errno_ == 0; }
  int connect_errno() const { return connect_errno_; }

  void Send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  // Bytes until EOF, an error or the 5 s receive timeout.
  std::string ReadToEnd() {
    std::string out = std::move(pending_);
    pending_.clear();
    char chunk[4096];
    while (true) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
  }

  // Waits for the server to end the connection; true when it did (EOF or reset) before the
  // receive timeout, with any bytes that arrived first left in `leftover`.
  bool WaitForClose(std::string* leftover = nullptr) {
    char chunk[4096];
    while (true) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n == 0) return true;
      if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
      if (leftover) leftover->append(chunk, static_cast<std::size_t>(n));
    }
  }

  struct Response {
    int status = 0;
    std::map<std::string, std::string> headers;  // lowercase names
    std::string body;
    std::string header(const std::string& name) const {
      auto it = headers.find(name);
      return it == headers.end() ? "" : it->second;
    }
  };

  // One response, framed by Content-Length; nothing when the connection ended first.
  std::optional<Response> ReadResponse() {
    std::string data = std::move(pending_);
    pending_.clear();
    char chunk[4096];
    std::size_t header_end;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      data.append(chunk, static_cast<std::size_t>(n));
    }
    Response response;
    std::string head = data.substr(0, header_end);
    std::size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    if (status_line.rfind("HTTP/1.1 ", 0) != 0) return std::nullopt;
    response.status = std::stoi(status_line.substr(9, 3));
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      std::size_t end = head.find("\r\n", pos);
      if (end == std::string::npos) end = head.size();
      std::string line = head.substr(pos, end - pos);
      auto colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[name] = value;
      pos = end + 2;
    }
    std::size_t length = std::stoul(
        response.header("content-length").empty() ? "0" : response.header("content-length"));
    std::string rest = data.substr(header_end + 4);
    while (rest.size() < length) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      rest.append(chunk, static_cast<std::size_t>(n));
    }
    response.body = rest.substr(0, length);
    pending_ = rest.substr(length);
    return response;
  }

  // Closes with a reset instead of a FIN (SO_LINGER 0), as a crashed client would.
  void Reset() {
    linger hard{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    Close();
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  int connect_errno_ = 0;
  std::string pending_;
};

inline std::string Get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

}  // namespace gotong::net
