/*
 * Tests for the dossier's page (page.c), its thumbnails (thumbs.c) and the public copy's
 * upright photos (upright.c), all made by dispute-image: thumbnails are real JPEGs of
 * at most THUMB_MAX pixels, the same bytes every time, with no EXIF (no GPS position);
 * a file that is not a photo or does not decode is skipped, not fatal. A sideways photo
 * turned upright keeps its size, turned, and loses its EXIF; one that cannot be turned
 * is an error naming it.
 * The page carries every evidence number the drafts use, escapes what the buyer typed,
 * links only inside the bag, cuts long chat logs into numbered printed pages, and is
 * the same bytes for the same case and date.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* asprintf(), nftw(), memmem() */
#endif

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "support.h"
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "dispute/case.h"
#include "dispute/evidence.h"
#include "dispute/report.h"
#include "dispute/timeline.h"
#include "page.h"
#include "thumbs.h"
#include "upright.h"

#define SAMPLES TEST_DATA_DIR "/evidence/"
#define DATE "2026-11-18"
#define SCRIPT_NOTE "<script>alert(\"x\")</script> & 'quotes'"

struct fixture {
	char tmp[64];
	char *dir;
	/* The case a test has open: a failed assertion leaves it so, holding its lock,
	 * and the next test's case_open() of the same folder would wait on it for ever. */
	struct dispute_case *open;
};

/* What page_add_to_bag() handed over, by name. */
struct collected {
	char *names[32];
	char *data[32];
	size_t lens[32];
	char *mimes[32];
	size_t count;
};


static int
collect(const char *name, char *data, size_t len, const char *mime, void *ctx)
{
	struct collected *c = ctx;

	if (c->count == sizeof c->names / sizeof c->names[0]) {
		free(data);
		return DISPUTE_FAILED;
	}
	c->names[c->count] = strdup(name);
	c->mimes[c->count] = strdup(mime);
	c->data[c->count] = data;
	c->lens[c->count] = len;
	c->count++;
	return DISPUTE_OK;
}

/* data/index.html, as it streams: one growing file in the collection. */
static int
collect_page(const char *bytes, size_t len, void *ctx)
{
	struct collected *c = ctx;
	size_t i = c->count;
	char *grown;

	if (i == 0 || strcmp(c->names[i - 1], "data/index.html") != 0) {
		if (collect("data/index.html", calloc(1, 1), 0, "text/html", ctx) != DISPUTE_OK)
			return DISPUTE_FAILED;
		i = c->count;
	}
	grown = realloc(c->data[i - 1], c->lens[i - 1] + len + 1);
	if (grown == NULL)
		return DISPUTE_FAILED;
	c->data[i - 1] = grown;
	memcpy(c->data[i - 1] + c->lens[i - 1], bytes, len);
	c->lens[i - 1] += len;
	c->data[i - 1][c->lens[i - 1]] = '\0';
	return DISPUTE_OK;
}

static void
collected_free(struct collected *c)
{
	size_t i;

	for (i = 0; i < c->count; i++) {
		free(c->names[i]);
		free(c->mimes[i]);
		free(c->data[i]);
	}
	memset(c, 0, sizeof *c);
}

/* The file NAME handed over, or NULL. */
static const char *
collected_file(const struct collected *c, const char *name, size_t *len)
{
	size_t i;

	for (i = 0; i < c->count; i++)
		if (strcmp(c->names[i], name) == 0) {
			if (len != NULL)
				*len = c->lens[i];
			return c->data[i];
		}
	return NULL;
}

static void
assert_lacks(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle) != NULL)
		print_message("did not expect \"%s\" in the page\n", needle);
	assert_null(strstr(haystack, needle));
}

