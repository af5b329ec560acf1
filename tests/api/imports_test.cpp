// Bulk imports: uploads become queued jobs; the test runs each job itself (the harness has no
// worker thread) and reads the outcome back through the API.
#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <stop_token>

#include "api/api_harness.hpp"
#include "domain/registry/import_service.hpp"
#include "io/csv_reader.hpp"
#include "io/registry_csv.hpp"

namespace gotong::api_tests {
namespace {

namespace registry = domain::registry;

constexpr const char* kBom = "\xEF\xBB\xBF";

// Import options with batches of `rows` rows (a bulk load from `bulk_load_bytes` on).
registry::ImportOptions Batches(std::size_t rows, std::int64_t bulk_load_bytes = 16 << 20) {
  registry::ImportOptions options;
  options.batch_rows = rows;
  options.bulk_load_bytes = bulk_load_bytes;
  return options;
}

class Imports : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
    officer_ = Login("officer");  // of stakeholder 1, the harness's Dinas
  }

  Reply Upload(const std::string& csv, const std::string& query = "?kind=enterprises",
               const Browser* as = nullptr, const std::string& content_type = "text/csv") {
    const Browser& who = as ? *as : officer_;
    api::Headers headers{{"Content-Type", content_type},
                         {"Cookie", who.cookie},
                         {"X-CSRF-Token", who.csrf},
                         {"X-File-Name", "C:\\data\\umkm-batu.csv"}};
    return services().Send("POST", "/api/v1/imports" + query, csv, std::move(headers));
  }

  // Uploads `csv` and returns the queued job's id (0 on failure).
  std::int64_t Queue(const std::string& csv, const std::string& query = "?kind=enterprises",
                     const Browser* as = nullptr) {
    Reply reply = Upload(csv, query, as);
    EXPECT_EQ(reply.status(), 202) << reply;
    if (reply.status() != 202) return 0;
    return reply.body.at("id").as_int64();
  }

  std::string FilePath(std::int64_t id) {
    auto unit = db().Begin(domain::Access::kRead);
    if (!unit.ok()) return "";
    auto job = (*unit)->Imports().Find(id);
    return job.ok() ? job->file_path : "";
  }

  // Runs a queued job to its end over its uploaded file, as the worker would.
  void Run(std::int64_t id, registry::ImportService* service = nullptr) {
    auto source = io::CsvRowSource::OpenFile(FilePath(id));
    ASSERT_TRUE(source.ok()) << source.error().message;
    auto& imports = service ? *service : services().imports;
    auto job = imports.Run(id, **source, nullptr);
    ASSERT_TRUE(job.ok()) << job.error().message;
  }

