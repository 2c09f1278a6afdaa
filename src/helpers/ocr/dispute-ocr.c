/* dispute-ocr: pictures of text read through Tesseract (Chinese and English), in a
 * process of its own (helper.h), so that only the commands that read pictures load
 * Tesseract, its language models and Leptonica, and a picture that crashes or exhausts
 * them costs only its own reading. Nothing leaves the machine.
 *
 * Command "read", items {"path", "orientation" (optional, the EXIF orientation 1 to 8,
 * which Leptonica does not read)}: the picture turned upright as that orientation says,
 * and its text, line by line. The header says
 * "width" and "height", or "skipped" (undecodable, too-large) with "detail" and no
 * payload. The payload is one JSON object:
 *   {"engine": "tesseract 5.3.0", "languages": "chi_sim+eng", "confidence": 91.2,
 *    "lines": [{"text", "confidence", "box": [x0, y0, x1, y1],
 *               "words": [{"text", "confidence", "box"}]}]}
 * with confidences from 0 to 100 as Tesseract gives them and boxes in the upright
 * picture, x1 and y1 exclusive; "width" and "height" are the upright picture's.
 *
 * Tesseract runs on one thread: its OpenMP threads only fight over a shared machine's
 * cores (measured: 0.6 s on one thread, 2.4 s on two, for a 1080×2400 screenshot), and
 * the OpenMP runtime reads its thread limit when it loads, before main(), so the
 * program starts itself again with OMP_THREAD_LIMIT=1 when that is not set. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "protocol.h"

#define OCR_LANGUAGES "chi_sim+eng"
/* A phone's screenshot is 2.6 megapixels, a scanned A4 page at 300 dpi 8.7; larger
 * pictures are refused from their header rather than decoded. */
#define OCR_MAX_PIXELS (40.0 * 1000 * 1000)

/* {"text", "confidence", "box"} of the element at LEVEL, added to LIST; 0, or -1 when
 * memory ran out. An element without text is left out. */
static int
add_element(cJSON *list, TessResultIterator *it, TessPageIteratorLevel level, cJSON **added)
{
	const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(it);
	char *text = TessResultIteratorGetUTF8Text(it, level);
	int x0 = 0, y0 = 0, x1 = 0, y1 = 0, status = -1;
	size_t len = text != NULL ? strlen(text) : 0;
	cJSON *element = NULL, *box;

	*added = NULL;
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
		text[--len] = '\0';
	if (len == 0) {
		status = 0;
		goto out;
	}
	TessPageIteratorBoundingBox(page, level, &x0, &y0, &x1, &y1);
	element = cJSON_CreateObject();
	box = cJSON_CreateIntArray((const int[]){ x0, y0, x1, y1 }, 4);
	if (element == NULL || box == NULL || !cJSON_AddItemToObject(element, "box", box)) {
		cJSON_Delete(box);
		goto out;
	}
	if (cJSON_AddStringToObject(element, "text", text) == NULL ||
	    cJSON_AddNumberToObject(element, "confidence",
	    (double)(int)(TessResultIteratorConfidence(it, level) * 10) / 10) == NULL ||
	    !cJSON_AddItemToArray(list, element))
		goto out;
	*added = element;
	element = NULL;
	status = 0;
out:
	cJSON_Delete(element);
	TessDeleteText(text);
	return status;
}

/* The recognised page as the payload's lines. */
static int
collect_lines(TessBaseAPI *api, cJSON *lines)
{
	TessResultIterator *it = TessBaseAPIGetIterator(api);
	TessPageIterator *page;
	cJSON *line = NULL, *words = NULL, *word;
	int status = 0;

	if (it == NULL)
		return 0; /* a picture without any text */
	page = TessResultIteratorGetPageIterator(it);
	do {
		if (TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE)) {
			if (add_element(lines, it, RIL_TEXTLINE, &line) != 0 ||
			    (line != NULL && (words = cJSON_AddArrayToObject(line, "words")) == NULL)) {
				status = -1;
				break;
			}
		}
		if (line != NULL && add_element(words, it, RIL_WORD, &word) != 0) {
			status = -1;
			break;
		}
	} while (TessPageIteratorNext(page, RIL_WORD));
	TessResultIteratorDelete(it);
	return status;
}

/* PIX turned as the EXIF ORIENTATION says (2: mirrored, 3: turned 180 degrees, 4:
 * flipped, 5: mirrored and turned 270 degrees clockwise, 6: 90 clockwise, 7: mirrored
 * and 90, 8: 270), as GdkPixbuf turns it for the covered copy; PIX itself is released.
 * NULL when memory ran out. */
static PIX *
upright(PIX *pix, int orientation)
{
	static const int quads[9] = { 0, 0, 0, 2, 0, 3, 1, 1, 3 };
	PIX *turned;

	if (orientation < 2 || orientation > 8)
		return pix;
	if (orientation == 2 || orientation == 5 || orientation == 7)
		turned = pixFlipLR(NULL, pix);
	else if (orientation == 4)
		turned = pixFlipTB(NULL, pix);
	else
		turned = pixClone(pix);
	pixDestroy(&pix);
	if (turned == NULL || quads[orientation] == 0)
		return turned;
	pix = pixRotateOrth(turned, quads[orientation]);
	pixDestroy(&turned);
	return pix;
}

