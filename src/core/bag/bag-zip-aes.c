/* WinZip AES decryption (AE-1 and AE-2, https://www.winzip.com/en/support/aes-encryption/)
 * for the entries the verifier reads itself: AE-2 entries carry CRC 0, as the format
 * intends and `pack --encrypt` writes them, and libzip 1.7 (Debian 12) checks that CRC
 * anyway, failing at the end of every such entry. The entry's data is SALT, a 2-byte
 * password verifier, the ciphertext and a 10-byte authentication code: keys from
 * PBKDF2-HMAC-SHA1 (1000 rounds), AES in counter mode with a little-endian counter
 * starting at 1, and HMAC-SHA1 over the ciphertext. Hand-written over OpenSSL because
 * libzip does not expose its decoder apart from the CRC check. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "bag-zip-aes.h"

#define PBKDF2_ROUNDS 1000
#define AUTH_CODE_LEN 10

struct bag_zip_aes {
	EVP_CIPHER_CTX *cipher;
	EVP_MAC_CTX *mac;
	unsigned char counter[16], stream[16];
	size_t used; /* bytes of STREAM already used */
};

size_t
bag_zip_aes_salt_len(int strength)
{
	return strength >= 1 && strength <= 3 ? (size_t)(4 + 4 * strength) : 0;
}

size_t
bag_zip_aes_overhead(int strength)
{
	return bag_zip_aes_salt_len(strength) + 2 + AUTH_CODE_LEN;
}

int
bag_zip_aes_begin(struct bag_zip_aes **out, int strength, const char *password,
    const unsigned char *salt, const unsigned char verifier[2], const char **why)
{
	static const EVP_CIPHER *(*const ciphers[])(void) = {
		EVP_aes_128_ecb, EVP_aes_192_ecb, EVP_aes_256_ecb
	};
	size_t key_len = (size_t)(8 + 8 * strength), salt_len = bag_zip_aes_salt_len(strength);
	unsigned char keys[2 * 32 + 2];
	OSSL_PARAM params[2];
	struct bag_zip_aes *a;
	EVP_MAC *hmac;

	*out = NULL;
	*why = "out of memory";
	if (salt_len == 0) {
		*why = "unknown AES key length";
		return -1;
	}
	a = calloc(1, sizeof *a);
	if (a == NULL)
		return -1;
	if (PKCS5_PBKDF2_HMAC_SHA1(password, (int)strlen(password), salt, (int)salt_len,
	    PBKDF2_ROUNDS, (int)(2 * key_len + 2), keys) != 1)
		goto fail;
	if (CRYPTO_memcmp(keys + 2 * key_len, verifier, 2) != 0) {
		*why = "wrong password";
		goto fail;
	}
	a->cipher = EVP_CIPHER_CTX_new();
	hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	a->mac = hmac != NULL ? EVP_MAC_CTX_new(hmac) : NULL;
	EVP_MAC_free(hmac);
	params[0] = OSSL_PARAM_construct_utf8_string("digest", "SHA1", 0);
	params[1] = OSSL_PARAM_construct_end();
	if (a->cipher == NULL || a->mac == NULL ||
	    EVP_EncryptInit_ex(a->cipher, ciphers[strength - 1](), NULL, keys, NULL) != 1 ||
	    EVP_CIPHER_CTX_set_padding(a->cipher, 0) != 1 ||
	    EVP_MAC_init(a->mac, keys + key_len, key_len, params) != 1) {
		*why = "cannot set up AES decryption";
		goto fail;
	}
	OPENSSL_cleanse(keys, sizeof keys);
	a->used = sizeof a->stream;
	*out = a;
	return 0;
fail:
	OPENSSL_cleanse(keys, sizeof keys);
	bag_zip_aes_end(a);
	return -1;
}

int
bag_zip_aes_decrypt(struct bag_zip_aes *a, unsigned char *data, size_t len)
{
	if (EVP_MAC_update(a->mac, data, len) != 1)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (a->used == sizeof a->stream) {
			int n;

			/* The counter is little-endian, from 1: not OpenSSL's CTR mode. */
			for (size_t k = 0; k < sizeof a->counter && ++a->counter[k] == 0; k++)
				continue;
			if (EVP_EncryptUpdate(a->cipher, a->stream, &n, a->counter,
			    (int)sizeof a->counter) != 1 || n != (int)sizeof a->stream)
				return -1;
			a->used = 0;
		}
		data[i] ^= a->stream[a->used++];
	}
	return 0;
}

int
bag_zip_aes_finish(struct bag_zip_aes *a, const unsigned char code[AUTH_CODE_LEN])
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	size_t n = 0;

	if (EVP_MAC_final(a->mac, mac, &n, sizeof mac) != 1 || n < AUTH_CODE_LEN)
		return -1;
	return CRYPTO_memcmp(mac, code, AUTH_CODE_LEN) == 0 ? 0 : -1;
}

void
bag_zip_aes_end(struct bag_zip_aes *a)
{
	if (a == NULL)
		return;
	EVP_CIPHER_CTX_free(a->cipher);
	EVP_MAC_CTX_free(a->mac);
	OPENSSL_cleanse(a, sizeof *a);
	free(a);
}