  json::value Job(std::int64_t id, const Browser* as = nullptr) {
    Reply reply = Get("/api/v1/imports/" + std::to_string(id), as ? as : &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    return reply.body;
  }

  // "row:field" of each stored error, in order.
  std::vector<std::string> Errors(std::int64_t id) {
    Reply reply = Get("/api/v1/imports/" + std::to_string(id) + "/errors?limit=200", &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    std::vector<std::string> out;
    if (reply.status() != 200) return out;
    for (const auto& error : reply.body.at("items").as_array()) {
      out.push_back(std::to_string(error.at("row").as_int64()) + ":" +
                    std::string(error.at("field").as_string()));
    }
    return out;
  }

  // "row:field:code" of each stored error, with its params as " name=value" in order.
  std::vector<std::string> Codes(std::int64_t id) {
    Reply reply = Get("/api/v1/imports/" + std::to_string(id) + "/errors?limit=200", &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    std::vector<std::string> out;
    if (reply.status() != 200) return out;
    for (const auto& error : reply.body.at("items").as_array()) {
      std::string text = std::to_string(error.at("row").as_int64()) + ":" +
                         std::string(error.at("field").as_string()) + ":" +
                         std::string(error.at("code").as_string());
      for (const auto& [name, value] : error.at("params").as_object()) {
        text += " " + std::string(name) + "=" + std::string(value.as_string());
      }
      out.push_back(std::move(text));
    }
    return out;
  }

  // The lines of an errors.csv download (without its BOM), or the reply when it is not a 200.
  std::vector<std::string> CsvLines(std::int64_t id, const std::string& query = "",
                                    const Browser* as = nullptr) {
    Reply reply = Get("/api/v1/imports/" + std::to_string(id) + "/errors.csv" + query,
                      as ? as : &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    if (reply.status() != 200) return {};
    EXPECT_EQ(reply.header("Content-Type"), "text/csv; charset=utf-8");
    // Built row by row in a file under the work dir and sent from there, not in memory.
    EXPECT_EQ(reply.body_file.rfind(services().work_dir, 0), 0u) << "sent from " << reply.body_file;
    std::string body = reply.response.body;
    EXPECT_EQ(body.rfind(kBom, 0), 0u) << body;
    if (body.rfind(kBom, 0) == 0) body.erase(0, 3);
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < body.size();) {
      auto end = body.find("\r\n", start);
      EXPECT_NE(end, std::string::npos) << "every line ends in CRLF: " << body;
      if (end == std::string::npos) break;
      lines.push_back(body.substr(start, end - start));
      start = end + 2;
    }
    return lines;
  }

  std::int64_t Total(const std::string& target) {
    Reply reply = Get(target, &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    return reply.status() == 200 ? reply.body.at("total").as_int64() : -1;
  }
  std::int64_t Enterprises() { return Total("/api/v1/enterprises"); }
  std::int64_t People() { return Total("/api/v1/people"); }

  json::value Enterprise(const std::string& q) {
    Reply reply = Get("/api/v1/enterprises?q=" + q, &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    const auto& items = reply.body.at("items").as_array();
    EXPECT_EQ(items.size(), 1u) << q << ": " << reply;
    return items.empty() ? json::value() : items[0];
  }

  std::vector<std::string> EnterpriseNames() {
    Reply reply = Get("/api/v1/enterprises?limit=200", &admin_);
    std::vector<std::string> names;
    for (const auto& item : reply.body.at("items").as_array()) names.emplace_back(item.at("name").as_string());
    return names;
  }

  Browser admin_, officer_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Imports);

// An Indonesian Excel export: BOM, ';' and CRLF, Indonesian headers, amounts with '.' groups.
const std::string kIndonesianFile = std::string(kBom) +
    "No;nama_pemilik;nama_usaha;sektor;kode_desa;omzet;nib\r\n"
    "1;Siti Aminah;Batik Sekar Arum;batik;35.79.02.2006;1.500.000;1234567890123\r\n"
    "2;Rina Wati;Keripik Apel;Olahan Pangan;35.79.01.2005;Rp 2.500.000.000;\r\n";

TEST_P(Imports, IndonesianSemicolonFileIsQueuedThenImported) {
  Reply queued = Upload(kIndonesianFile);
  ASSERT_EQ(queued.status(), 202) << queued;
  std::int64_t id = queued.body.at("id").as_int64();
  EXPECT_EQ(queued.header("Location"), "/api/v1/imports/" + std::to_string(id));
  EXPECT_EQ(queued.body.at("status"), "queued");
  EXPECT_EQ(queued.body.at("mode"), "insert");
  EXPECT_EQ(queued.body.at("dry_run"), false);
  EXPECT_EQ(queued.body.at("file_name"), "umkm-batu.csv");
  EXPECT_EQ(queued.body.at("bytes_total"), static_cast<std::int64_t>(kIndonesianFile.size()));
  EXPECT_EQ(queued.body.at("created_by"), "officer");
  EXPECT_EQ(services().queued_imports, std::vector<std::int64_t>{id});
  EXPECT_EQ(Enterprises(), 0);  // nothing before the job runs

  Run(id);
  json::value job = Job(id, &officer_);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 2);
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("rows_updated"), 0);
  EXPECT_EQ(job.at("rows_failed"), 0);
  EXPECT_EQ(job.at("errors_stored"), 0);
  EXPECT_EQ(job.at("message"), nullptr);
  EXPECT_EQ(job.at("bytes_read"), job.at("bytes_total"));
  EXPECT_EQ(job.at("message_code"), nullptr);
  EXPECT_EQ(job.at("warnings"), (json::array{"column 'No' is not known and was skipped"}));
  // The same warning as a code the web app puts into the reader's language.
  EXPECT_EQ(job.at("warning_details"),
            (json::array{json::object{{"code", "unknown_column"}, {"params", {{"column", "No"}}}}}));
  EXPECT_NE(job.at("started_at"), nullptr);
  EXPECT_NE(job.at("finished_at"), nullptr);

  json::value batik = Enterprise("sekar");
  EXPECT_EQ(batik.at("turnover"), 1'500'000);
  EXPECT_EQ(batik.at("scale"), "micro");
  EXPECT_EQ(batik.at("owner").at("name"), "Siti Aminah");
  EXPECT_EQ(batik.at("nib"), "1234567890123");
  EXPECT_EQ(batik.at("steward_id"), 1);  // the officer's stakeholder
  json::value keripik = Enterprise("keripik");
  EXPECT_EQ(keripik.at("sector"), "food_processing");
  EXPECT_EQ(keripik.at("turnover"), 2'500'000'000);
  EXPECT_EQ(keripik.at("scale"), "small");
  EXPECT_EQ(keripik.at("nib"), nullptr);
  EXPECT_EQ(People(), 2);

  Reply list = Get("/api/v1/imports", &officer_);
  ASSERT_EQ(list.status(), 200) << list;
  EXPECT_EQ(list.body.at("total"), 1);
}

TEST_P(Imports, QuotedFieldsKeepSemicolonsAndNewlinesAndLinesStayTrue) {
  std::string csv = std::string(kBom) +
      "nama_pemilik;nama_usaha;sektor;kode_desa;produk;catatan\r\n"
      "Siti Aminah;Batik Sekar Arum;batik;35.79.02.2006;\"batik tulis; kain \"\"premium\"\"\";"
      "\"ecoprint\r\njuga\"\r\n"
      "Rina Wati;Keripik Apel;10;35.79.99.9999;keripik;\r\n"
      "Dewi;Kopi;kuliner;35.79.03.2004;kopi;\r\n";
  std::int64_t id = Queue(csv);
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 3);
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("rows_failed"), 1);
  // The quoted record spans lines 2-3 (its line break is in a column not imported: an imported
  // cell may not hold one), so the bad row is line 4.
  EXPECT_EQ(Errors(id), (std::vector<std::string>{"4:kode_desa"}));
  EXPECT_EQ(Enterprise("sekar").at("products"), "batik tulis; kain \"premium\"");
}

TEST_P(Imports, MissingRequiredColumnFailsTheJobNamingIt) {
  std::int64_t id = Queue("nama_pemilik;nama_usaha;sektor;omzet\nSiti;Batik;batik;1000\n");
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "failed") << job;
  std::string message(job.at("message").as_string());
  EXPECT_NE(message.find("village_code"), std::string::npos) << message;
  EXPECT_NE(message.find("kode_desa"), std::string::npos) << message;
  EXPECT_EQ(job.at("message_code"), "missing_columns");
  EXPECT_EQ(job.at("message_params"), (json::object{{"columns", "kode_desa (village_code)"}}));
  EXPECT_EQ(job.at("rows_inserted"), 0);
  EXPECT_EQ(Enterprises(), 0);

  std::int64_t twice = Queue("name,nama_usaha,owner_name,sector,village_code\nA,B,C,batik,35.79.02.2006\n");
  Run(twice);
  json::value duplicated = Job(twice);
  EXPECT_EQ(duplicated.at("status"), "failed");
  EXPECT_NE(std::string(duplicated.at("message").as_string()).find("twice"), std::string::npos) << duplicated;
  EXPECT_EQ(duplicated.at("message_code"), "duplicate_column");  // name and nama_usaha are one column
  EXPECT_EQ(duplicated.at("message_params"), (json::object{{"column", "nama_usaha (name)"}}));

  std::int64_t none = Queue("\n");
  Run(none);
  EXPECT_EQ(Job(none).at("status"), "failed");
  EXPECT_EQ(Job(none).at("message_code"), "empty_file");  // a blank line is no header
  EXPECT_EQ(Enterprises(), 0);
}

TEST_P(Imports, BadRowsAreReportedByLineAndFieldWhileGoodRowsAreKept) {
  std::string csv =
      "nama_pemilik;nik;persetujuan_nik;nama_usaha;sektor;kode_desa;omzet;nib\n"
      "Siti Aminah;;;Batik Sekar Arum;batik;35.79.02.2006;1.500.000;1111111111111\n"   // 2 ok
      "Rina;;;Keripik;10;35.79.02.9999;1000;\n"                                        // 3 village
      "Dewi;;;Kopi;kuliner;35.79.03.2004;1000;123456789012\n"                          // 4 nib
      "Bambang;;;Tahu;10;35.79.03.2004;-5;\n"                                          // 5 omzet
      "Ayu;3507012345670001;;Jamu;11;35.79.03.2004;;\n"                                // 6 consent
      "Eko;;;Batik Lain;batik;35.79.01.2005;;1111111111111\n"                          // 7 same NIB
      "Wati;3507012345670002;ya;Sambal Wati;kuliner;35.79.01.2005;Rp. 3.000.000;\n";   // 8 ok
  std::int64_t id = Queue(csv);
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 7);
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("rows_failed"), 5);
  EXPECT_EQ(job.at("errors_stored"), 5);
  EXPECT_EQ(Errors(id), (std::vector<std::string>{"3:kode_desa", "4:nib", "5:omzet", "6:persetujuan_nik",
                                                  "7:nib"}));
  Reply errors = Get("/api/v1/imports/" + std::to_string(id) + "/errors?limit=1&offset=4", &officer_);
  ASSERT_EQ(errors.status(), 200) << errors;
  EXPECT_EQ(errors.body.at("total"), 5);
  const auto& duplicate = errors.body.at("items").as_array().at(0);
  EXPECT_EQ(duplicate.at("value"), "1111111111111");
  EXPECT_NE(std::string(duplicate.at("message").as_string()).find("line 2"), std::string::npos) << errors;

  // Nothing half-written: every person kept has their enterprise.
  EXPECT_EQ(Enterprises(), 2);
  EXPECT_EQ(People(), 2);
  Reply people = Get("/api/v1/people?q=wati", &officer_);
  ASSERT_EQ(people.body.at("total"), 1) << people;
  EXPECT_EQ(people.body.at("items").as_array()[0].at("nik"), "3507012345670002");

  // errors.csv in Indonesian unless asked otherwise. A value starting with '-' cannot become a
  // spreadsheet formula.
  EXPECT_EQ(CsvLines(id, "", &officer_),
            (std::vector<std::string>{
                "baris;kolom;nilai;pesan",
                "3;kode_desa;35.79.02.9999;tidak ada di daftar desa/kelurahan resmi",
                "4;nib;123456789012;NIB harus tepat 13 angka",
                "5;omzet;\"'-5\";tidak boleh negatif",
                "6;persetujuan_nik;;NIK hanya disimpan bila pemiliknya setuju: tulis ya di sini",
                "7;nib;1111111111111;NIB yang sama sudah ada di baris 2"}));
  EXPECT_EQ(CsvLines(id, "?lang=id", &officer_), CsvLines(id, "", &officer_));
  EXPECT_EQ(CsvLines(id, "?lang=en", &officer_),
            (std::vector<std::string>{
                "row;field;value;message",
                "3;kode_desa;35.79.02.9999;is not a village in the official region list",
                "4;nib;123456789012;must be exactly 13 digits",
                "5;omzet;\"'-5\";must not be negative",
                "6;persetujuan_nik;;a NIK is stored only with the owner’s consent: write ya here",
                "7;nib;1111111111111;the same NIB is already on line 2"}));
  // The API keeps its English messages beside the codes.
  EXPECT_EQ(Codes(id), (std::vector<std::string>{"3:kode_desa:unknown_village", "4:nib:bad_nib",
                                                 "5:omzet:negative",
                                                 "6:persetujuan_nik:nik_without_consent",
                                                 "7:nib:duplicate_nib line=2"}));
}

