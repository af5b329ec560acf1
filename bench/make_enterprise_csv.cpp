// Writes a deterministic enterprise CSV of N rows for the import benchmark, in the shape an
// Indonesian office's Excel saves: UTF-8 BOM, ';' between fields, CRLF, Indonesian headers,
// amounts with '.' thousands separators. Villages are East Java's real codes.
//
//   make_enterprise_csv ROWS VILLAGES_CSV OUT.csv

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::uint64_t Next(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string Dotted(std::uint64_t amount) {
  std::string digits = std::to_string(amount), out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.insert(out.begin(), '.');
    out.insert(out.begin(), *it);
    ++count;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: make_enterprise_csv ROWS VILLAGES_CSV OUT.csv\n";
    return 2;
  }
  long long rows = std::stoll(argv[1]);
  std::ifstream villages_file(argv[2]);
  std::vector<std::string> villages;
  std::string line;
  std::getline(villages_file, line);
  while (std::getline(villages_file, line)) {
    if (line.rfind("35.", 0) == 0) villages.push_back(line.substr(0, 13));
  }
  if (villages.empty()) {
    std::cerr << "no East Java villages in " << argv[2] << "\n";
    return 1;
  }
  static const char* kGiven[] = {"Siti", "Sri", "Dewi", "Budi", "Agus", "Slamet", "Rina", "Joko",
                                 "Endang", "Wahyu", "Lestari", "Heru", "Yuli", "Imam", "Ratna", "Eko"};
  static const char* kFamily[] = {"Santoso", "Wijaya", "Pratama", "Hidayat", "Setiawan", "Purnomo",
                                  "Utomo", "Wibowo", "Kurniawan", "Saputra", "Nugroho", "Prasetyo"};
  static const char* kSector[] = {"perdagangan", "kuliner", "olahan pangan", "pertanian", "jasa",
                                  "kerajinan", "batik", "fesyen", "minuman", "penginapan"};
  static const char* kBusiness[] = {"Toko", "Warung", "Keripik", "Kebun", "Bengkel", "Anyaman",
                                    "Batik", "Konveksi", "Sari Apel", "Homestay"};
  FILE* out = std::fopen(argv[3], "wb");
  if (!out) {
    std::perror(argv[3]);
    return 1;
  }
  std::fputs("\xEF\xBB\xBFnama_pemilik;jenis_kelamin;tahun_lahir;telepon;nama_usaha;sektor;produk;"
             "kode_desa;tahun_berdiri;tenaga_kerja;modal;omzet;nib;status\r\n",
             out);
  std::uint64_t state = 42;
  for (long long i = 0; i < rows; ++i) {
    std::uint64_t r = Next(state);
    const char* given = kGiven[r % 16];
    const char* family = kFamily[(r >> 8) % 12];
    int sector = static_cast<int>((r >> 16) % 10);
    const std::string& village = villages[(r >> 24) % villages.size()];
    std::uint64_t turnover = (Next(state) % 1'900'000) * 1000 + 12'000'000;
    std::fprintf(out, "%s %s;%s;%d;08%010llu;%s %s %lld;%s;\"produk %s; kemasan\";%s;%d;%d;%s;%s;",
                 given, family, (r >> 40) % 2 ? "P" : "L", 1955 + static_cast<int>((r >> 44) % 48),
                 static_cast<unsigned long long>(Next(state) % 10'000'000'000ULL), kBusiness[sector],
                 given, i + 1, kSector[sector], kSector[sector], village.c_str(),
                 1985 + static_cast<int>((r >> 50) % 40), 1 + static_cast<int>((r >> 56) % 9),
                 Dotted(turnover / 4).c_str(), Dotted(turnover).c_str());
    if (i % 2 == 0) std::fprintf(out, "9%012lld", i + 1);
    std::fputs(";aktif\r\n", out);
  }
  std::fclose(out);
  return 0;
}
