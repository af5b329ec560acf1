// The gotong command line as an operator runs it: the built binary, a SQLite file, the
// password on standard input, the exit status and what it writes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace {

struct Outcome {
  int status = -1;     // the exit status
  std::string output;  // standard output and error together
};

// Runs `arguments` (already quoted for the shell) with the line `input` on standard input.
Outcome Gotong(const std::string& arguments, const std::string& input = "") {
  std::string command = "printf '%s\\n' '" + input + "' | " GOTONG_BINARY " " + arguments + " 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return outcome;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) outcome.output.append(buffer.data(), n);
  int raw = pclose(pipe);
  outcome.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return outcome;
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("gotong-cli-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_);
    database_ = "--database sqlite:" + (folder_ / "cli.db").string();
    Outcome migrated = Gotong("migrate " + database_);
    ASSERT_EQ(migrated.status, 0) << migrated.output;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path folder_;
  std::string database_;
};

// Every setting the README's table documents is read from the variable and the flag it names,
// with the default it says: `gotong --help` and `gotong serve --help` show all three. And every
// setting --help shows is in the table.
TEST(CliSettings, HelpNamesEachSettingsVariableAndDefaultAsTheReadmeDocumentsThem) {
  std::ifstream readme(GOTONG_SOURCE_DIR "/README.md");
  ASSERT_TRUE(readme) << "README.md not found";
  const std::regex row(R"(^\| `(GOTONG_[A-Z_]+)` \| `(--[a-z-]+)` \| ([^|]+) \|)");
  const std::string help = Gotong("--help").output + Gotong("serve --help").output;
  std::size_t rows = 0;
  for (std::string line; std::getline(readme, line);) {
    std::smatch match;
    if (!std::regex_search(line, match, row)) continue;
    ++rows;
    const std::string variable = match[1], flag = match[2];
    std::string documented = match[3];
    documented.erase(documented.find_last_not_of(' ') + 1);
    const std::size_t at = help.find("  " + flag + " ");
    ASSERT_NE(at, std::string::npos) << flag << " is not in --help";
    const std::string entry = help.substr(at, help.find('\n', at) - at);
    EXPECT_NE(entry.find("(Env:" + variable + ")"), std::string::npos) << entry;
    // A value's default as the README writes it: `8` or `sqlite:var/gotong.db` (`off` for a
    // switch).
    if (documented.front() == '`') {
      const std::string value = documented.substr(1, documented.find('`', 1) - 1);
      EXPECT_NE(entry.find("=" + value + " "), std::string::npos)
          << flag << " defaults to " << value << ": " << entry;
    }
  }
  std::size_t settings = 0;
  for (std::size_t at = help.find("(Env:"); at != std::string::npos;
       at = help.find("(Env:", at + 1)) {
    ++settings;
  }
  EXPECT_GT(rows, 0u) << "the README's table of settings was not found";
  EXPECT_EQ(rows, settings) << "a setting in --help is missing from the README's table";
}

TEST_F(Cli, UserAddRefusesAScopeWhoseIdIsNotAWholeNumber) {
  for (const char* scope : {"stakeholder:abc", "stakeholder:", "stakeholder", "stakeholder:3x",
                            "stakeholder:-3", "stakeholder:0"}) {
    Outcome added = Gotong("user add rina --role officer --scope '" + std::string(scope) + "' " + database_,
                           "a long enough password");
    EXPECT_EQ(added.status, 2) << scope << ": " << added.output;
    EXPECT_NE(added.output.find("--scope must be KIND:ID"), std::string::npos) << added.output;
  }
  Outcome listed = Gotong("user list " + database_);
  ASSERT_EQ(listed.status, 0) << listed.output;
  EXPECT_EQ(listed.output.find("rina"), std::string::npos) << "nothing was created: " << listed.output;
}

TEST_F(Cli, UserAddWithAWholeNumberScopeReachesTheAccountRules) {
  // No stakeholder 3 exists here: the id is read, and the account rules answer for it.
  Outcome added = Gotong("user add rina --role officer --scope stakeholder:3 " + database_,
                         "a long enough password");
  EXPECT_NE(added.status, 0) << added.output;
  EXPECT_EQ(added.output.find("--scope must be"), std::string::npos) << added.output;
  Outcome admin = Gotong("user add root --role admin " + database_, "a long enough password");
  EXPECT_EQ(admin.status, 0) << admin.output;
}

}  // namespace