static int
count_of(const char *haystack, const char *needle)
{
	const char *p;
	int n = 0;

	for (p = strstr(haystack, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

static int
add_file(struct dispute_case *c, const char *kind, const char *path, const char *note)
{
	struct evidence_request req;
	char *files[1];

	memset(&req, 0, sizeof req);
	files[0] = (char *)path;
	req.kind = evidence_kind_find(kind);
	req.note = note;
	req.proves = NULL;
	req.source = NULL;
	req.form = NULL;
	req.copies = 0;
	req.group = 0;
	req.files = files;
	req.file_count = 1;
	return req.kind != NULL ? evidence_add(c, &req) : DISPUTE_FAILED;
}

static int
add_sample(struct dispute_case *c, const char *kind, const char *source, const char *note)
{
	char *path = NULL;
	int status;

	if (asprintf(&path, "%s%s", SAMPLES, source) == -1)
		return DISPUTE_FAILED;
	status = add_file(c, kind, path, note);
	free(path);
	return status;
}

static int
log_contact(struct dispute_case *c, const char *date, const char *channel, const char *outcome,
    const char *text)
{
	struct timeline_entry e = { date, channel, outcome, NULL, text, 0 };

	return timeline_add(c, &e, DATE);
}

/* Writes LINES numbered lines of mixed Chinese and ASCII to PATH. */
static int
write_long_log(const char *path, int lines)
{
	FILE *out = fopen(path, "w");
	int i;

	if (out == NULL)
		return -1;
	for (i = 1; i <= lines; i++)
		fprintf(out, "2026-10-11 20:%02d 买家：第%d条消息 <b>&amp;</b>\n", i % 60, i);
	return fclose(out);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct dispute_case *c = NULL;
	char *log = NULL;

	if (f == NULL || setenv("SOURCE_DATE_EPOCH", "1795000000", 1) == -1)
		return -1;
	dispute_set_quiet(1);
	strcpy(f->tmp, "/tmp/dispute-page-XXXXXX");
	if (mkdtemp(f->tmp) == NULL || asprintf(&f->dir, "%s/case", f->tmp) == -1 ||
	    asprintf(&log, "%s/long-chat.txt", f->tmp) == -1 || write_long_log(log, 450) != 0 ||
	    case_create(f->dir, "2026-11-18T10:00:00+08:00") != DISPUTE_OK ||
	    case_open(f->dir, CASE_WRITE, &c) != DISPUTE_OK)
		return -1;
	if (case_set(c, "order.id", "6920451873301942") != DISPUTE_OK ||
	    case_set(c, "order.product", "20000mAh 移动电源") != DISPUTE_OK ||
	    case_set(c, "order.amount", "129.00") != DISPUTE_OK ||
	    case_set(c, "order.date", "2026-10-08") != DISPUTE_OK ||
	    case_set(c, "order.received", "2026-10-11") != DISPUTE_OK ||
	    case_set(c, "merchant.shop", "闪充数码旗舰店") != DISPUTE_OK ||
	    case_set(c, "claimant.name", "李明") != DISPUTE_OK ||
	    case_set(c, "problem.category", "quality") != DISPUTE_OK ||
	    case_set(c, "problem.description", "按键无反应 <b>bold</b>") != DISPUTE_OK ||
	    case_set(c, "demand.text", "退货退款") != DISPUTE_OK)
		return -1;
	if (add_sample(c, "defect", "defect-photo.jpg", SCRIPT_NOTE) != DISPUTE_OK ||
	    add_sample(c, "defect", "no-power.mp4", NULL) != DISPUTE_OK ||
	    add_sample(c, "order", "order-screenshot.png", NULL) != DISPUTE_OK ||
	    add_sample(c, "chat", "chat-merchant.txt", NULL) != DISPUTE_OK ||
	    add_sample(c, "chat", "chat-platform.csv", NULL) != DISPUTE_OK ||
	    add_sample(c, "receipt", "invoice.pdf", NULL) != DISPUTE_OK ||
	    add_sample(c, "communication-audio", "call.mp3", NULL) != DISPUTE_OK ||
	    add_file(c, "chat", log, NULL) != DISPUTE_OK ||
	    add_sample(c, "defect", "camera-photo.jpg", NULL) != DISPUTE_OK)
		return -1;
	if (log_contact(c, "2026-10-12", "merchant", "refused", "商家拒绝退款 <i>") != DISPUTE_OK ||
	    log_contact(c, "2026-10-14", "platform", "pending", "平台处理中") != DISPUTE_OK ||
	    case_save(c) != DISPUTE_OK)
		return -1;
	case_close(c);
	free(log);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	int status;

	status = remove_tree(f->tmp);
	free(f->dir);
	free(f);
	return status;
}

/* Closes the case the fixture has open, if any. */
static void
close_open_case(struct fixture *f)
{
	case_close(f->open);
	f->open = NULL;
}

/* Each test's teardown: whatever case a failed assertion left open. */
static int
close_left_open(void **state)
{
	close_open_case(*state);
	return 0;
}

/* Builds the page of case C as `dispute pack` does, from the pack's inputs. */
static void
add_page(const struct dispute_case *c, const char *dir, struct collected *out)
{
	struct rules rules = { NULL, NULL };
	struct holiday_table holidays = { NULL };
	struct dossier_inputs inputs;

	assert_int_equal(rules_load_default(&rules), DISPUTE_OK);
	assert_int_equal(holidays_load_default(&holidays, dir), DISPUTE_OK);
	assert_int_equal(dossier_inputs_build(c, &rules, &holidays, DATE, &inputs), DISPUTE_OK);
	assert_int_equal(page_add_to_bag(c, &inputs, collect, collect_page, out), DISPUTE_OK);
	dossier_inputs_free(&inputs);
	holidays_free(&holidays);
	rules_free(&rules);
}

/* Builds the page of the fixture's case into OUT; the page itself is returned. */
static const char *
build_page(struct fixture *f, struct collected *out)
{
	struct dispute_case *c = NULL;
	const char *html;

	memset(out, 0, sizeof *out);
	assert_int_equal(case_open(f->dir, CASE_READ, &c), DISPUTE_OK);
	f->open = c;
	add_page(c, f->dir, out);
	close_open_case(f);
	html = collected_file(out, "data/index.html", NULL);
	assert_non_null(html);
	return html;
}

static void
set_fact(struct fixture *f, const char *name, const char *value)
{
	struct dispute_case *c = NULL;

	assert_int_equal(case_open(f->dir, CASE_WRITE, &c), DISPUTE_OK);
	f->open = c;
	assert_int_equal(case_set(c, name, value), DISPUTE_OK);
	assert_int_equal(case_save(c), DISPUTE_OK);
	close_open_case(f);
}

/* Thumbnails. */

/* A picture of WIDTH x HEIGHT with a gradient, saved at PATH as FORMAT ("jpeg", "png");
 * ALPHA adds a transparent left half. */
static void
write_picture(const char *path, const char *format, int width, int height, int alpha)
{
	GdkPixbuf *p = gdk_pixbuf_new(GDK_COLORSPACE_RGB, alpha, 8, width, height);
	guchar *pixels;
	int x, y, stride, channels;

	assert_non_null(p);
	pixels = gdk_pixbuf_get_pixels(p);
	stride = gdk_pixbuf_get_rowstride(p);
	channels = gdk_pixbuf_get_n_channels(p);
	for (y = 0; y < height; y++)
		for (x = 0; x < width; x++) {
			guchar *px = pixels + y * stride + x * channels;

			px[0] = (guchar)(255 * x / width);
			px[1] = (guchar)(255 * y / height);
			px[2] = 0;
			if (alpha)
				px[3] = x < width / 2 ? 0 : 255;
		}
	assert_true(gdk_pixbuf_save(p, path, format, NULL, NULL));
	g_object_unref(p);
}

static void
write_photo(const char *path, int width, int height)
{
	write_picture(path, "jpeg", width, height, 0);
}

/* The thumbnail decoded again: its size, and the colour of one pixel. */
static GdkPixbuf *
decode_thumbnail(const struct thumb *t)
{
	GdkPixbufLoader *loader = gdk_pixbuf_loader_new_with_type("jpeg", NULL);
	GdkPixbuf *image;

	assert_non_null(t->data);
	assert_true(t->len > 4);
	assert_memory_equal(t->data, "\xFF\xD8\xFF", 3);
	assert_non_null(loader);
	assert_true(gdk_pixbuf_loader_write(loader, (const guchar *)t->data, t->len, NULL));
	assert_true(gdk_pixbuf_loader_close(loader, NULL));
	image = gdk_pixbuf_loader_get_pixbuf(loader);
	assert_non_null(image);
	g_object_ref(image);
	g_object_unref(loader);
	return image;
}

static void
assert_jpeg_size(const struct thumb *t, int width, int height)
{
	GdkPixbuf *image = decode_thumbnail(t);

	assert_int_equal(gdk_pixbuf_get_width(image), width);
	assert_int_equal(gdk_pixbuf_get_height(image), height);
	assert_int_equal(t->width, width);
	assert_int_equal(t->height, height);
	g_object_unref(image);
}

static void
test_thumbnail_of_a_large_photo(void **state)
{
	struct fixture *f = *state;
	struct thumb a, b;
	char *path = NULL;

	assert_true(asprintf(&path, "%s/large.jpg", f->tmp) > 0);
	write_photo(path, 2000, 1500);
	assert_int_equal(thumb_make(path, "large.jpg", "image/jpeg", &a), DISPUTE_OK);
	assert_jpeg_size(&a, THUMB_MAX, THUMB_MAX * 1500 / 2000);
	assert_int_equal(thumb_make(path, "large.jpg", "image/jpeg", &b), DISPUTE_OK);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	thumb_free(&a);
	thumb_free(&b);
	assert_null(a.data);

	/* Portrait: the height is the longer side. */
	write_photo(path, 900, 1600);
	assert_int_equal(thumb_make(path, "large.jpg", "image/jpeg", &a), DISPUTE_OK);
	assert_jpeg_size(&a, 900 * THUMB_MAX / 1600, THUMB_MAX);
	thumb_free(&a);
	free(path);
}

/* Small photos keep their size: a thumbnail is never blown up. */
static void
test_thumbnail_of_a_small_photo_is_not_enlarged(void **state)
{
	struct thumb t;

	(void)state;
	assert_int_equal(thumb_make(SAMPLES "defect-photo.jpg", "defect-photo.jpg", "image/jpeg", &t), DISPUTE_OK);
	assert_jpeg_size(&t, 96, 64);
	thumb_free(&t);
	/* A 4-bit greyscale PNG becomes an 8-bit sRGB JPEG. */
	assert_int_equal(thumb_make(SAMPLES "order-screenshot.png", "order-screenshot.png", "image/png", &t),
	    DISPUTE_OK);
	assert_jpeg_size(&t, 60, 100);
	thumb_free(&t);
}

/* The camera's EXIF block (maker, model, GPS position) stays out of the thumbnail. */
static void
test_thumbnail_strips_metadata(void **state)
{
	struct thumb t;
	char *original;
	size_t len;
	FILE *in;

	(void)state;
	in = fopen(SAMPLES "camera-photo.jpg", "rb");
	assert_non_null(in);
	original = malloc(4096);
	assert_non_null(original);
	len = fread(original, 1, 4096, in);
	fclose(in);
	assert_non_null(memmem(original, len, "Exif", 4));
	assert_non_null(memmem(original, len, "Xiaomi", 6));
	free(original);

	assert_int_equal(thumb_make(SAMPLES "camera-photo.jpg", "camera-photo.jpg", "image/jpeg", &t), DISPUTE_OK);
	assert_non_null(t.data);
	assert_null(memmem(t.data, t.len, "Exif", 4));
	assert_null(memmem(t.data, t.len, "Xiaomi", 6));
	assert_null(memmem(t.data, t.len, "Redmi", 5));
	thumb_free(&t);
}

/* A phone held upright: a landscape JPEG of WIDTH x HEIGHT at PATH, left half red and
 * right half blue, with EXIF orientation 6 ("turn 90 degrees clockwise to view"), so
 * that the picture as meant to be seen is HEIGHT x WIDTH, red on top. */
static void
write_sideways_photo(const char *path, int width, int height)
{
	GdkPixbuf *p = gdk_pixbuf_new(GDK_COLORSPACE_RGB, FALSE, 8, width, height);
	gchar *jpeg = NULL;
	gsize len = 0;
	unsigned char *turned;
	size_t turned_len;
	FILE *out;
	int x, y;

	assert_non_null(p);
	for (y = 0; y < height; y++)
		for (x = 0; x < width; x++) {
			guchar *px = gdk_pixbuf_get_pixels(p) + y * gdk_pixbuf_get_rowstride(p) + x * 3;

			px[0] = x < width / 2 ? 255 : 0;
			px[1] = 0;
			px[2] = x < width / 2 ? 0 : 255;
		}
	assert_true(gdk_pixbuf_save_to_buffer(p, &jpeg, &len, "jpeg", NULL, NULL));
	turned = jpeg_with_orientation((const unsigned char *)jpeg, len, 6, 0, &turned_len);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(turned, 1, turned_len, out), turned_len);
	assert_int_equal(fclose(out), 0);
	free(turned);
	g_free(jpeg);
	g_object_unref(p);
}

/* The thumbnail is the picture as it is meant to be seen. */
static void
test_thumbnail_is_turned_upright(void **state)
{
	struct fixture *f = *state;
	struct thumb t;
	char *path = NULL;

	assert_true(asprintf(&path, "%s/sideways.jpg", f->tmp) > 0);
	write_sideways_photo(path, 200, 100);
	assert_int_equal(thumb_make(path, "sideways.jpg", "image/jpeg", &t), DISPUTE_OK);
	assert_jpeg_size(&t, 100, 200);
	thumb_free(&t);
	free(path);
}

/* upright_make() hands its JPEGs here, as thumbnails so that they decode alike. */
static int
keep_upright(size_t index, const char *jpeg, size_t len, void *ctx)
{
	struct thumb *kept = (struct thumb *)ctx + index;

	kept->data = malloc(len);
	assert_non_null(kept->data);
	memcpy(kept->data, jpeg, len);
	kept->len = len;
	return DISPUTE_OK;
}

/* Two sideways photos in one run: each whole, turned (red on top), without EXIF. */
static void
test_upright(void **state)
{
	struct fixture *f = *state;
	struct thumb kept[2] = { { NULL, 0, 0, 0 }, { NULL, 0, 0, 0 } };
	char *paths[2] = { NULL, NULL };
	GdkPixbuf *image;
	const guchar *top, *bottom;
	int i;

	assert_true(asprintf(&paths[0], "%s/portrait-1.jpg", f->tmp) > 0);
	assert_true(asprintf(&paths[1], "%s/portrait-2.jpg", f->tmp) > 0);
	write_sideways_photo(paths[0], 40, 20);
	write_sideways_photo(paths[1], 1200, 900);
	assert_int_equal(upright_make((const char *const *)paths, 2, keep_upright, kept),
	    DISPUTE_OK);
	for (i = 0; i < 2; i++) {
		int width = i == 0 ? 20 : 900, height = i == 0 ? 40 : 1200;

		assert_null(memmem(kept[i].data, kept[i].len, "Exif", 4));
		image = decode_thumbnail(&kept[i]);
		assert_int_equal(gdk_pixbuf_get_width(image), width);
		assert_int_equal(gdk_pixbuf_get_height(image), height);
		top = gdk_pixbuf_get_pixels(image) + height / 4 * gdk_pixbuf_get_rowstride(image) +
		    width / 2 * gdk_pixbuf_get_n_channels(image);
		bottom = gdk_pixbuf_get_pixels(image) + 3 * height / 4 *
		    gdk_pixbuf_get_rowstride(image) + width / 2 * gdk_pixbuf_get_n_channels(image);
		assert_true(top[0] > 200 && top[2] < 60);
		assert_true(bottom[0] < 60 && bottom[2] > 200);
		g_object_unref(image);
		thumb_free(&kept[i]);
		free(paths[i]);
	}
}

/* A photo that does not decode cannot be published sideways: an error naming it. */
static void
test_upright_refuses_undecodable(void **state)
{
	struct fixture *f = *state;
	struct thumb kept[1] = { { NULL, 0, 0, 0 } };
	struct capture cap;
	char *path = NULL, *err;
	FILE *out;

	assert_true(asprintf(&path, "%s/broken.jpg", f->tmp) > 0);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite("\xFF\xD8\xFF\xE1\x00\x02garbage", 1, 13, out), 13);
	assert_int_equal(fclose(out), 0);
	capture_start(&cap);
	assert_int_equal(upright_make((const char *const *)&path, 1, keep_upright, kept),
	    DISPUTE_FAILED);
	err = capture_end(&cap);
	assert_contains(err, path);
	assert_contains(err, "cannot be turned upright");
	assert_null(kept[0].data);
	free(err);
	free(path);
}

/* A transparent part of a PNG is white in the thumbnail, not black. */
static void
test_thumbnail_puts_transparency_on_white(void **state)
{
	struct fixture *f = *state;
	struct thumb t;
	GdkPixbuf *image;
	const guchar *clear, *solid;
	char *path = NULL;

	assert_true(asprintf(&path, "%s/clear.png", f->tmp) > 0);
	write_picture(path, "png", 100, 50, 1);
	assert_int_equal(thumb_make(path, "clear.png", "image/png", &t), DISPUTE_OK);
	image = decode_thumbnail(&t);
	clear = gdk_pixbuf_get_pixels(image) + 25 * gdk_pixbuf_get_rowstride(image) +
	    10 * gdk_pixbuf_get_n_channels(image);
	solid = gdk_pixbuf_get_pixels(image) + 25 * gdk_pixbuf_get_rowstride(image) +
	    90 * gdk_pixbuf_get_n_channels(image);
	assert_true(clear[0] > 240 && clear[1] > 240 && clear[2] > 240);
	assert_true(solid[2] < 30); /* the gradient's blue is 0 */
	g_object_unref(image);
	thumb_free(&t);
	free(path);
}

/* thumb_make() skips PATH with a warning that contains WANT. */
static void
assert_skipped(const char *path, const char *label, const char *mime, const char *want)
{
	struct thumb t;
	struct capture cap;
	char *err;

	/* The warning is the subject here; the fixture keeps the core quiet otherwise. */
	dispute_set_quiet(0);
	capture_start(&cap);
	assert_int_equal(thumb_make(path, label, mime, &t), DISPUTE_OK);
	err = capture_end(&cap);
	dispute_set_quiet(1);
	assert_null(t.data);
	assert_contains(err, want);
	free(err);
}

/* A PNG is decoded whole: past 16 megapixels it gets no thumbnail (and costs no
 * memory), a JPEG of the same size does. A file whose content is not what libmagic
 * recorded is not decoded either. */
static void
test_thumbnail_size_limits(void **state)
{
	struct fixture *f = *state;
	struct thumb t;
	char *path = NULL;

	assert_true(asprintf(&path, "%s/huge.png", f->tmp) > 0);
	write_picture(path, "png", 5000, 3400, 0);
	assert_skipped(path, "huge.png", "image/png",
	    "huge.png: no thumbnail (more than 16 megapixels");
	free(path);

	assert_true(asprintf(&path, "%s/huge.jpg", f->tmp) > 0);
	write_photo(path, 5000, 3400);
	assert_int_equal(thumb_make(path, "huge.jpg", "image/jpeg", &t), DISPUTE_OK);
	assert_jpeg_size(&t, THUMB_MAX, THUMB_MAX * 3400 / 5000);
	thumb_free(&t);
	assert_skipped(path, "huge.jpg", "image/png",
	    "huge.jpg: no thumbnail (the picture does not decode)");
	free(path);
}

/* Not a photo, or a broken one: no thumbnail, a warning, and no failure. */
static void
test_thumbnail_skips_what_does_not_decode(void **state)
{
	static const char broken[] = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01"
	    "\x00\x01\x00\x00\xFF\xC0\x00\x11\x08\x7F\xFF\x7F\xFF\x03garbage";
	struct fixture *f = *state;
	struct thumb t;
	char *path = NULL;
	FILE *out;

	assert_skipped(SAMPLES "invoice.pdf", "invoice.pdf", "application/pdf",
	    "invoice.pdf: no thumbnail (not a JPEG, PNG, WebP, GIF, HEIF or TIFF picture)");
	assert_int_equal(thumb_make(SAMPLES "chat-merchant.txt", "chat-merchant.txt", "text/plain", &t),
	    DISPUTE_OK);
	assert_null(t.data);

	/* A JPEG header and then nothing a decoder can use. */
	assert_true(asprintf(&path, "%s/broken.jpg", f->tmp) > 0);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(broken, 1, sizeof broken - 1, out), sizeof broken - 1);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(thumb_make(path, "broken.jpg", "image/jpeg", &t), DISPUTE_OK);
	assert_null(t.data);

	/* A missing file is skipped the same way. */
	assert_int_equal(thumb_make("/nonexistent/x.jpg", "x.jpg", "image/jpeg", &t), DISPUTE_OK);
	assert_null(t.data);
	free(path);
}

