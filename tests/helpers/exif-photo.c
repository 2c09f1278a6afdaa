/* exif-photo IN.jpg OUT.jpg MAKE MODEL "YYYY:MM:DD HH:MM:SS" OFFSET: a copy of the JPEG
 * IN with an EXIF block, as a phone's camera writes it, holding Make, Model,
 * DateTimeOriginal and OffsetTimeOriginal (EXIF 2.31, "+08:00"), written with libexif
 * right after the SOI marker. ImageMagick cannot write those tags and exiftool is not
 * installed, so cli/t-media makes its camera photos with this. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexif/exif-data.h>

static int
set_ascii(ExifData *ed, ExifIfd ifd, ExifTag tag, const char *value)
{
	ExifEntry *e = exif_entry_new();
	size_t n = strlen(value) + 1;

	if (e == NULL)
		return 0;
	e->data = malloc(n);
	if (e->data == NULL)
		return 0;
	memcpy(e->data, value, n);
	e->tag = tag;
	e->format = EXIF_FORMAT_ASCII;
	e->components = n;
	e->size = (unsigned int)n;
	exif_content_add_entry(ed->ifd[ifd], e);
	exif_entry_unref(e);
	return 1;
}

int
main(int argc, char **argv)
{
	ExifData *ed;
	unsigned char *block = NULL, *jpeg;
	unsigned int block_len = 0;
	long len;
	FILE *in, *out;

	if (argc != 7) {
		fputs("usage: exif-photo IN.jpg OUT.jpg MAKE MODEL DATETIME OFFSET\n", stderr);
		return 2;
	}
	in = fopen(argv[1], "rb");
	if (in == NULL || fseek(in, 0, SEEK_END) != 0 || (len = ftell(in)) < 4 ||
	    fseek(in, 0, SEEK_SET) != 0 || (jpeg = malloc((size_t)len)) == NULL ||
	    fread(jpeg, 1, (size_t)len, in) != (size_t)len || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
		return 1;
	fclose(in);
	ed = exif_data_new();
	exif_data_set_byte_order(ed, EXIF_BYTE_ORDER_INTEL);
	if (!set_ascii(ed, EXIF_IFD_0, EXIF_TAG_MAKE, argv[3]) ||
	    !set_ascii(ed, EXIF_IFD_0, EXIF_TAG_MODEL, argv[4]) ||
	    !set_ascii(ed, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, argv[5]) ||
	    !set_ascii(ed, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL, argv[6]))
		return 1;
	exif_data_save_data(ed, &block, &block_len);
	if (block == NULL || block_len + 2 > 0xFFFF || (out = fopen(argv[2], "wb")) == NULL)
		return 1;
	/* SOI, then APP1 (its length counts itself), then the rest of the original. */
	fwrite(jpeg, 1, 2, out);
	fputc(0xFF, out);
	fputc(0xE1, out);
	fputc((int)((block_len + 2) >> 8), out);
	fputc((int)((block_len + 2) & 0xFF), out);
	fwrite(block, 1, block_len, out);
	fwrite(jpeg + 2, 1, (size_t)len - 2, out);
	free(block);
	free(jpeg);
	exif_data_unref(ed);
	return fclose(out) != 0;
}