TEST_P(Imports, EveryKindOfBadCellComesBackWithItsCodeAndArguments) {
  const std::string header =
      "nama_pemilik;jenis_kelamin;tahun_lahir;telepon;nik;persetujuan_nik;nama_usaha;sektor;"
      "kode_desa;tenaga_kerja;modal;omzet;nib;status;tanggal_verifikasi\n";
  // A row that is right; each line below changes one cell of it.
  auto row = [](std::string column, std::string value, std::string owner = "Siti",
                std::string name = "Batik") {
    std::vector<std::pair<std::string, std::string>> cells = {
        {"nama_pemilik", owner}, {"jenis_kelamin", "P"}, {"tahun_lahir", "1980"},
        {"telepon", "0812-3456-7890"}, {"nik", ""}, {"persetujuan_nik", ""},
        {"nama_usaha", name}, {"sektor", "batik"}, {"kode_desa", "35.79.02.2006"},
        {"tenaga_kerja", "3"}, {"modal", "1.000.000"}, {"omzet", "Rp 2.500.000"},
        {"nib", ""}, {"status", "aktif"}, {"tanggal_verifikasi", "2025-12-01"}};
    std::string line;
    for (auto& [name_of, cell] : cells) {
      if (name_of == column) cell = value;
      line += cell + ";";
    }
    line.back() = '\n';
    return line;
  };
  std::string csv = header +
      "Siti;P\n" +                                                     // 2 too few fields
      row("nama_pemilik", "", "") +                                   // 3
      row("jenis_kelamin", "X", "A") +                                // 4
      row("tahun_lahir", "1800", "B") +                               // 5
      row("telepon", "telepon rumah", "C") +                          // 6
      row("nik", "123", "D") +                                        // 7
      row("nik", "3507012345670001", "E") +                           // 8 no consent
      row("sektor", "tambang", "F") +                                 // 9
      row("kode_desa", "35.79", "G") +                                // 10 a regency
      row("kode_desa", "35.79.02.9999", "H") +                        // 11
      row("tenaga_kerja", "200000", "I") +                            // 12
      row("modal", "-5", "J") +                                       // 13
      row("omzet", "1,5 juta", "K") +                                 // 14
      row("omzet", "9999999999999999999", "L") +                      // 15
      row("nib", "123", "M") +                                        // 16
      row("status", "buka", "N") +                                    // 17
      row("tanggal_verifikasi", "17/08/2024", "O") +                  // 18
      row("tanggal_verifikasi", "2026-02-01", "P") +                  // 19 after the clock's now
      row("nama_usaha", std::string(201, 'x'), "Q") +                 // 20
      row("nama_usaha", "Batik \xff", "R") +                          // 21
      row("nib", "1111111111111", "S", "Batik S") +                   // 22 right
      row("nib", "1111111111111", "T", "Batik T") +                   // 23
      row("nib", "", "S", "Batik S");                                 // 24 same as 22
  std::int64_t id = Queue(csv);
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_inserted"), 1);
  EXPECT_EQ(job.at("rows_failed"), 22);
  EXPECT_EQ(Codes(id), (std::vector<std::string>{
                           "2::field_count fields=2 header_fields=15",
                           "3:nama_pemilik:required",
                           "4:jenis_kelamin:bad_gender",
                           "5:tahun_lahir:bad_year min=1900 max=2026",
                           "6:telepon:bad_phone",
                           "7:nik:bad_nik",
                           "8:persetujuan_nik:nik_without_consent",
                           "9:sektor:unknown_sector",
                           "10:kode_desa:not_a_village",
                           "11:kode_desa:unknown_village",
                           "12:tenaga_kerja:out_of_range min=0 max=100000",
                           "13:modal:negative",
                           "14:omzet:not_rupiah",
                           "15:omzet:too_large",
                           "16:nib:bad_nib",
                           "17:status:bad_status",
                           "18:tanggal_verifikasi:bad_date",
                           "19:tanggal_verifikasi:in_future",
                           "20:nama_usaha:too_long max=200",
                           "21:nama_usaha:not_utf8",
                           "23:nib:duplicate_nib line=22",
                           "24:name:duplicate_enterprise line=22"}));

  // The files name the same problems in words, numbers with the reader's thousands separator.
  auto has = [](const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  std::vector<std::string> indonesian = CsvLines(id);
  ASSERT_EQ(indonesian.size(), 23u);
  EXPECT_EQ(indonesian[0], "baris;kolom;nilai;pesan");
  for (const std::string line : {
           "2;;;baris ini berisi 2 kolom, sedangkan baris judul berisi 15 kolom",
           "3;nama_pemilik;;wajib diisi",
           "4;jenis_kelamin;X;harus P atau L (perempuan atau laki-laki)",
           "5;tahun_lahir;1800;harus tahun dari 1900 sampai 2026",
           "10;kode_desa;35.79;bukan kode desa/kelurahan, contohnya 35.79.01.2001",
           "12;tenaga_kerja;200000;harus angka bulat dari 0 sampai 100.000",
           "14;omzet;1,5 juta;harus rupiah utuh seperti 1500000 atau 1.500.000",
           "15;omzet;9999999999999999999;angkanya terlalu besar",
           "18;tanggal_verifikasi;17/08/2024;harus tanggal yang ditulis tahun-bulan-tanggal, "
           "seperti 2024-08-17",
           "19;tanggal_verifikasi;2026-02-01;tanggalnya tidak boleh di masa depan",
           "24;name;Batik S;pemilik, nama usaha, dan desa yang sama sudah ada di baris 22"}) {
    EXPECT_TRUE(has(indonesian, line)) << line;
  }
  EXPECT_TRUE(has(indonesian, "20;nama_usaha;" + std::string(200, 'x') +
                                  ";paling banyak 200 karakter"));
  std::vector<std::string> english = CsvLines(id, "?lang=en");
  ASSERT_EQ(english.size(), 23u);
  EXPECT_EQ(english[0], "row;field;value;message");
  for (const std::string line : {
           "2;;;the row has 2 fields, but the header has 15",
           "3;nama_pemilik;;is required",
           "12;tenaga_kerja;200000;must be a whole number from 0 to 100,000",
           "24;name;Batik S;the same owner, name and village are already on line 22"}) {
    EXPECT_TRUE(has(english, line)) << line;
  }
  // The API's message stays the English sentence naming the column.
  Reply first = Get("/api/v1/imports/" + std::to_string(id) + "/errors?limit=2", &admin_);
  ASSERT_EQ(first.status(), 200) << first;
  EXPECT_EQ(first.body.at("items").as_array()[0].at("message"),
            "the row has 2 fields; the header has 15");
  EXPECT_EQ(first.body.at("items").as_array()[1].at("message"), "nama_pemilik is required");
  EXPECT_EQ(first.body.at("items").as_array()[1].at("params"), json::object{});
  // A cell that is not UTF-8 comes back with U+FFFD for its wrong byte.
  Reply utf8 = Get("/api/v1/imports/" + std::to_string(id) + "/errors?limit=1&offset=19", &admin_);
  ASSERT_EQ(utf8.status(), 200) << utf8;
  EXPECT_EQ(utf8.body.at("items").as_array()[0].at("value"), "Batik \xEF\xBF\xBD") << utf8;
}

TEST_P(Imports, ErrorsStoredWithoutACodeAreShownByTheirMessage) {
  std::int64_t id = Queue(kIndonesianFile);
  {
    // As stored before codes existed (V008), and with a code this build does not know.
    auto unit = db().Begin(domain::Access::kWrite);
    ASSERT_TRUE(unit.ok());
    ASSERT_TRUE((*unit)->Imports().AddErrors(id, {{2, "omzet", "x", "omzet is odd", "", {}},
                                                  {3, "nib", "y", "nib is odd", "from_v99", {}}})
                    .ok());
    ASSERT_TRUE((*unit)->Commit().ok());
  }
  EXPECT_EQ(Codes(id), (std::vector<std::string>{"2:omzet:", "3:nib:from_v99"}));
  EXPECT_EQ(CsvLines(id), (std::vector<std::string>{"baris;kolom;nilai;pesan",
                                                    "2;omzet;x;omzet is odd", "3;nib;y;nib is odd"}));
  EXPECT_EQ(CsvLines(id, "?lang=en"), (std::vector<std::string>{"row;field;value;message",
                                                                "2;omzet;x;omzet is odd",
                                                                "3;nib;y;nib is odd"}));
}

// A NUL in a cell used to be stored as is by SQLite (so duplicate checks missed "Ba\0tik") and
// failed the whole batch on PostgreSQL; a line break in a one-line cell slipped in too.
TEST_P(Imports, AControlCharacterInACellRefusesThatRowAndTheOthersAreImported) {
  using namespace std::string_literals;
  std::string csv =
      "nama_pemilik;nama_usaha;sektor;kode_desa;ca\0tatan\n"s +
      "Siti Aminah;Batik\0Sekar;batik;35.79.02.2006;x\n"s +         // 2: NUL
      "Rina Wati;Keripik Apel;olahan pangan;35.79.01.2005;\0\n"s +  // 3: ok (unknown column)
      "\"Dewi\nLestari\";Kopi;kuliner;35.79.03.2004;\n" +          // 4-5: a line break
      "Bambang;Tahu\x1B[31m;kuliner;35.79.03.2004;\n" +              // 6: ESC
      "Ayu;Jamu Ayu;kuliner;35.79.03.2004;\n";                      // 7: ok
  std::int64_t id = Queue(csv);
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 5);
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("rows_failed"), 3);
  EXPECT_EQ(Codes(id), (std::vector<std::string>{"2:nama_usaha:control_character",
                                                 "4:nama_pemilik:control_character",
                                                 "6:nama_usaha:control_character"}));
  // The unknown column is named back without its NUL.
  EXPECT_EQ(job.at("warning_details").at(0).at("params").at("column"), "ca\xEF\xBF\xBDtatan") << job;
  EXPECT_EQ(CsvLines(id), (std::vector<std::string>{
                              "baris;kolom;nilai;pesan",
                              "2;nama_usaha;Batik\xEF\xBF\xBDSekar;berisi karakter kendali (seperti NUL, "
                              "tab, atau ganti baris) yang tidak boleh ada di sel",
                              "4;nama_pemilik;Dewi\xEF\xBF\xBDLestari;berisi karakter kendali (seperti "
                              "NUL, tab, atau ganti baris) yang tidak boleh ada di sel",
                              "6;nama_usaha;Tahu\xEF\xBF\xBD[31m;berisi karakter kendali (seperti NUL, "
                              "tab, atau ganti baris) yang tidak boleh ada di sel"}));
  std::vector<std::string> names = EnterpriseNames();
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Jamu Ayu", "Keripik Apel"}));
}

