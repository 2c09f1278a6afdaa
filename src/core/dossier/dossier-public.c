/* The public copy of a dossier: what may be shown when the buyer posts about the case.
 * It holds the public post (already scrubbed of the buyer's phone, ID number, address
 * and full order number), copies of the defect photos without any metadata (GPS
 * included), and a list tying each copy to the SHA-256 of its original in the full
 * dossier, so that anyone holding both can check the copy is what the evidence shows.
 * A copy keeps its original's pixels byte for byte, except for a JPEG whose EXIF
 * orientation says its pixels are stored turned or mirrored: stripped of that tag it
 * would be shown on its side, so it is turned upright and encoded again (upright.h).
 * The originals are read, never changed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispute/draft-view.h"
#include "dispute/drafts.h"
#include "dispute/fsutil.h"
#include "dispute/report.h"
#include "digest.h"
#include "dossier-bag.h"
#include "dossier-public.h"
#include "exif.h"
#include "public-copy.h"
#include "public-screens.h"
#include "upright.h"

/* Photos are at most this large; anything bigger is not a phone photo. */
#define PUBLIC_PHOTO_MAX (256u * 1024 * 1024)

static int
add_post(struct dossier_bag *b, const struct dispute_case *c, const struct dossier_inputs *in)
{
	const struct draft_kind *kind = draft_kind_find("social");
	char *text = NULL;

	if (draft_require(kind, c) != DISPUTE_OK ||
	    draft_render(kind, c, in->view, draft_language(c), NULL, &text) != DISPUTE_OK)
		return DISPUTE_FAILED;
	return dossier_bag_add_memory(b, "data/post.txt", text, strlen(text), 1);
}

static int
is_photo(const char *mime)
{
	return strcmp(mime, "image/jpeg") == 0 || strcmp(mime, "image/png") == 0;
}

/* The defect photos to be turned upright, collected while the others are copied and
 * then turned in one run of the helper: their originals and their copies' names. */
struct sideways {
	struct dossier_bag *b;
	char **paths, **names;
	size_t count;
};

/* One defect photo: read, checked against its record (the copy must come from the
 * evidence as recorded), then copied without metadata, or left to SIDEWAYS when it is
 * to be turned upright; its line goes to SOURCES. */
static int
add_photo(struct sideways *sideways, const struct dispute_case *c, const cJSON *item,
    FILE *sources)
{
	const char *file = cJSON_GetObjectItemCaseSensitive(item, "file")->valuestring;
	const char *recorded = cJSON_GetObjectItemCaseSensitive(item, "sha256")->valuestring;
	char *dir = case_path(c, CASE_EVIDENCE_DIR), *path = NULL, *data = NULL, *name = NULL;
	char actual[DIGEST_HEX_MAX];
	size_t len;
	struct digest d;
	int status = DISPUTE_FAILED;

	path = dir != NULL ? path_join(dir, file) : NULL;
	if (path == NULL || fs_read_file(path, PUBLIC_PHOTO_MAX, &data, &len) != DISPUTE_OK ||
	    digest_init(&d, "sha256") != DISPUTE_OK)
		goto out;
	digest_update(&d, data, len);
	if (digest_final_hex(&d, actual) != DISPUTE_OK)
		goto out;
	if (strcmp(actual, recorded) != 0) {
		dispute_error(_("%s: changed since it was added (sha256 %s, recorded %s)"), path, actual,
		    recorded);
		goto out;
	}
	if (asprintf(&name, "data/photos/%s", file) == -1) {
		name = NULL;
		dispute_error(_("out of memory"));
		goto out;
	}
	if (exif_orientation((const unsigned char *)data, len) != 1) {
		sideways->paths[sideways->count] = path;
		sideways->names[sideways->count++] = name;
		path = name = NULL;
	} else if (public_add_copy(sideways->b, path, name, (const unsigned char *)data,
	    len) != DISPUTE_OK)
		goto out;
	fprintf(sources, "photos/%s\t%s\t%s\n", file,
	    cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring, recorded);
	status = DISPUTE_OK;
out:
	free(name);
	free(data);
	free(path);
	free(dir);
	return status;
}

/* The upright JPEG of SIDEWAYS' photo INDEX, stripped like any copy: the helper writes
 * no metadata, and this does not take its word for it. */
static int
add_upright(size_t index, const char *jpeg, size_t len, void *ctx)
{
	const struct sideways *sideways = ctx;

	return public_add_copy(sideways->b, sideways->paths[index], sideways->names[index],
	    (const unsigned char *)jpeg, len);
}

/* A defect photo of a type whose metadata is not removed here (HEIC, WebP, ...): left
 * out of the public copy, which says so, and so does the buyer's terminal, rather
 * than publishing what may carry the place it was taken. */
