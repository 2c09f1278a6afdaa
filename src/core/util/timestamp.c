/* RFC 3161 requests and replies. The hashed message is the tag manifest exactly as it
 * is in the bag, so anyone can recompute the imprint with `sha256sum`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
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

static TS_REQ *
build_request(const unsigned char digest[32])
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
timestamp_write_request(const char *path, const void *data, size_t len)
{
	unsigned char digest[32], *der = NULL;
	TS_REQ *req = NULL;
	int der_len, status = DISPUTE_FAILED;

	if (sha256(data, len, digest) != DISPUTE_OK || (req = build_request(digest)) == NULL ||
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
read_reply(const char *path)
{
	char *der = NULL;
	const unsigned char *p;
	size_t len;
	TS_RESP *resp = NULL;

	if (fs_read_file(path, 1024 * 1024, &der, &len) != DISPUTE_OK)
		return NULL;
	p = (const unsigned char *)der;
	resp = d2i_TS_RESP(NULL, &p, (long)len);
	if (resp == NULL)
		dispute_error(_("%s: not a timestamp reply (DER): %s"), path, ssl_reason());
	free(der);
	return resp;
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

int
timestamp_check_reply(const char *tsr_path, const char *ca_path, const void *data,
    size_t len, char *when, size_t when_len)
{
	unsigned char digest[32];
	TS_RESP *resp = NULL;
	TS_VERIFY_CTX *ctx = NULL;
	X509_STORE *store = NULL;
	unsigned char *imprint = NULL;
	int flags = TS_VFY_VERSION | TS_VFY_IMPRINT, status = DISPUTE_FAILED;

	when[0] = '\0';
	if (sha256(data, len, digest) != DISPUTE_OK || (resp = read_reply(tsr_path)) == NULL)
		goto out;
	if (ca_path != NULL) {
		store = load_store(ca_path);
		if (store == NULL)
			goto out;
		flags |= TS_VFY_SIGNATURE;
	}
	ctx = TS_VERIFY_CTX_new();
	imprint = OPENSSL_memdup(digest, sizeof digest);
	if (ctx == NULL || imprint == NULL) {
		OPENSSL_free(imprint);
		dispute_error(_("out of memory"));
		goto out;
	}
	TS_VERIFY_CTX_set_flags(ctx, flags);
	TS_VERIFY_CTX_set_imprint(ctx, imprint, sizeof digest);
	if (store != NULL) {
		TS_VERIFY_CTX_set_store(ctx, store);
		store = NULL; /* owned by ctx now */
	}
	if (TS_RESP_verify_response(ctx, resp) != 1) {
		dispute_error(_("%s: the timestamp does not match this dossier or is not "
		    "valid: %s"), tsr_path, ssl_reason());
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
