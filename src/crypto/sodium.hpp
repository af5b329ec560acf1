#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/user.hpp"

namespace gotong::crypto {

// Call once at start-up; throws when libsodium cannot initialise.
void InitSodium();

struct Argon2Cost {
  unsigned long long ops_limit;
  std::size_t mem_limit;
  // libsodium's "interactive" cost: 2 passes over 64 MiB.
  static Argon2Cost Interactive();
  // The smallest cost argon2id allows; for tests only.
  static Argon2Cost Minimum();
};

// argon2id in libsodium's encoded form ("$argon2id$v=19$m=...").
class SodiumPasswordHasher final : public domain::accounts::PasswordHasher {
 public:
  explicit SodiumPasswordHasher(Argon2Cost cost = Argon2Cost::Interactive()) : cost_(cost) {}
  core::Result<std::string> Hash(const std::string& password) override;
  bool Verify(const std::string& hash, const std::string& password) override;

 private:
  Argon2Cost cost_;
};

// 256-bit random tokens in unpadded base64url; SHA-256 hex digests for storage.
class SodiumSecretGenerator final : public domain::accounts::SecretGenerator {
 public:
  std::string NewToken() override;
  std::string Digest(const std::string& token) override;
};

// The SHA-256 (hex) of `parts`, each followed by a newline, then of the bytes of `file` when one
// is named (read in chunks: an upload of any size). kUnavailable when the file cannot be read.
core::Result<std::string> Sha256Hex(const std::vector<std::string_view>& parts,
                                    const std::string& file = "");

}  // namespace gotong::crypto