/* The page. */

static void
test_page_structure(void **state)
{
	struct collected out;
	const char *html = build_page(*state, &out);

	assert_int_equal(strncmp(html, "<!DOCTYPE html>\n", 16), 0);
	assert_contains(html, "<html lang=\"zh-CN\">");
	assert_contains(html, "<meta charset=\"utf-8\">");
	assert_contains(html, "<title>");
	assert_contains(html, "</html>\n");
	assert_contains(html, "<style>");
	assert_contains(html, "@media print");
	/* Self-contained: no script, no stylesheet or font from anywhere, no web address in
	 * any link. */
	assert_lacks(html, "<script");
	assert_lacks(html, "<link");
	assert_lacks(html, "@import");
	assert_lacks(html, "src=\"http");
	assert_lacks(html, "href=\"http");
	assert_lacks(html, "url(");
	assert_lacks(html, "src=\"/");
	assert_lacks(html, "href=\"/");
	assert_lacks(html, "file:");
	collected_free(&out);
}

static void
test_page_numbers_every_exhibit(void **state)
{
	struct collected out;
	const char *html = build_page(*state, &out);
	int i;

	for (i = 1; i <= 9; i++) {
		char label[64], anchor[64];

		snprintf(label, sizeof label, "<a href=\"#E%02d\">证据%d</a>", i, i);
		snprintf(anchor, sizeof anchor, "id=\"E%02d\" data-exhibit=\"%d\"", i, i);
		assert_contains(html, label);
		assert_contains(html, anchor);
	}
	assert_lacks(html, "证据10");
	assert_contains(html, "证据1 第1页 / 共1页");
	assert_contains(html, "<video controls preload=\"metadata\" "
	    "src=\"evidence/E02-defect.mp4\" poster=\"posters/E02-defect.jpg\">");
	assert_contains(html, "<audio controls preload=\"metadata\" "
	    "src=\"evidence/E07-communication-audio.mp3\">");
	assert_contains(html, "href=\"evidence/E06-receipt.pdf\"");
	/* The chat logs shown as text, escaped; the CSV too. */
	assert_contains(html, "<pre class=\"log\">2026-10-03 10:02 我：你好");
	assert_contains(html, "时间,发送方,内容\n2026-10-04 09:00,平台客服");
	/* The drafts the case's facts allow, under the names the dossier gives them. */
	/* 00-证据清单.txt, percent-encoded */
	assert_contains(html, "<a class=\"document\" "
	    "href=\"documents/00-%E8%AF%81%E6%8D%AE%E6%B8%85%E5%8D%95.txt\">00-证据清单.txt</a>");
	assert_lacks(html, "民事起诉状");
	/* The ladder, with the rung reached, and the timeline drawn. */
	assert_contains(html, "current\">向平台投诉");
	assert_contains(html, "<svg class=\"timeline-svg\"");
	/* Its dates the Chinese way, never ISO strings. */
	assert_contains(html, "10月12日 商家·拒绝 商家拒绝退款 &lt;i&gt;");
	assert_contains(html, "<title>2026年10月12日 商家·拒绝 商家拒绝退款");
	assert_lacks(html, ">10-12 ");
	assert_contains(html, "stroke-dasharray=\"3 2\""); /* the pending contact */
	assert_contains(html, "期限：");
	assert_contains(html, "sha256sum -c manifest-sha256.txt");
	assert_contains(html, "dispute-6920451873301942-20261118");
	collected_free(&out);
}