// One quoted cell of several megabytes (a pasted file, a runaway quote closed much later) is
// neither kept in memory nor imported: its row is refused and the rest of the file goes in.
TEST_P(Imports, ACellLongerThan64KiBRefusesItsRowAndTheOthersAreImported) {
  std::string huge = "\"";
  while (huge.size() < 5'000'000) huge += "tulis; \"\"cap\"\"\r\nbatik ";
  huge += "\"";
  std::string csv = "nama_pemilik;nama_usaha;produk;sektor;kode_desa\r\n"
                    "Siti Aminah;Batik Sekar;tulis;batik;35.79.02.2006\r\n"
                    "Rina Wati;Keripik Apel;" + huge + ";olahan pangan;35.79.01.2005\r\n"
                    "Ayu;Jamu Ayu;jamu;kuliner;35.79.03.2004\r\n";
  std::int64_t id = Queue(csv);
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 3);
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("rows_failed"), 1);
  EXPECT_EQ(Codes(id), (std::vector<std::string>{"3:produk:field_too_long max=65536"}));
  EXPECT_EQ(CsvLines(id, "?lang=en"),
            (std::vector<std::string>{"row;field;value;message",
                                      "3;produk;;is longer than 65,536 bytes, so the row was not read"}));
  std::vector<std::string> names = EnterpriseNames();
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Batik Sekar", "Jamu Ayu"}));
  EXPECT_EQ(Enterprise("jamu").at("products"), "jamu");
}

TEST_P(Imports, ANikOfAnotherPersonOrOfAnEarlierLineRefusesTheRow) {
  Reply holder = Write("POST", "/api/v1/people",
                       json::object{{"name", "Siti Lain"}, {"nik", "3507012345670001"},
                                    {"nik_consent", true}},
                       &officer_);
  ASSERT_EQ(holder.status(), 201) << holder;
  const std::string holder_id = std::to_string(holder.body.at("id").as_int64());
  std::string csv =
      "nama_pemilik;nik;persetujuan_nik;nama_usaha;sektor;kode_desa\n"
      "Ayu;3507012345670001;ya;Jamu Ayu;kuliner;35.79.03.2004\n"     // 2: Siti Lain's NIK
      "Wati;3507012345670002;ya;Sambal Wati;kuliner;35.79.01.2005\n"  // 3: ok
      "Dewi;3507012345670002;ya;Kopi Dewi;kuliner;35.79.03.2004\n"    // 4: line 3's NIK
      "Eko;;;Tahu Eko;kuliner;35.79.03.2004\n";                        // 5: ok
  std::int64_t id = Queue(csv);
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("rows_failed"), 2);
  std::vector<std::string> codes = Codes(id);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"2:nik:nik_registered person_id=" + holder_id,
                                             "4:nik:duplicate_nik line=3"}));
  // errors.csv shows the NIK masked.
  std::vector<std::string> lines = CsvLines(id, "?lang=en");
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "2;nik;3507********0001;another person of the registry (#" + holder_id +
                           ") already has this NIK: a NIK belongs to one person",
                       "4;nik;3507********0002;the same NIK is already on line 3",
                       "row;field;value;message"}));
  // An update keeps its own owner's NIK.
  std::int64_t again = Queue("nama_pemilik;nik;persetujuan_nik;nama_usaha;sektor;kode_desa;omzet\n"
                             "Wati;3507012345670002;ya;Sambal Wati;kuliner;35.79.01.2005;5000000\n",
                             "?kind=enterprises&mode=upsert");
  Run(again);
  json::value updated = Job(again);
  EXPECT_EQ(updated.at("rows_updated"), 1) << updated;
  EXPECT_EQ(updated.at("rows_failed"), 0) << updated;
}

TEST_P(Imports, AnImportLeavesPlannerStatisticsOfWhatItFilled) {
  std::int64_t id = Queue(kIndonesianFile);
  Run(id);
  ASSERT_EQ(Job(id).at("rows_inserted"), 2);
  if (GetParam() == testing::Backend::kPostgresql) {
    auto tuples = test_database().QueryInt(
        "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = 'enterprises'::regclass");
    ASSERT_TRUE(tuples.ok()) << tuples.error().message;
    EXPECT_EQ(*tuples, 2) << "never analysed: -1";
    auto people = test_database().QueryInt(
        "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE oid = 'people'::regclass");
    ASSERT_TRUE(people.ok()) << people.error().message;
    EXPECT_EQ(*people, 2);
  } else {
    auto rows = test_database().QueryInt("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'enterprises'");
    ASSERT_TRUE(rows.ok()) << "no sqlite_stat1: " << rows.error().message;
    EXPECT_GT(*rows, 0);
  }
}

