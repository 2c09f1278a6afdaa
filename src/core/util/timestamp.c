/* RFC 3161 requests and replies. The hashed message is the tag manifest exactly as it
 * is in the bag, so anyone can recompute the imprint with `sha256sum`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/timestamp.h"

/* The most recent OpenSSL error as text, for one clear message. */
static const char *
ssl_reason(void)
{
	unsigned long code = ERR_get_error();
	const char *reason = code != 0 ? ERR_reason_error_string(code) : NULL;

	ERR_clear_error();
	return reason != NULL ? reason : _("unknown OpenSSL error");
}

static int
sha256(const void *data, size_t len, unsigned char digest[32])
{
	unsigned int n = 0;

	return EVP_Digest(data, len, digest, &n, EVP_sha256(), NULL) == 1 && n == 32 ?
	    DISPUTE_OK : DISPUTE_FAILED;
}

/* A random 64-bit nonce: the reply must repeat it (RFC 3161 §2.4.1), so that a reply
 * to someone else's request for the same bytes is told apart. */
static int
set_nonce(TS_REQ *req)
{
	BIGNUM *bn = BN_new();
	ASN1_INTEGER *nonce = NULL;
	int ok;

	ok = bn != NULL && BN_rand(bn, 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
	    (nonce = BN_to_ASN1_INTEGER(bn, NULL)) != NULL && TS_REQ_set_nonce(req, nonce) == 1;
	ASN1_INTEGER_free(nonce);
	BN_free(bn);
	return ok;
}

static TS_REQ *
build_request(const unsigned char digest[32], int with_nonce)
{
	TS_REQ *req = TS_REQ_new();
	TS_MSG_IMPRINT *imprint = TS_MSG_IMPRINT_new();
	X509_ALGOR *algorithm = X509_ALGOR_new();
	int ok;

	ok = req != NULL && imprint != NULL && algorithm != NULL &&
	    TS_REQ_set_version(req, 1) &&
	    X509_ALGOR_set0(algorithm, OBJ_nid2obj(NID_sha256), V_ASN1_NULL, NULL) &&
	    TS_MSG_IMPRINT_set_algo(imprint, algorithm) &&
	    TS_MSG_IMPRINT_set_msg(imprint, (unsigned char *)digest, 32) &&
	    TS_REQ_set_msg_imprint(req, imprint) &&
	    (!with_nonce || set_nonce(req)) &&
	    /* The reply then carries the authority's certificate, so it can be checked
	     * with only the CA's certificate at hand. */
	    TS_REQ_set_cert_req(req, 1);
	TS_MSG_IMPRINT_free(imprint);
	X509_ALGOR_free(algorithm);
	if (!ok) {
		TS_REQ_free(req);
		return NULL;
	}
	return req;
}

int
timestamp_write_request(const char *path, const void *data, size_t len, int with_nonce)
{
	unsigned char digest[32], *der = NULL;
	TS_REQ *req = NULL;
	int der_len, status = DISPUTE_FAILED;

	if (sha256(data, len, digest) != DISPUTE_OK ||
	    (req = build_request(digest, with_nonce)) == NULL ||
	    (der_len = i2d_TS_REQ(req, &der)) <= 0) {
		dispute_error(_("%s: cannot make the timestamp request: %s"), path, ssl_reason());
		goto out;
	}
	status = fs_write_atomic(path, der, (size_t)der_len, 0600, FS_REPLACE);
out:
	OPENSSL_free(der);
	TS_REQ_free(req);
	return status;
}

static TS_RESP *
parse_reply(const void *der, size_t len)
{
	const unsigned char *p = der;

	return len <= TIMESTAMP_REPLY_MAX ? d2i_TS_RESP(NULL, &p, (long)len) : NULL;
}

static X509_STORE *
load_store(const char *ca_path)
{
	X509_STORE *store = X509_STORE_new();

	if (store == NULL || X509_STORE_load_file(store, ca_path) != 1) {
		dispute_error(_("%s: cannot load CA certificates: %s"), ca_path, ssl_reason());
		X509_STORE_free(store);
		return NULL;
	}
	return store;
}

static void
reply_time(TS_RESP *resp, char *when, size_t when_len)
{
	TS_TST_INFO *info = TS_RESP_get_tst_info(resp);
	const ASN1_GENERALIZEDTIME *time = info != NULL ? TS_TST_INFO_get_time(info) : NULL;
	struct tm tm;

	when[0] = '\0';
	if (time != NULL && ASN1_TIME_to_tm(time, &tm) == 1)
		strftime(when, when_len, "%Y-%m-%d %H:%M:%S UTC", &tm);
}

/* A reply that is not "granted" says why in its status (RFC 3161 §2.4.2): that, not
 * OpenSSL's "status is not granted", is what the user needs to read. */
static int
check_granted(const char *shown, TS_RESP *resp)
{
	TS_STATUS_INFO *info = TS_RESP_get_status_info(resp);
	const STACK_OF(ASN1_UTF8STRING) *texts = TS_STATUS_INFO_get0_text(info);
	const ASN1_UTF8STRING *text = sk_ASN1_UTF8STRING_num(texts) > 0 ?
	    sk_ASN1_UTF8STRING_value(texts, 0) : NULL;
	long code = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(info));

	/* 0 granted, 1 granted with modifications. */
	if (code == 0 || code == 1)
		return DISPUTE_OK;
	dispute_error(_("%s: the timestamp authority refused the request (status %ld%s%.*s)"),
	    shown, code, text != NULL ? ": " : "", text != NULL ? ASN1_STRING_length(text) : 0,
	    text != NULL ? (const char *)ASN1_STRING_get0_data(text) : "");
	return DISPUTE_FAILED;
}