static void
note_left_out(const cJSON *item, FILE *sources)
{
	const char *id = cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring;
	const char *mime = cJSON_GetObjectItemCaseSensitive(item, "mime")->valuestring;
	const char *name = cJSON_GetObjectItemCaseSensitive(item, "original_name")->valuestring;

	fprintf(sources, "# 未收入：%s（%s，%s）无法可靠去除元数据，未收入公开材料；转为 JPEG 后另行"
	    "添加即可公开。\n# Left out: %s (%s, %s): its metadata cannot be removed reliably; "
	    "add a JPEG of it to show it.\n", id, name, mime, id, name, mime);
	dispute_warning(_("%s (%s): left out of the public copy: the metadata of this %s photo "
	    "(the place it was taken, among others) cannot be removed reliably; convert it to "
	    "JPEG and add that to show it"), id, name, mime);
}

/* The defect photos of C, each copied or turned upright into B, listed in SOURCES. */
static int
add_photos(struct dossier_bag *b, const struct dispute_case *c, FILE *sources)
{
	size_t most = (size_t)cJSON_GetArraySize(case_evidence(c)), i;
	struct sideways sideways = { b, calloc(most + 1, sizeof(char *)),
		calloc(most + 1, sizeof(char *)), 0 };
	const cJSON *item;
	int status = DISPUTE_FAILED;

	if (sideways.paths == NULL || sideways.names == NULL) {
		dispute_error(_("out of memory"));
		goto out;
	}
	cJSON_ArrayForEach(item, case_evidence(c)) {
		const char *kind = cJSON_GetObjectItemCaseSensitive(item, "kind")->valuestring;

		/* Only the goods themselves: screenshots and papers may show personal data in
		 * their pixels, which no program can vouch for. */
		if (strcmp(kind, "defect") != 0)
			continue;
		if (!is_photo(cJSON_GetObjectItemCaseSensitive(item, "mime")->valuestring)) {
			if (strncmp(cJSON_GetObjectItemCaseSensitive(item, "mime")->valuestring,
			    "image/", 6) == 0)
				note_left_out(item, sources);
			continue;
		}
		if (add_photo(&sideways, c, item, sources) != DISPUTE_OK)
			goto out;
	}
	status = upright_make((const char *const *)sideways.paths, sideways.count, add_upright,
	    &sideways);
out:
	for (i = 0; i < sideways.count; i++) {
		free(sideways.paths[i]);
		free(sideways.names[i]);
	}
	free(sideways.paths);
	free(sideways.names);
	return status;
}

int
dossier_public_payload(struct dossier_bag *b, const struct dispute_case *c,
    const struct dossier_inputs *in)
{
	char *text = NULL;
	size_t len = 0;
	FILE *sources;
	int status;

	if (add_post(b, c, in) != DISPUTE_OK)
		return DISPUTE_FAILED;
	sources = open_memstream(&text, &len);
	if (sources == NULL) {
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	fprintf(sources, "# 公开材料中的照片均为证据原件去除元数据（含GPS位置）后的副本；\n"
	    "# 原件按EXIF方向需旋转或翻转的照片已转正并重新编码，其余像素与原件相同。\n"
	    "# 每行：副本\t证据编号\t原件SHA-256（见完整证据材料包的 manifest-sha256.txt）\n"
	    "# Each photo is a copy of the evidence with its metadata (GPS included) removed;\n"
	    "# one whose EXIF orientation says it is turned or mirrored was turned upright and\n"
	    "# encoded again, the others keep the original's pixels.\n"
	    "# Each line: copy, evidence ID, SHA-256 of the original in the full dossier.\n"
	    "# 订单和聊天截图（screens/）经本机文字识别，含个人信息之处已以实心黑块遮盖后重新编码，\n"
	    "# 行末注明遮盖的内容；未遮盖的原件见完整证据材料包。识别置信度不足的截图不予公开。\n"
	    "# Order and chat screenshots (screens/) were read on this computer and the boxes\n"
	    "# holding personal data filled solid black before encoding again; the last field\n"
	    "# says what was covered. The originals are in the full dossier. A screenshot read\n"
	    "# with too little confidence is not published.\n");
	status = add_photos(b, c, sources);
	if (status == DISPUTE_OK)
		status = public_add_screens(b, c, sources);
	if (fclose(sources) != 0 || text == NULL) {
		free(text);
		dispute_error(_("out of memory"));
		return DISPUTE_FAILED;
	}
	if (status != DISPUTE_OK) {
		free(text);
		return DISPUTE_FAILED;
	}
	return dossier_bag_add_memory(b, "data/sources.txt", text, len, 1);
}
