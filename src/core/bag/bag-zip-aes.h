/* WinZip AES decryption of one entry's data, for bag-zip.c (bag-zip-aes.c says why the
 * verifier does it itself). STRENGTH is the AES record's 1, 2 or 3 (128, 192, 256 bits). */
#ifndef DISPUTE_BAG_ZIP_AES_H
#define DISPUTE_BAG_ZIP_AES_H

#include <stddef.h>

struct bag_zip_aes;

/* Bytes of salt for STRENGTH (0 when unknown), and all the bytes an entry holds beyond
 * its ciphertext: salt, password verifier, authentication code. */
size_t bag_zip_aes_salt_len(int strength);
size_t bag_zip_aes_overhead(int strength);

/* Derives the keys from PASSWORD and SALT and checks them against the entry's 2-byte
 * VERIFIER. Returns 0, or -1 with *WHY ("wrong password", ...). */
int bag_zip_aes_begin(struct bag_zip_aes **aes, int strength, const char *password,
    const unsigned char *salt, const unsigned char verifier[2], const char **why);
/* Decrypts LEN bytes of ciphertext in place, in order. */
int bag_zip_aes_decrypt(struct bag_zip_aes *aes, unsigned char *data, size_t len);
/* 0 when the 10-byte authentication CODE matches all the ciphertext decrypted. */
int bag_zip_aes_finish(struct bag_zip_aes *aes, const unsigned char code[10]);
void bag_zip_aes_end(struct bag_zip_aes *aes);

#endif
