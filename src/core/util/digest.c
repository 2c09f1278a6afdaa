/* Checksums of buffers and files, streamed through OpenSSL EVP. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "digest.h"

int
digest_init(struct digest *d, const char *algorithm)
{
	const EVP_MD *md = EVP_get_digestbyname(algorithm);
	EVP_MD_CTX *ctx;

	d->ctx = NULL;
	if (md == NULL) {
		dispute_error(_("unknown checksum algorithm: %s"), algorithm);
		return DISPUTE_FAILED;
	}
	ctx = EVP_MD_CTX_new();
	if (ctx == NULL || EVP_DigestInit_ex(ctx, md, NULL) != 1) {
		EVP_MD_CTX_free(ctx);
		dispute_error(_("cannot start a %s checksum"), algorithm);
		return DISPUTE_FAILED;
	}
	d->ctx = ctx;
	return DISPUTE_OK;
}

void
digest_update(struct digest *d, const void *data, size_t len)
{
	/* EVP_DigestUpdate on a live software digest cannot fail. */
	EVP_DigestUpdate(d->ctx, data, len);
}

int
digest_final_hex(struct digest *d, char hex[DIGEST_HEX_MAX])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char raw[EVP_MAX_MD_SIZE];
	unsigned int len = 0, i;
	int ok;

	ok = EVP_DigestFinal_ex(d->ctx, raw, &len) == 1 && len * 2 < DIGEST_HEX_MAX;
	digest_free(d);
	if (!ok) {
		dispute_error(_("cannot finish a checksum"));
		return DISPUTE_FAILED;
	}
	for (i = 0; i < len; i++) {
		hex[2 * i] = digits[raw[i] >> 4];
		hex[2 * i + 1] = digits[raw[i] & 15];
	}
	hex[2 * len] = '\0';
	return DISPUTE_OK;
}

void
digest_free(struct digest *d)
{
	EVP_MD_CTX_free(d->ctx);
	d->ctx = NULL;
}

int
digest_file_sha256(const char *path, char hex[DIGEST_HEX_MAX], uint64_t *size)
{
	struct digest d = { NULL };
	unsigned char *buf = NULL;
	int fd, status = DISPUTE_FAILED;
	ssize_t n;

	struct stat st;

	*size = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd == -1) {
		dispute_error(_("%s: cannot open: %s"), path, errno == ELOOP ?
		    _("a symbolic link") : strerror(errno));
		return DISPUTE_FAILED;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		dispute_error(_("%s: not a regular file"), path);
		goto out;
	}
	buf = malloc(DIGEST_BLOCK);
	if (buf == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	if (digest_init(&d, "sha256") != DISPUTE_OK)
		goto out;
	while ((n = fs_read_block(fd, buf, DIGEST_BLOCK, path)) > 0) {
		digest_update(&d, buf, (size_t)n);
		*size += (uint64_t)n;
	}
	if (n == 0)
		status = digest_final_hex(&d, hex);
out:
	digest_free(&d);
	free(buf);
	close(fd);
	return status;
}
