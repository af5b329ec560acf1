// The route table and docs/openapi.yaml describe the same API: every route is documented and
// every documented path + method is routed.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

using Operation = std::pair<std::string, std::string>;  // method, path pattern

// Reads the operations under `paths:`: paths at two spaces ("  /api/v1/users/{id}:"), methods
// at four ("    get:"). Stops at the next top-level key.
std::set<Operation> SpecOperations(const std::string& file) {
  std::ifstream input(file);
  EXPECT_TRUE(input) << "cannot read " << file;
  static const std::regex kPath(R"(^  (/[^:\s]*):\s*$)");
  static const std::regex kMethod(R"(^    (get|put|post|delete|patch|head|options|trace):\s*$)");
  std::set<Operation> operations;
  bool in_paths = false;
  std::string path;
  std::string line;
  while (std::getline(input, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != ' ' && line[0] != '#') {
      in_paths = line.rfind("paths:", 0) == 0;
      path.clear();
      continue;
    }
    if (!in_paths) continue;
    std::smatch match;
    if (std::regex_match(line, match, kPath)) {
      path = match[1];
    } else if (!path.empty() && std::regex_match(line, match, kMethod)) {
      std::string method = match[1];
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      operations.emplace(method, path);
    }
  }
  return operations;
}

std::string Show(const Operation& op) { return op.first + " " + op.second; }

TEST(OpenApiSpec, DocumentsExactlyTheRoutedOperations) {
  std::string file = testing::SourceDir() + "/docs/openapi.yaml";
  std::set<Operation> documented = SpecOperations(file);
  ASSERT_FALSE(documented.empty()) << "no operations found under paths: in " << file;

  DownDatabase no_database;  // the table is built without touching a database
  Services services(no_database);
  std::set<Operation> routed;
  for (const api::Route& route : services.app.routes()) {
    EXPECT_TRUE(routed.emplace(route.method, route.pattern).second)
        << "routed twice: " << route.method << " " << route.pattern;
  }

  for (const Operation& op : routed) {
    EXPECT_TRUE(documented.count(op)) << Show(op) << " is routed but not in docs/openapi.yaml";
  }
  for (const Operation& op : documented) {
    EXPECT_TRUE(routed.count(op)) << Show(op) << " is in docs/openapi.yaml but not routed";
  }
}

// The parser itself, so that a quiet parse of nothing cannot pass the test above.
TEST(OpenApiSpec, ParserReadsPathsAndMethodsOnly) {
  std::string file = ::testing::TempDir() + "gotong_spec_parser_test.yaml";
  {
    std::ofstream out(file);
    out << "openapi: 3.1.0\n"
           "info:\n"
           "  title: x\n"
           "paths:\n"
           "  /api/v1/a:\n"
           "    get:\n"
           "      summary: get a\n"
           "      parameters:\n"
           "        - name: post\n"
           "    post:\n"
           "  /api/v1/b/{id}:\r\n"
           "    parameters: []\n"
           "    delete:\n"
           "components:\n"
           "  /not/a/path:\n"
           "    get:\n";
  }
  std::set<Operation> expected = {{"GET", "/api/v1/a"}, {"POST", "/api/v1/a"},
                                  {"DELETE", "/api/v1/b/{id}"}};
  EXPECT_EQ(SpecOperations(file), expected);
  std::remove(file.c_str());
}

}  // namespace
}  // namespace gotong::api_tests