static int
read_one(TessBaseAPI *api, size_t index, const cJSON *item)
{
	const char *path = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "path"));
	const cJSON *orientation;
	l_int32 width = 0, height = 0, bps, spp, res, cmap, format;
	cJSON *header = NULL, *result = NULL, *lines;
	char *payload = NULL, version[64];
	PIX *pix = NULL;
	int status = 1;

	if (path == NULL)
		return protocol_fail("item %zu: needs a path", index);
	if (pixReadHeader(path, &format, &width, &height, &bps, &spp, &cmap) != 0 ||
	    width <= 0 || height <= 0)
		return protocol_skipped(index, "undecodable", NULL);
	if ((double)width * height > OCR_MAX_PIXELS)
		return protocol_skipped(index, "too-large", NULL);
	pix = pixRead(path);
	if (pix == NULL)
		return protocol_skipped(index, "undecodable", NULL);
	orientation = cJSON_GetObjectItemCaseSensitive(item, "orientation");
	pix = upright(pix, cJSON_IsNumber(orientation) ? orientation->valueint : 1);
	if (pix == NULL)
		return protocol_fail("out of memory");
	width = pixGetWidth(pix);
	height = pixGetHeight(pix);
	/* Screenshots carry no resolution, or 72 dpi; Tesseract then guesses it from the
	 * text's height, which is what a phone's pixels need. */
	res = pixGetXRes(pix);
	if (res < 70 || res > 1200)
		pixSetResolution(pix, 0, 0);
	TessBaseAPISetImage2(api, pix);
	if (TessBaseAPIRecognize(api, NULL) != 0) {
		status = protocol_skipped(index, "undecodable", "recognition failed");
		goto out;
	}
	snprintf(version, sizeof version, "tesseract %s", TessVersion());
	result = cJSON_CreateObject();
	header = cJSON_CreateObject();
	if (result == NULL || header == NULL ||
	    cJSON_AddStringToObject(result, "engine", version) == NULL ||
	    cJSON_AddStringToObject(result, "languages", OCR_LANGUAGES) == NULL ||
	    cJSON_AddNumberToObject(result, "confidence", TessBaseAPIMeanTextConf(api)) == NULL ||
	    (lines = cJSON_AddArrayToObject(result, "lines")) == NULL ||
	    collect_lines(api, lines) != 0 ||
	    cJSON_AddNumberToObject(header, "width", width) == NULL ||
	    cJSON_AddNumberToObject(header, "height", height) == NULL ||
	    (payload = cJSON_PrintUnformatted(result)) == NULL) {
		status = protocol_fail("out of memory");
		goto out;
	}
	status = protocol_reply(index, header, payload, strlen(payload));
	header = NULL;
out:
	TessBaseAPIClear(api);
	cJSON_free(payload);
	cJSON_Delete(header);
	cJSON_Delete(result);
	pixDestroy(&pix);
	return status;
}

/* Starts the program again on one OpenMP thread (see the top of the file); returns
 * only when that is already so or cannot be done. */
static void
one_thread(char **argv)
{
	if (getenv("OMP_THREAD_LIMIT") != NULL || setenv("OMP_THREAD_LIMIT", "1", 1) != 0)
		return;
	execv("/proc/self/exe", argv);
}

int
main(int argc, char **argv)
{
	static const char *const commands[] = { "read", NULL };
	const cJSON *items, *item;
	const char *command;
	cJSON *request = NULL;
	TessBaseAPI *api = NULL;
	size_t index = 0;
	int status;

	(void)argc;
	one_thread(argv);
	status = protocol_read_request(commands, &request, &command, &items);
	if (status != 0)
		goto out;
	/* Leptonica's and Tesseract's chatter would reach the user's terminal. */
	setMsgSeverity(L_SEVERITY_NONE);
	api = TessBaseAPICreate();
	if (api != NULL)
		TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	if (api == NULL || TessBaseAPIInit3(api, NULL, OCR_LANGUAGES) != 0) {
		status = protocol_fail("cannot load the %s language data (install "
		    "tesseract-ocr-chi-sim and tesseract-ocr-eng)", OCR_LANGUAGES);
		goto out;
	}
	/* Sauvola's local threshold rather than one Otsu threshold for the page: a chat's
	 * green bubbles are lighter than its text and darker than its background, and
	 * under one threshold for the page their text vanishes with them. */
	TessBaseAPISetVariable(api, "thresholding_method", "2");
	TessBaseAPISetVariable(api, "thresholding_kfactor", "0.2");
	TessBaseAPISetPageSegMode(api, PSM_AUTO);
	cJSON_ArrayForEach(item, items) {
		if (status != 0)
			break;
		status = read_one(api, index++, item);
	}
out:
	if (api != NULL)
		TessBaseAPIDelete(api);
	cJSON_Delete(request);
	return status;
}