TEST_P(Imports, ErrorsCsvRefusesALanguageItDoesNotSpeak) {
  std::int64_t id = Queue(kIndonesianFile);
  for (const std::string query : {"?lang=fr", "?lang=", "?lang=ID", "?lang=id-ID"}) {
    Reply reply = Get("/api/v1/imports/" + std::to_string(id) + "/errors.csv" + query, &admin_);
    EXPECT_EQ(reply.status(), 400) << query << ": " << reply;
    EXPECT_EQ(reply.field_errors(), (std::vector<std::string>{"lang:invalid_value"})) << query;
  }
  Reply other = Get("/api/v1/imports/" + std::to_string(id) + "/errors.csv?language=en", &admin_);
  EXPECT_EQ(other.field_errors(), (std::vector<std::string>{"language:unknown_field"})) << other;
}

TEST_P(Imports, UnclosedQuoteFailsTheJobKeepingOnlyWholeBatches) {
  registry::ImportService small(db(), clock(), Batches(2));
  std::string csv =
      "owner_name,name,sector,village_code\n"
      "A,Usaha 1,batik,35.79.02.2006\n"
      "B,Usaha 2,batik,35.79.02.2006\n"
      "C,Usaha 3,batik,35.79.02.2006\n"
      "D,Usaha 4,batik,35.79.02.2006\n"
      "E,Usaha 5,batik,35.79.02.2006\n"
      "F,\"Usaha 6,batik,35.79.02.2006\n";
  std::int64_t id = Queue(csv);
  Run(id, &small);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "failed") << job;
  EXPECT_TRUE(job.at("message").is_string()) << job;
  EXPECT_EQ(job.at("message_code"), "malformed_file");
  EXPECT_EQ(job.at("message_params"), (json::object{{"line", "7"}}));
  // Every whole row before the broken one is kept: rows 1-4 in two batches, row 5 in the last.
  EXPECT_EQ(job.at("rows_read"), 5);
  EXPECT_EQ(job.at("rows_inserted"), 5);
  EXPECT_EQ(Enterprises(), 5);
  EXPECT_EQ(People(), 5);
}

TEST_P(Imports, InsertReRunRefusesEveryRowAsAlreadyRegistered) {
  std::int64_t first = Queue(kIndonesianFile);
  Run(first);
  std::int64_t second = Queue(kIndonesianFile);
  Run(second);
  json::value job = Job(second);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_inserted"), 0);
  EXPECT_EQ(job.at("rows_failed"), 2);
  // Matched by NIB on line 2, by owner + name + village on line 3.
  EXPECT_EQ(Errors(second), (std::vector<std::string>{"2:nib", "3:name"}));
  Reply errors = Get("/api/v1/imports/" + std::to_string(second) + "/errors", &admin_);
  for (const auto& error : errors.body.at("items").as_array()) {
    EXPECT_NE(std::string(error.at("message").as_string()).find("already registered"), std::string::npos);
  }
  std::string batik = std::to_string(Enterprise("sekar").at("id").as_int64());
  std::string keripik = std::to_string(Enterprise("keripik").at("id").as_int64());
  EXPECT_EQ(Codes(second), (std::vector<std::string>{"2:nib:nib_registered enterprise_id=" + batik,
                                                     "3:name:enterprise_registered enterprise_id=" +
                                                         keripik}));
  std::vector<std::string> csv = CsvLines(second);
  ASSERT_EQ(csv.size(), 3u);
  EXPECT_EQ(csv[1], "2;nib;1234567890123;sudah terdaftar sebagai usaha nomor " + batik +
                        " (NIB-nya sama). Untuk memperbaruinya, impor dengan cara Tambah dan "
                        "perbarui");
  EXPECT_EQ(csv[2], "3;name;Keripik Apel;sudah terdaftar sebagai usaha nomor " + keripik +
                        " (pemilik, nama usaha, dan desanya sama). Untuk memperbaruinya, impor "
                        "dengan cara Tambah dan perbarui");
  EXPECT_EQ(Enterprises(), 2);
  EXPECT_EQ(People(), 2);
}

TEST_P(Imports, UpsertReRunUpdatesMatchingEnterprises) {
  std::int64_t first = Queue(kIndonesianFile);
  Run(first);
  std::int64_t keripik_id = Enterprise("keripik").at("id").as_int64();
  std::string changed = std::string(kBom) +
      "nama_pemilik;nama_usaha;sektor;kode_desa;omzet;nib\r\n"
      "Siti Aminah;Batik Sekar Arum;batik;35.79.02.2006;20.000.000.000;1234567890123\r\n"
      "RINA WATI;KERIPIK APEL;olahan pangan;35.79.01.2005;3.000.000;\r\n"  // matched case-insensitively
      "Dewi;Kopi Dewi;kuliner;35.79.03.2004;;\r\n";                        // new
  std::int64_t second = Queue(changed, "?kind=enterprises&mode=upsert");
  Run(second);
  json::value job = Job(second);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("mode"), "upsert");
  EXPECT_EQ(job.at("rows_updated"), 2);
  EXPECT_EQ(job.at("rows_inserted"), 1);
  EXPECT_EQ(job.at("rows_failed"), 0);
  EXPECT_EQ(Enterprises(), 3);
  EXPECT_EQ(People(), 3);
  json::value batik = Enterprise("sekar");
  EXPECT_EQ(batik.at("turnover"), 20'000'000'000);
  EXPECT_EQ(batik.at("scale"), "medium");
  json::value keripik = Enterprise("keripik");
  EXPECT_EQ(keripik.at("id"), keripik_id);
  EXPECT_EQ(keripik.at("turnover"), 3'000'000);

  Reply history = Get("/api/v1/enterprises/" + std::to_string(keripik_id) + "/history", &admin_);
  ASSERT_EQ(history.status(), 200) << history;
  const auto& items = history.body.at("items").as_array();
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].at("action"), "import_update");
  EXPECT_EQ(items[0].at("before").at("turnover"), 2'500'000'000);
  EXPECT_EQ(items[0].at("after").at("turnover"), 3'000'000);
  // The oldest entry is the import that created it (the first job, not the one that updated it).
  ASSERT_EQ(items.size(), 2u) << history;
  EXPECT_EQ(history.body.at("total"), 2);
  EXPECT_EQ(items[1].at("action"), "import");
  EXPECT_EQ(items[1].at("after").at("import_job"), first);
  EXPECT_EQ(items[1].at("after").at("file_name"), "umkm-batu.csv");
  // Paged one at a time, the creation comes last, once.
  Reply last = Get("/api/v1/enterprises/" + std::to_string(keripik_id) + "/history?limit=1&offset=1", &admin_);
  ASSERT_EQ(last.status(), 200) << last;
  ASSERT_EQ(last.body.at("items").as_array().size(), 1u) << last;
  EXPECT_EQ(last.body.at("items").as_array()[0].at("action"), "import");
  Reply newest = Get("/api/v1/enterprises/" + std::to_string(keripik_id) + "/history?limit=1", &admin_);
  ASSERT_EQ(newest.body.at("items").as_array().size(), 1u) << newest;
  EXPECT_EQ(newest.body.at("items").as_array()[0].at("action"), "import_update");
  Reply beyond = Get("/api/v1/enterprises/" + std::to_string(keripik_id) + "/history?offset=2", &admin_);
  EXPECT_TRUE(beyond.body.at("items").as_array().empty()) << beyond;
  // The enterprise the upsert added was created by that second job.
  Reply dewi = Get("/api/v1/enterprises/" + std::to_string(Enterprise("dewi").at("id").as_int64()) +
                   "/history", &admin_);
  ASSERT_EQ(dewi.status(), 200) << dewi;
  ASSERT_EQ(dewi.body.at("items").as_array().size(), 1u) << dewi;
  EXPECT_EQ(dewi.body.at("items").as_array()[0].at("after").at("import_job"), second);
}

