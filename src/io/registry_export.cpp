#include "io/registry_export.hpp"

#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/time.hpp"
#include "io/temp_file.hpp"

namespace gotong::io {
namespace {

using domain::registry::Enterprise;
using domain::registry::Person;

constexpr std::array<std::string_view, 23> kHeader = {
    "id", "owner_name", "owner_gender", "owner_birth_year", "owner_phone", "owner_nik",
    "name", "sector", "products", "business_centre", "village_code", "founded_year",
    "employees", "capital", "turnover", "nib", "status", "scale", "scale_criterion",
    "verified_at", "stale", "kbli", "owner_id"};

using Cell = std::variant<std::monostate, std::int64_t, std::string>;

std::vector<Cell> CellsOf(const Enterprise& e, const Person& owner, bool stale) {
  auto text = [](const std::optional<std::string>& value) -> Cell {
    if (!value) return std::monostate{};
    return *value;
  };
  auto number = [](auto value) -> Cell {
    if (!value) return std::monostate{};
    return static_cast<std::int64_t>(*value);
  };
  auto scale = e.scale();
  return {
      e.id,
      owner.name,
      owner.gender ? Cell(std::string(ToString(*owner.gender))) : Cell(std::monostate{}),
      number(owner.birth_year),
      text(owner.phone),
      text(owner.nik),
      e.name,
      std::string(ToString(e.sector)),
      text(e.products),
      text(e.business_centre),
      e.village_code,
      number(e.founded_year),
      number(e.employees),
      number(e.capital),
      number(e.turnover),
      text(e.nib),
      std::string(ToString(e.status)),
      scale ? Cell(std::string(ToString(scale->scale))) : Cell(std::monostate{}),
      scale ? Cell(std::string(ToString(scale->criterion))) : Cell(std::monostate{}),
      e.verified_at ? Cell(core::FormatInstant(*e.verified_at).substr(0, 10)) : Cell(std::monostate{}),
      std::string(stale ? "ya" : "tidak"),
      std::string(domain::registry::InfoOf(e.sector).kbli),
      e.owner_id,
  };
}

class CsvSheet final : public EnterpriseSheet {
 public:
  explicit CsvSheet(const std::string& tmpdir) : file_(tmpdir, "export-", ".csv") {
    out_.open(file_.path(), std::ios::binary | std::ios::trunc);
    line_ = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < kHeader.size(); ++i) {
      if (i) line_.push_back(';');
      line_ += kHeader[i];
    }
    line_ += "\r\n";
    out_ << line_;
  }

  bool ok() const { return static_cast<bool>(out_); }

  void Add(const Enterprise& enterprise, const Person& owner, bool stale) override {
    auto cells = CellsOf(enterprise, owner, stale);
    line_.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line_.push_back(';');
      if (auto* number = std::get_if<std::int64_t>(&cells[i])) {
        line_ += std::to_string(*number);
      } else if (auto* text = std::get_if<std::string>(&cells[i])) {
        AppendCsvField(line_, *text);
      }
    }
    line_ += "\r\n";
    out_ << line_;
  }

  core::Result<std::string> Finish() override {
    out_.close();
    if (!out_) return core::Error::Unavailable("cannot write the export to " + file_.path());
    return file_.Release();
  }

 private:
  TempFile file_;
  std::ofstream out_;
  std::string line_;
};

class XlsxSheet final : public EnterpriseSheet {
 public:
  explicit XlsxSheet(const std::string& tmpdir)
      : tmpdir_(tmpdir), file_(tmpdir, "export-", ".xlsx") {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as they come
    options.tmpdir = tmpdir_.data();
    workbook_ = workbook_new_opt(file_.path().c_str(), &options);
    if (!workbook_) return;
    sheet_ = workbook_add_worksheet(workbook_, "UMKM");
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    money_ = workbook_add_format(workbook_);
    format_set_num_format(money_, "#,##0");
    for (std::size_t i = 0; i < kHeader.size(); ++i) {
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(i), std::string(kHeader[i]).c_str(), bold_);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }

  ~XlsxSheet() override {
    if (workbook_) workbook_close(workbook_);
  }

  bool ok() const { return workbook_ && sheet_; }

  void Add(const Enterprise& enterprise, const Person& owner, bool stale) override {
    ++row_;
    auto cells = CellsOf(enterprise, owner, stale);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto column = static_cast<lxw_col_t>(i);
      if (auto* number = std::get_if<std::int64_t>(&cells[i])) {
        bool money = kHeader[i] == "capital" || kHeader[i] == "turnover";
        worksheet_write_number(sheet_, row_, column, static_cast<double>(*number), money ? money_ : nullptr);
      } else if (auto* text = std::get_if<std::string>(&cells[i])) {
        worksheet_write_string(sheet_, row_, column, text->c_str(), nullptr);
      }
    }
  }

  core::Result<std::string> Finish() override {
    lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      return core::Error::Internal(std::string("cannot write the workbook: ") + lxw_strerror(error));
    }
    return file_.Release();
  }

 private:
  std::string tmpdir_;  // libxlsxwriter keeps a pointer to it
  TempFile file_;       // destroyed after the workbook is closed
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* money_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

void AppendCsvField(std::string& out, const std::string& text) {
  bool formula = !text.empty() &&
                 (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@') &&
                 !(text[0] == '+' && text.size() > 1 &&
                   text.find_first_not_of("0123456789", 1) == std::string::npos);
  if (!formula && text.find_first_of(";\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

core::Result<std::unique_ptr<EnterpriseSheet>> NewCsvSheet(const std::string& tmpdir) {
  auto sheet = std::make_unique<CsvSheet>(tmpdir);
  if (!sheet->ok()) return core::Error::Unavailable("cannot write an export file in " + tmpdir);
  return std::unique_ptr<EnterpriseSheet>(std::move(sheet));
}

core::Result<std::unique_ptr<EnterpriseSheet>> NewXlsxSheet(const std::string& tmpdir) {
  auto sheet = std::make_unique<XlsxSheet>(tmpdir);
  if (!sheet->ok()) return core::Error::Unavailable("cannot start a workbook in " + tmpdir);
  return std::unique_ptr<EnterpriseSheet>(std::move(sheet));
}

}  // namespace gotong::io
