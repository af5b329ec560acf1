// The in-process reference for bench/http_bench.sh: the same authenticated list request as the
// HTTP run, through the whole stack but the socket (router, bearer authentication, services,
// SOCI, the database), from THREADS threads at once for SECONDS; prints requests per second.
//   list_throughput DATABASE TARGET THREADS SECONDS
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "bench_api.hpp"

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: list_throughput DATABASE TARGET THREADS SECONDS\n");
    return 2;
  }
  auto bench = gotong::bench::Bench::Open(argv[1]);
  std::string target = argv[2];
  int threads = std::stoi(argv[3]);
  auto duration = std::chrono::seconds(std::stoi(argv[4]));
  (void)bench.GetJson(target);  // warm: the first request of a connection touches its pages
  std::atomic<bool> stop{false};
  std::atomic<long long> done{0}, failed{0};
  std::vector<std::thread> pool;
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&] {
      while (!stop) {
        auto response = bench.Get(target);
        if (response.status == 200) {
          ++done;
        } else {
          ++failed;
        }
      }
    });
  }
  std::this_thread::sleep_for(duration);
  stop = true;
  for (auto& thread : pool) thread.join();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%.1f\n", static_cast<double>(done.load()) / seconds);
  if (failed > 0) {
    std::fprintf(stderr, "%lld requests failed\n", failed.load());
    return 1;
  }
  return 0;
}