TEST_P(Imports, DryRunWritesNothingButTheJob) {
  std::int64_t id = Queue(kIndonesianFile, "?kind=enterprises&dry_run=true");
  Run(id);
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("dry_run"), true);
  EXPECT_EQ(job.at("rows_inserted"), 2);  // what it would do
  EXPECT_EQ(Enterprises(), 0);
  EXPECT_EQ(People(), 0);
  // A real run afterwards still inserts everything.
  std::int64_t real = Queue(kIndonesianFile);
  Run(real);
  EXPECT_EQ(Job(real).at("rows_inserted"), 2);
  EXPECT_EQ(Enterprises(), 2);
}

TEST_P(Imports, UploadsAreRefusedForBadRequestsAndOtherRoles) {
  Reply json_body = Upload(kIndonesianFile, "?kind=enterprises", nullptr, "application/json");
  EXPECT_EQ(json_body.status(), 415) << json_body;
  Reply mode = Upload(kIndonesianFile, "?kind=enterprises&mode=replace");
  EXPECT_EQ(mode.status(), 400) << mode;
  EXPECT_EQ(mode.field_errors(), (std::vector<std::string>{"mode:invalid_value"}));
  Reply kind = Upload(kIndonesianFile, "");
  EXPECT_EQ(kind.field_errors(), (std::vector<std::string>{"kind:required"}));
  Reply other_kind = Upload(kIndonesianFile, "?kind=people");
  EXPECT_EQ(other_kind.field_errors(), (std::vector<std::string>{"kind:invalid_value"}));
  Reply dry = Upload(kIndonesianFile, "?kind=enterprises&dry_run=yes");
  EXPECT_EQ(dry.field_errors(), (std::vector<std::string>{"dry_run:invalid_value"}));
  Reply unknown = Upload(kIndonesianFile, "?kind=enterprises&sheet=1");
  EXPECT_EQ(unknown.field_errors(), (std::vector<std::string>{"sheet:unknown_field"}));
  Reply empty = Upload("", "?kind=enterprises");
  EXPECT_EQ(empty.status(), 400) << empty;
  EXPECT_EQ(empty.field_errors(), (std::vector<std::string>{"file:required"}));
  Browser facilitator = Login("facilitator");
  EXPECT_EQ(Upload(kIndonesianFile, "?kind=enterprises", &facilitator).status(), 403);
  EXPECT_EQ(Get("/api/v1/imports", &facilitator).status(), 403);
  EXPECT_TRUE(services().queued_imports.empty());
  EXPECT_EQ(Get("/api/v1/imports", &admin_).body.at("total"), 0);
}

TEST_P(Imports, AnOfficerSeesOnlyTheirOwnJobs) {
  std::int64_t mine = Queue(kIndonesianFile);
  std::int64_t admins = Queue(kIndonesianFile, "?kind=enterprises", &admin_);
  CreateUser("officer_b", Role::kOfficer);
  Browser other = Login("officer_b");
  for (const std::string suffix : {"", "/errors", "/errors.csv"}) {
    EXPECT_EQ(Get("/api/v1/imports/" + std::to_string(mine) + suffix, &other).status(), 404) << suffix;
    EXPECT_EQ(Get("/api/v1/imports/" + std::to_string(admins) + suffix, &officer_).status(), 404) << suffix;
  }
  EXPECT_EQ(Get("/api/v1/imports", &other).body.at("total"), 0);
  Reply own = Get("/api/v1/imports", &officer_);
  ASSERT_EQ(own.body.at("total"), 1) << own;
  EXPECT_EQ(own.body.at("items").as_array()[0].at("id"), mine);
  EXPECT_EQ(Get("/api/v1/imports", &admin_).body.at("total"), 2);
  EXPECT_EQ(Get("/api/v1/imports/" + std::to_string(mine), &admin_).status(), 200);
  EXPECT_EQ(Get("/api/v1/imports/999", &admin_).status(), 404);
  EXPECT_EQ(Get("/api/v1/imports/abc", &admin_).status(), 404);
}

// ---- resuming a job whose process was killed ----

struct Killed : std::runtime_error {
  Killed() : std::runtime_error("killed") {}
};

// The rows of an in-memory CSV; "dies" (throws, as if the process were killed) when asked for
// data row `die_at` (1-based), 0 never.
class DyingSource final : public registry::RowSource {
 public:
  DyingSource(const std::string& text, std::int64_t die_at)
      : rows_(std::make_unique<std::istringstream>(text)), die_at_(die_at) {}
  core::Result<std::vector<registry::JobNote>> Start() override { return rows_.Start(); }
  core::Result<bool> Next(registry::ImportRow& row) override {
    if (++rows_asked_ == die_at_) throw Killed();
    return rows_.Next(row);
  }
  std::int64_t BytesRead() const override { return rows_.BytesRead(); }

 private:
  io::CsvRowSource rows_;
  std::int64_t die_at_;
  std::int64_t rows_asked_ = 0;
};

// A batch the database refuses fails the job. What the database said (its SQL, the values of
// the batch's other rows) goes to the log under the job's number, never into the job that
// officers read.
TEST_P(Imports, ADatabaseRefusalFailsTheJobWithoutTheDatabasesWords) {
  if (GetParam() == testing::Backend::kPostgresql) {
    ASSERT_TRUE(test_database()
                    .Execute("CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ "
                             "BEGIN IF NEW.name = 'Usaha Ditolak' THEN "
                             "RAISE EXCEPTION 'refused by a test trigger: %', NEW.name; END IF; "
                             "RETURN NEW; END $$")
                    .ok());
    ASSERT_TRUE(test_database()
                    .Execute("CREATE TRIGGER refuse_for_test BEFORE INSERT ON enterprises "
                             "FOR EACH ROW EXECUTE FUNCTION refuse_for_test()")
                    .ok());
  } else {
    ASSERT_TRUE(test_database()
                    .Execute("CREATE TRIGGER refuse_for_test BEFORE INSERT ON enterprises "
                             "WHEN NEW.name = 'Usaha Ditolak' "
                             "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END")
                    .ok());
  }
  std::vector<std::pair<std::int64_t, std::string>> logged;
  registry::ImportOptions options = Batches(2);
  options.report_database_error = [&](std::int64_t job, const core::Error& error) {
    logged.emplace_back(job, error.message);
  };
  registry::ImportService small(db(), clock(), options);
  std::string csv =
      "owner_name,name,sector,village_code,nib\n"
      "Ani Terbuka,Usaha Satu,batik,35.79.02.2006,1000000000001\n"
      "Budi Terbuka,Usaha Dua,batik,35.79.02.2006,1000000000002\n"
      "Citra Rahasia,Usaha Citra,batik,35.79.02.2006,1000000000003\n"  // the refused batch
      "Dedi Rahasia,Usaha Ditolak,batik,35.79.02.2006,1000000000004\n"
      "Eka Terbuka,Usaha Lima,batik,35.79.02.2006,1000000000005\n";
  std::int64_t id = Queue(csv);
  Run(id, &small);
  json::value job = Job(id, &officer_);
  EXPECT_EQ(job.at("status"), "failed") << job;
  EXPECT_EQ(job.at("rows_inserted"), 2);
  EXPECT_EQ(job.at("message_code"), "database_error") << job;
  ASSERT_EQ(job.at("message_params").as_object().size(), 1u) << job;
  EXPECT_EQ(std::string(job.at("message_params").at("job").as_string()), std::to_string(id));
  std::string message(job.at("message").as_string());
  EXPECT_EQ(message, "the database refused the write; the administrator can find details in the "
                     "log under job " + std::to_string(id));
  std::string whole = json::serialize(job);
  for (const char* secret : {"Rahasia", "Citra", "Ditolak", "1000000000003", "INSERT", "COPY",
                             "trigger", "people"}) {
    EXPECT_EQ(whole.find(secret), std::string::npos) << secret << " in " << whole;
  }
  // The log has it all, under the job's number.
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].first, id);
  EXPECT_NE(logged[0].second.find("refused by a test trigger"), std::string::npos) << logged[0].second;
  EXPECT_EQ(Enterprises(), 2);
}

