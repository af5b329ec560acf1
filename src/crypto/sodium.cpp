#include "crypto/sodium.hpp"

#include <fstream>
#include <vector>

#include <sodium.h>

#include <stdexcept>

namespace gotong::crypto {

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

Argon2Cost Argon2Cost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Argon2Cost Argon2Cost::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

core::Result<std::string> SodiumPasswordHasher::Hash(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.ops_limit,
                            cost_.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Error::Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool SodiumPasswordHasher::Verify(const std::string& hash, const std::string& password) {
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumSecretGenerator::NewToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

std::string SodiumSecretGenerator::Digest(const std::string& token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

core::Result<std::string> Sha256Hex(const std::vector<std::string_view>& parts,
                                    const std::string& file) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (std::string_view part : parts) {
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>("\n"), 1);
  }
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return core::Error::Unavailable("cannot read " + file);
    std::vector<char> chunk(std::size_t{64} * 1024);
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      auto got = static_cast<unsigned long long>(in.gcount());
      if (got > 0) crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(chunk.data()), got);
    }
    if (in.bad()) return core::Error::Unavailable("cannot read " + file);
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

}  // namespace gotong::crypto