/* What the buyer typed is text, never markup. */
static void
test_page_escapes_the_buyers_words(void **state)
{
	struct collected out;
	const char *html = build_page(*state, &out);

	assert_contains(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'quotes'");
	assert_lacks(html, "<script>");
	assert_lacks(html, "alert(\"x\")");
	assert_contains(html, "按键无反应 &lt;b&gt;bold&lt;/b&gt;");
	assert_lacks(html, "<b>");
	/* The chat log's own markup as well. */
	assert_contains(html, "&lt;b&gt;&amp;amp;&lt;/b&gt;");
	collected_free(&out);
}

/* One thumbnail per photo, named after the evidence file, stored as JPEG. */
static void
test_page_thumbnails(void **state)
{
	static const char *const thumbs[] = {
		"data/thumbs/E01-defect.jpg", "data/thumbs/E03-order.jpg",
		"data/thumbs/E09-defect.jpg",
	};
	struct collected out;
	const char *html = build_page(*state, &out), *data;
	size_t i, len, images = 0;

	for (i = 0; i < sizeof thumbs / sizeof thumbs[0]; i++) {
		char src[128];

		data = collected_file(&out, thumbs[i], &len);
		assert_non_null(data);
		assert_memory_equal(data, "\xFF\xD8\xFF", 3);
		snprintf(src, sizeof src, "src=\"%s\"", thumbs[i] + strlen("data/"));
		assert_contains(html, src);
	}
	for (i = 0; i < out.count; i++)
		images += strcmp(out.mimes[i], "image/jpeg") == 0;
	/* and the video's poster frame, a JPEG too, and the page */
	assert_non_null(collected_file(&out, "data/posters/E02-defect.jpg", &len));
	assert_int_equal(images, 4);
	assert_int_equal(out.count, 5);
	assert_contains(html, "<a href=\"evidence/E01-defect.jpg\"><img class=\"thumb\" "
	    "src=\"thumbs/E01-defect.jpg\" width=\"96\" height=\"64\"");
	collected_free(&out);
}

/* A long chat log: 200 lines shown, over several printed pages, each labelled. */
static void
test_page_splits_long_logs(void **state)
{
	struct collected out;
	const char *html = build_page(*state, &out), *start, *end;
	char *section;
	int pages, k;

	start = strstr(html, "data-exhibit=\"8\" data-page=\"1\"");
	assert_non_null(start);
	pages = count_of(html, "data-exhibit=\"8\" data-page=");
	assert_true(pages > 1);
	for (k = 1; k <= pages; k++) {
		char label[64];

		snprintf(label, sizeof label, "证据8 第%d页 / 共%d页", k, pages);
		assert_contains(html, label);
	}
	end = strstr(html, "data-exhibit=\"9\"");
	assert_non_null(end);
	section = strndup(start, (size_t)(end - start));
	assert_non_null(section);
	assert_contains(section, "第200条消息");
	assert_lacks(section, "第201条消息");
	assert_contains(section, "只显示了前 200 行");
	free(section);
	/* Short items take one page each. */
	assert_int_equal(count_of(html, "data-exhibit=\"4\" data-page="), 1);
	collected_free(&out);
}

static void
test_page_is_reproducible(void **state)
{
	struct collected a, b;
	size_t i;

	build_page(*state, &a);
	build_page(*state, &b);
	assert_int_equal(a.count, b.count);
	for (i = 0; i < a.count; i++) {
		assert_string_equal(a.names[i], b.names[i]);
		assert_int_equal(a.lens[i], b.lens[i]);
		assert_memory_equal(a.data[i], b.data[i], a.lens[i]);
	}
	collected_free(&a);
	collected_free(&b);
}

static void
test_page_in_english(void **state)
{
	struct collected out;
	const char *html;

	set_fact(*state, "case.language", "en");
	html = build_page(*state, &out);
	assert_contains(html, "<html lang=\"en\">");
	assert_contains(html, "<a href=\"#E01\">Exhibit 1</a>");
	assert_contains(html, "Exhibit 1 — page 1 of 1");
	assert_contains(html, "href=\"documents/00-evidence-list.txt\"");
	assert_contains(html, "merchant · refused");
	assert_lacks(html, "<script>");
	collected_free(&out);
}

/* A case with nothing yet still gets a valid page. */
static void
test_page_of_an_empty_case(void **state)
{
	struct fixture *f = *state;
	struct dispute_case *c = NULL;
	struct collected out;
	char *dir = NULL;
	const char *html;

	assert_true(asprintf(&dir, "%s/empty", f->tmp) > 0);
	assert_int_equal(case_create(dir, "2026-11-18T10:00:00+08:00"), DISPUTE_OK);
	assert_int_equal(case_open(dir, CASE_READ, &c), DISPUTE_OK);
	f->open = c;
	memset(&out, 0, sizeof out);
	add_page(c, dir, &out);
	close_open_case(f);
	assert_int_equal(out.count, 1);
	html = collected_file(&out, "data/index.html", NULL);
	assert_non_null(html);
	assert_contains(html, "尚未添加证据");
	assert_contains(html, "尚无时间记录");
	assert_lacks(html, "<svg class=\"timeline-svg\"");
	collected_free(&out);
	free(dir);
}

/* Every test closes what a failed assertion of it left open. */
#define TEST(name) cmocka_unit_test_teardown(name, close_left_open)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_thumbnail_of_a_large_photo),
		TEST(test_thumbnail_of_a_small_photo_is_not_enlarged),
		TEST(test_thumbnail_strips_metadata),
		TEST(test_thumbnail_is_turned_upright),
		TEST(test_upright),
		TEST(test_upright_refuses_undecodable),
		TEST(test_thumbnail_puts_transparency_on_white),
		TEST(test_thumbnail_size_limits),
		TEST(test_thumbnail_skips_what_does_not_decode),
		TEST(test_page_structure),
		TEST(test_page_numbers_every_exhibit),
		TEST(test_page_escapes_the_buyers_words),
		TEST(test_page_thumbnails),
		TEST(test_page_splits_long_logs),
		TEST(test_page_is_reproducible),
		TEST(test_page_of_an_empty_case),
		/* Last: it switches the case to English. */
		TEST(test_page_in_english),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