TEST_P(Imports, AJobKilledMidwayKeepsWholeBatchesAndResumesWithoutDuplicates) {
  registry::ImportService small(db(), clock(), Batches(2));
  std::string csv =
      "owner_name,name,sector,village_code,nib\n"
      "A,Usaha 1,batik,35.79.02.2006,1000000000001\n"
      "B,Usaha 2,batik,35.79.99.9999,1000000000002\n"  // unknown village: one failed row
      "C,Usaha 3,batik,35.79.02.2006,1000000000003\n"
      "D,Usaha 4,batik,35.79.02.2006,1000000000004\n"
      "E,Usaha 5,batik,35.79.02.2006,1000000000005\n"
      "F,Usaha 6,batik,35.79.02.2006,1000000000006\n"
      "G,Usaha 7,batik,35.79.02.2006,1000000000007\n";
  std::int64_t id = Queue(csv);

  // Killed when about to read data row 6: rows 1-4 were committed in two batches, row 5 was
  // read into the open batch and is lost with the process.
  DyingSource dying(csv, 6);
  EXPECT_THROW((void)small.Run(id, dying, nullptr), Killed);
  json::value interrupted = Job(id);
  EXPECT_EQ(interrupted.at("status"), "running") << interrupted;
  EXPECT_EQ(interrupted.at("rows_read"), 4);
  EXPECT_EQ(interrupted.at("rows_inserted"), 3);
  EXPECT_EQ(interrupted.at("rows_failed"), 1);
  EXPECT_EQ(Enterprises(), 3);
  EXPECT_EQ(People(), 3);
  auto unfinished = small.Unfinished();
  ASSERT_TRUE(unfinished.ok());
  ASSERT_EQ(unfinished->size(), 1u);
  EXPECT_EQ(unfinished->front().id, id);

  // The restarted worker runs the job again over the whole file.
  DyingSource whole(csv, 0);
  auto resumed = small.Run(id, whole, nullptr);
  ASSERT_TRUE(resumed.ok()) << resumed.error().message;
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 7);
  EXPECT_EQ(job.at("rows_inserted"), 6);
  EXPECT_EQ(job.at("rows_failed"), 1);
  EXPECT_EQ(job.at("errors_stored"), 1);  // the failed row is not reported twice
  EXPECT_EQ(Errors(id), (std::vector<std::string>{"3:village_code"}));
  EXPECT_EQ(Enterprises(), 6);
  EXPECT_EQ(People(), 6);
  EXPECT_EQ(EnterpriseNames(),
            (std::vector<std::string>{"Usaha 1", "Usaha 3", "Usaha 4", "Usaha 5", "Usaha 6", "Usaha 7"}));
  // Finished jobs are not run again.
  DyingSource again(csv, 0);
  ASSERT_TRUE(small.Run(id, again, nullptr).ok());
  EXPECT_EQ(Enterprises(), 6);
  EXPECT_TRUE(small.Unfinished()->empty());
}

// How many secondary indexes of people and enterprises are in place, read by suspending them
// in a transaction that is then rolled back.
int IndexesInPlace(domain::Database& database) {
  auto unit = database.Begin(domain::Access::kWrite);
  if (!unit.ok()) return -1;
  auto suspended = (*unit)->Bulk().SuspendIndexes();
  if (!suspended.ok()) ADD_FAILURE() << suspended.error().message;
  return suspended.ok() ? *suspended : -1;  // the unit rolls back when it goes out of scope
}

TEST_P(Imports, ABulkLoadIntoAnEmptyRegistryBuildsItsIndexesAtTheEndEvenAfterAKill) {
  const int indexes = IndexesInPlace(db());
  ASSERT_GE(indexes, 5);  // people and enterprises each have several (village, name, ...)
  // Every file counts as large here, so the registry being empty, the job bulk-loads.
  registry::ImportService bulk(db(), clock(), Batches(2, 1));
  std::string csv =
      "owner_name,name,sector,village_code,nib\n"
      "A,Usaha 1,batik,35.79.02.2006,1000000000001\n"
      "B,Usaha 2,batik,35.79.02.2006,1000000000002\n"
      "C,Usaha 3,batik,35.79.02.2006,1000000000003\n"
      "D,Usaha 4,batik,35.79.02.2006,1000000000004\n"
      "E,Usaha 5,batik,35.79.02.2006,1000000000005\n";
  std::int64_t id = Queue(csv);
  DyingSource dying(csv, 4);
  EXPECT_THROW((void)bulk.Run(id, dying, nullptr), Killed);
  EXPECT_EQ(Job(id).at("status"), "running");
  EXPECT_EQ(Enterprises(), 2);
  EXPECT_EQ(IndexesInPlace(db()), 0) << "the killed load left its indexes suspended";

  DyingSource whole(csv, 0);
  ASSERT_TRUE(bulk.Run(id, whole, nullptr).ok());
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_inserted"), 5);
  EXPECT_EQ(IndexesInPlace(db()), indexes) << "every index is back";
  // The province's total is added up from the tallies, counted again at the end.
  EXPECT_EQ(Total("/api/v1/enterprises?region=35&sector=batik"), 5);
  // The rebuilt indexes serve the usual questions.
  EXPECT_EQ(Total("/api/v1/enterprises?region=35.79.02.2006&sort=name"), 5);
  EXPECT_EQ(Enterprise("1000000000004").at("name"), "Usaha 4");
  // Search finds every row, those of the killed run included, in the region or not.
  EXPECT_EQ(Total("/api/v1/enterprises?q=usaha"), 5);
  EXPECT_EQ(Total("/api/v1/enterprises?q=usaha&region=35.79.02"), 5);
  EXPECT_EQ(Total("/api/v1/enterprises?q=usaha&region=35.07"), 0);
  // Two letters over the whole registry: PostgreSQL's prefix tallies, counted again.
  EXPECT_EQ(Total("/api/v1/enterprises?q=us"), 5);
  EXPECT_EQ(Total("/api/v1/enterprises?q=10"), 5);  // the NIBs
}

TEST_P(Imports, ASmallFileOrABusyRegistryKeepsTheIndexesInPlace) {
  const int indexes = IndexesInPlace(db());
  Run(Queue("owner_name,name,sector,village_code\nA,Usaha 1,batik,35.79.02.2006\n"));
  EXPECT_EQ(IndexesInPlace(db()), indexes);
  EXPECT_EQ(Total("/api/v1/enterprises?q=usaha&region=35.79"), 1);  // searchable at once
  // The registry now has an enterprise: even a "large" file is checked row by row, indexed.
  registry::ImportService bulk(db(), clock(), Batches(2, 1));
  std::int64_t id = Queue("owner_name,name,sector,village_code\nB,Usaha 2,batik,35.79.02.2006\n");
  std::string csv = "owner_name,name,sector,village_code\nB,Usaha 2,batik,35.79.02.2006\n";
  DyingSource dying(csv, 1);
  EXPECT_THROW((void)bulk.Run(id, dying, nullptr), Killed);
  EXPECT_EQ(IndexesInPlace(db()), indexes);
}