/* What the reply must match: the SHA-256 DIGEST, and, when the DER request TSQ is
 * given, that request (over the same digest), whose nonce it must repeat. */
static TS_VERIFY_CTX *
verify_context(const char *shown, const unsigned char digest[32], const void *tsq,
    size_t tsq_len)
{
	const unsigned char *p = tsq;
	TS_REQ *req = NULL;
	TS_VERIFY_CTX *ctx = NULL;
	const ASN1_OCTET_STRING *msg;
	unsigned char *imprint;

	if (tsq == NULL) {
		ctx = TS_VERIFY_CTX_new();
		imprint = OPENSSL_memdup(digest, 32);
		if (ctx == NULL || imprint == NULL) {
			OPENSSL_free(imprint);
			TS_VERIFY_CTX_free(ctx);
			dispute_error(_("out of memory"));
			return NULL;
		}
		TS_VERIFY_CTX_set_imprint(ctx, imprint, 32);
		TS_VERIFY_CTX_set_flags(ctx, TS_VFY_VERSION | TS_VFY_IMPRINT);
		return ctx;
	}
	req = d2i_TS_REQ(NULL, &p, (long)tsq_len);
	if (req == NULL) {
		dispute_error(_("%s: its request is not a timestamp request (DER): %s"), shown,
		    ssl_reason());
		return NULL;
	}
	msg = TS_MSG_IMPRINT_get_msg(TS_REQ_get_msg_imprint(req));
	if (ASN1_STRING_length(msg) != 32 || memcmp(ASN1_STRING_get0_data(msg), digest, 32) != 0)
		dispute_error(_("%s: its request was made for other contents"), shown);
	else if ((ctx = TS_REQ_to_TS_VERIFY_CTX(req, NULL)) == NULL)
		dispute_error(_("out of memory"));
	TS_REQ_free(req);
	return ctx;
}

int
timestamp_check_reply_data(const char *shown, const void *tsr, size_t tsr_len,
    const void *tsq, size_t tsq_len, const char *ca_path, const void *data, size_t len,
    char *when, size_t when_len)
{
	unsigned char digest[32];
	TS_RESP *resp = NULL;
	TS_VERIFY_CTX *ctx = NULL;
	X509_STORE *store = NULL;
	int status = DISPUTE_FAILED;

	when[0] = '\0';
	if (sha256(data, len, digest) != DISPUTE_OK)
		goto out;
	if ((resp = parse_reply(tsr, tsr_len)) == NULL) {
		dispute_error(_("%s: not a timestamp reply (DER): %s"), shown, ssl_reason());
		goto out;
	}
	if (check_granted(shown, resp) != DISPUTE_OK ||
	    (ctx = verify_context(shown, digest, tsq, tsq_len)) == NULL)
		goto out;
	if (ca_path != NULL) {
		store = load_store(ca_path);
		if (store == NULL)
			goto out;
		TS_VERIFY_CTX_add_flags(ctx, TS_VFY_SIGNATURE);
		TS_VERIFY_CTX_set_store(ctx, store);
		store = NULL; /* owned by ctx now */
	}
	if (TS_RESP_verify_response(ctx, resp) != 1) {
		dispute_error(_("%s: the timestamp does not match what it should vouch for or is "
		    "not valid: %s"), shown, ssl_reason());
		goto out;
	}
	reply_time(resp, when, when_len);
	status = DISPUTE_OK;
out:
	X509_STORE_free(store);
	TS_VERIFY_CTX_free(ctx);
	TS_RESP_free(resp);
	return status;
}

int
timestamp_check_reply(const char *tsr_path, const char *ca_path, const void *data,
    size_t len, char *when, size_t when_len)
{
	char *der = NULL;
	size_t der_len;
	int status;

	when[0] = '\0';
	if (fs_read_file(tsr_path, TIMESTAMP_REPLY_MAX, &der, &der_len) != DISPUTE_OK)
		return DISPUTE_FAILED;
	status = timestamp_check_reply_data(tsr_path, der, der_len, NULL, 0, ca_path, data, len,
	    when, when_len);
	free(der);
	return status;
}

int
timestamp_reply_imprint(const char *shown, const void *tsr, size_t len,
    unsigned char digest[32])
{
	TS_RESP *resp = parse_reply(tsr, len);
	TS_TST_INFO *info = resp != NULL ? TS_RESP_get_tst_info(resp) : NULL;
	TS_MSG_IMPRINT *imprint = info != NULL ? TS_TST_INFO_get_msg_imprint(info) : NULL;
	ASN1_OCTET_STRING *msg = imprint != NULL ? TS_MSG_IMPRINT_get_msg(imprint) : NULL;
	int status = DISPUTE_FAILED;

	if (resp == NULL) {
		dispute_error(_("%s: not a timestamp reply (DER): %s"), shown, ssl_reason());
		goto out;
	}
	if (check_granted(shown, resp) != DISPUTE_OK)
		goto out;
	if (msg == NULL || ASN1_STRING_length(msg) != 32 ||
	    OBJ_obj2nid(TS_MSG_IMPRINT_get_algo(imprint)->algorithm) != NID_sha256) {
		dispute_error(_("%s: not a timestamp over a SHA-256 imprint"), shown);
		goto out;
	}
	memcpy(digest, ASN1_STRING_get0_data(msg), 32);
	status = DISPUTE_OK;
out:
	TS_RESP_free(resp);
	return status;
}
