/* Trusted timestamps (RFC 3161) over a dossier's tag manifest, which covers every
 * manifest and so every file of the bag: a request to send to any timestamp authority,
 * and the check of its reply. Made with OpenSSL's TS API. */
#ifndef DISPUTE_TIMESTAMP_H
#define DISPUTE_TIMESTAMP_H

#include <stddef.h>

/* Writes to PATH (atomically, 0600) a DER timestamp request for the SHA-256 of the LEN
 * bytes at DATA, asking for the authority's certificate in the reply. */
int timestamp_write_request(const char *path, const void *data, size_t len);

/* Checks the DER reply in TSR_PATH against the SHA-256 of the LEN bytes at DATA: the
 * status is granted, the imprint matches, and, when CA_PATH is given, the signature
 * chains to a certificate in CA_PATH (a PEM file). The time the authority vouches for
 * goes to WHEN ("2026-11-20 08:30:01 UTC"). Reports every mismatch and fails. */
int timestamp_check_reply(const char *tsr_path, const char *ca_path, const void *data,
    size_t len, char *when, size_t when_len);

#endif