TEST_P(Imports, AStopRequestEndsTheRunAfterAWholeBatchAndTheNextRunFinishesIt) {
  registry::ImportService small(db(), clock(), Batches(2));
  std::string csv =
      "owner_name,name,sector,village_code\n"
      "A,Usaha 1,batik,35.79.02.2006\n"
      "B,Usaha 2,batik,35.79.02.2006\n"
      "C,Usaha 3,batik,35.79.02.2006\n"
      "D,Usaha 4,batik,35.79.02.2006\n"
      "E,Usaha 5,batik,35.79.02.2006\n";
  std::int64_t id = Queue(csv);
  std::stop_source stop;
  DyingSource first(csv, 0);
  // The server is asked to stop while the first batch is being written.
  auto paused = small.Run(id, first, [&](const registry::ImportJob&) { stop.request_stop(); },
                          stop.get_token());
  ASSERT_TRUE(paused.ok()) << paused.error().message;
  EXPECT_EQ(paused->status, registry::JobStatus::kRunning);
  EXPECT_EQ(paused->rows_read, 2);
  EXPECT_EQ(Job(id).at("status"), "running");
  EXPECT_EQ(Enterprises(), 2);

  DyingSource rest(csv, 0);
  ASSERT_TRUE(small.Run(id, rest, nullptr).ok());
  json::value job = Job(id);
  EXPECT_EQ(job.at("status"), "succeeded") << job;
  EXPECT_EQ(job.at("rows_read"), 5);
  EXPECT_EQ(job.at("rows_inserted"), 5);
  EXPECT_EQ(EnterpriseNames(),
            (std::vector<std::string>{"Usaha 1", "Usaha 2", "Usaha 3", "Usaha 4", "Usaha 5"}));
}

// A registry large enough that a list walks the sort's index instead of sorting its match
// (SQLite, from 1,000 matches that are a large share of the table): the pages must be the same
// as a sort of the whole match would give, and drill-down counts must add up per area.
TEST_P(Imports, LargeMatchesPageInTheSameOrderWhicheverWayTheDatabaseReadsThem) {
  struct Row {
    std::string name, village;
    long long turnover;
  };
  std::vector<Row> rows;
  std::string csv = "owner_name;name;sector;village_code;turnover\n";
  for (int i = 0; i < 1500; ++i) {
    // 1,400 in Sisir (35.79.01.2005), 100 in Temas (35.79.01.2006); names not in id order.
    Row row{"Usaha " + std::to_string((i * 7919) % 1500 + 10000),
            i % 15 == 0 ? "35.79.01.2006" : "35.79.01.2005", (i * 104729LL) % 5000 * 1000};
    csv += "Pemilik " + std::to_string(i) + ";" + row.name + ";" + (i % 3 ? "batik" : "kuliner") +
           ";" + row.village + ";" + std::to_string(row.turnover) + "\n";
    rows.push_back(row);
  }
  Run(Queue(csv));
  ASSERT_EQ(Enterprises(), 1500);

  auto page = [&](const std::string& query) {
    Reply reply = Get("/api/v1/enterprises?" + query, &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    std::vector<std::string> names;
    for (const auto& item : reply.body.at("items").as_array()) names.emplace_back(item.at("name").as_string());
    return names;
  };
  // The names of a village's enterprises sorted by name (unique here), from `offset`.
  auto expected = [&](const std::string& village, std::size_t offset) {
    std::vector<Row> match;
    for (const auto& row : rows) {
      if (row.village == village) match.push_back(row);
    }
    std::sort(match.begin(), match.end(), [](const Row& a, const Row& b) { return a.name < b.name; });
    std::vector<std::string> names;
    for (std::size_t i = offset; i < std::min(match.size(), offset + 20); ++i) names.push_back(match[i].name);
    return names;
  };
  // A big share of the table (walked in index order) and a small one (sorted).
  EXPECT_EQ(page("region=35.79.01.2005&limit=20&offset=300"), expected("35.79.01.2005", 300));
  EXPECT_EQ(page("region=35.79.01.2006&limit=20&offset=40"), expected("35.79.01.2006", 40));
  EXPECT_EQ(Total("/api/v1/enterprises?region=35.79.01.2005"), 1400);
  // Sorted by turnover, highest first.
  std::vector<long long> turnovers;
  Reply top = Get("/api/v1/enterprises?region=35.79.01.2005&sort=-turnover&limit=20", &admin_);
  for (const auto& item : top.body.at("items").as_array()) turnovers.push_back(item.at("turnover").as_int64());
  ASSERT_EQ(turnovers.size(), 20u);
  EXPECT_TRUE(std::is_sorted(turnovers.rbegin(), turnovers.rend()));
  long long highest = 0;
  for (const auto& row : rows) {
    if (row.village == "35.79.01.2005") highest = std::max(highest, row.turnover);
  }
  EXPECT_EQ(turnovers.front(), highest);
  // Filters the walk must test on every row it reads.
  EXPECT_EQ(Total("/api/v1/enterprises?region=35.79.01.2005&sector=batik"), 1000);
  for (const auto& name : page("region=35.79.01.2005&sector=kuliner&limit=50")) {
    Reply one = Get("/api/v1/enterprises?q=" + name.substr(6), &admin_);
    ASSERT_EQ(one.body.at("items").as_array().size(), 1u) << name;
    EXPECT_EQ(one.body.at("items").as_array()[0].at("sector"), "culinary") << name;
  }
  // Search by a word every enterprise has once, and by a start two words of one enterprise
  // may share ("11": the number in its name, 11000-11499, and in its owner's name, 11,
  // 110-119, 1100-1199): each enterprise is counted and listed once, in the list's order.
  EXPECT_EQ(page("q=usaha&region=35.79.01.2005&limit=20&offset=300"), expected("35.79.01.2005", 300));
  EXPECT_EQ(Total("/api/v1/enterprises?q=usaha&region=35.79.01.2005"), 1400);
  std::vector<std::size_t> eleven;  // the rows with a word starting "11", in id order
  std::size_t both = 0, in_temas = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    bool name = rows[i].name.compare(6, 2, "11") == 0, owner = std::to_string(i).starts_with("11");
    if (name || owner) eleven.push_back(i);
    if (name && owner) ++both;
    if ((name || owner) && rows[i].village == "35.79.01.2006") ++in_temas;
  }
  ASSERT_GT(both, 0u);  // the case that needs duplicates taken out is there
  EXPECT_EQ(Total("/api/v1/enterprises?q=11"), static_cast<std::int64_t>(eleven.size()));
  EXPECT_EQ(Total("/api/v1/enterprises?q=11&region=35.79.01.2006"), static_cast<std::int64_t>(in_temas));
  std::vector<std::string> by_name;
  for (std::size_t i : eleven) by_name.push_back(rows[i].name);
  std::sort(by_name.rbegin(), by_name.rend());
  EXPECT_EQ(page("q=11&sort=-name&limit=20&offset=10"),
            std::vector<std::string>(by_name.begin() + 10, by_name.begin() + 30));
  EXPECT_EQ(page("q=11&sort=created_at&limit=3"),
            (std::vector<std::string>{rows[eleven[0]].name, rows[eleven[1]].name, rows[eleven[2]].name}));
  EXPECT_EQ(page("q=11&sort=-created_at&limit=2"),
            (std::vector<std::string>{rows[eleven.back()].name, rows[eleven[eleven.size() - 2]].name}));
  // Drill-down: the district's villages add up to its total; every enterprise is micro here.
  Reply areas = Get("/api/v1/enterprises/areas?region=35.79.01", &admin_);
  ASSERT_EQ(areas.status(), 200) << areas;
  EXPECT_EQ(areas.body.at("total"), 1500);
  std::int64_t sum = 0;
  for (const auto& area : areas.body.at("areas").as_array()) {
    sum += area.at("total").as_int64();
    if (area.at("code") == "35.79.01.2005") {
      EXPECT_EQ(area.at("total"), 1400);
      EXPECT_EQ(area.at("by_scale").at("micro"), 1400);
      EXPECT_EQ(area.at("stale"), 1400);  // never verified
    }
  }
  EXPECT_EQ(sum, 1500);
}

}  // namespace
}  // namespace gotong::api_tests
