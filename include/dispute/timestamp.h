/* Trusted timestamps (RFC 3161): a request for the SHA-256 of some bytes (a dossier's
 * tag manifest, which covers every file of the bag; the list of the files one
 * add-evidence took in) to send to any timestamp authority, and the check of its
 * reply. Made with OpenSSL's TS API. */
#ifndef DISPUTE_TIMESTAMP_H
#define DISPUTE_TIMESTAMP_H

#include <stddef.h>

/* Replies carry a certificate chain: a few kilobytes; anything larger is refused. */
#define TIMESTAMP_REPLY_MAX (1024 * 1024)

/* Writes to PATH (atomically, 0600) a DER timestamp request for the SHA-256 of the LEN
 * bytes at DATA, asking for the authority's certificate in the reply; WITH_NONCE adds a
 * random nonce that the reply must repeat. */
int timestamp_write_request(const char *path, const void *data, size_t len, int with_nonce);

/* Checks the DER reply in TSR_PATH against the SHA-256 of the LEN bytes at DATA: the
 * status is granted, the imprint matches, and, when CA_PATH is given, the signature
 * chains to a certificate in CA_PATH (a PEM file). The time the authority vouches for
 * goes to WHEN ("2026-11-20 08:30:01 UTC"). Reports every mismatch and fails. */
int timestamp_check_reply(const char *tsr_path, const char *ca_path, const void *data,
    size_t len, char *when, size_t when_len);

/* The same for the TSR_LEN bytes of a reply at TSR, named SHOWN in messages, and, when
 * TSQ is not NULL, against the request (TSQ_LEN bytes) it answers: the reply must
 * repeat the request's nonce. */
int timestamp_check_reply_data(const char *shown, const void *tsr, size_t tsr_len,
    const void *tsq, size_t tsq_len, const char *ca_path, const void *data, size_t len,
    char *when, size_t when_len);

/* The SHA-256 imprint that the granted reply at TSR (named SHOWN) vouches for, to find
 * the request it answers; nothing is checked against it yet. */
int timestamp_reply_imprint(const char *shown, const void *tsr, size_t len,
    unsigned char digest[32]);

#endif
