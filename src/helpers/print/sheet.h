/* The pages of dispute-print (dispute-print.c): A4 with the margins of a Chinese court
 * document, a Chinese face found through fontconfig, text laid out by Pango, and a
 * cursor down the page that starts the next page, with its footer and running head,
 * when a block no longer fits. Every drawing call takes a sheet whose CR may be NULL:
 * the first pass of a document only counts its pages, so that the footer of page 1
 * already says how many there are; the second draws them, the same way. */
#ifndef DISPUTE_PRINT_SHEET_H
#define DISPUTE_PRINT_SHEET_H

#include <stdio.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

/* Points per millimetre: PDF measures in points of 1/72 inch. */
#define MM (72.0 / 25.4)
#define PAGE_WIDTH (210 * MM)
#define PAGE_HEIGHT (297 * MM)
#define MARGIN_TOP (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT (28 * MM)
#define MARGIN_RIGHT (26 * MM)
#define TEXT_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define TEXT_BOTTOM (PAGE_HEIGHT - MARGIN_BOTTOM)
/* 三号 (16 pt) body, 二号 (22 pt) title, 四号 (14 pt) page numbers. */
#define BODY_SIZE 16
#define TITLE_SIZE 22
#define FOOTER_SIZE 14
/* The body on a fixed pitch, about 22 lines a page as in court and government papers,
 * so that a page holds the same number of lines whatever the glyphs. */
#define BODY_PITCH 28.8
#define TITLE_PITCH (TITLE_SIZE * 1.6)

struct sheet {
	cairo_t *cr;                /* NULL while counting */
	PangoContext *context;
	const char *family;
	const char *footer_format;  /* "第 {page} 页 共 {pages} 页" */
	PangoLayout *footer;
	const char *running;        /* the head of a continued page, or NULL */
	int page, pages;            /* the current page (from 1) and, drawing, the total */
	double y;                   /* where the next block starts */
};

/* The family to set Chinese in: a Song (serif) face when one is installed, else a
 * sans one, or (SANS_FIRST) the other way round; 0, or 1 after protocol_fail(). */
int sheet_chinese_family(char *family, size_t size, int sans_first);

/* A layout of TEXT WIDTH points wide, in the sheet's family at SIZE points. */
PangoLayout *sheet_layout(const struct sheet *s, double size, int bold, const char *text,
    double width, PangoAlignment align);

/* Readies S to lay out or (CR not NULL) draw a document on CONTEXT in FAMILY, from
 * the top of page 1; sheet_done() frees what it made. */
void sheet_start(struct sheet *s, cairo_t *cr, PangoContext *context, const char *family,
    const char *footer_format, int pages);
void sheet_done(struct sheet *s);

/* Ends the page (its footer) and starts the next, with S->running at its top. */
void sheet_new_page(struct sheet *s);

/* Starts a new page unless HEIGHT points still fit above the bottom margin. */
void sheet_need(struct sheet *s, double height);

/* The lines of LAYOUT from S->y on, PITCH apart (0: each line its own height), at X
 * from the left margin, on as many pages as they take. */
void sheet_flow(struct sheet *s, PangoLayout *layout, double pitch, double x);

/* The footer of the last page: the document is complete. */
void sheet_finish(struct sheet *s);

/* A PDF surface of A4 pages written through WRITE, its dates DATE ("YYYY-MM-DD"),
 * its creator dispute, its title TITLE (may be NULL); NULL when DATE is not a date. */
cairo_surface_t *sheet_pdf(cairo_write_func_t write, void *closure, const char *date,
    const char *title);

/* Bytes that Cairo writes, kept whole (a letter) or sent to stdout (a book). */
struct buffer {
	unsigned char *data;
	size_t len, size;
};
cairo_status_t sheet_keep_bytes(void *closure, const unsigned char *data, unsigned int len);
cairo_status_t sheet_stdout_bytes(void *closure, const unsigned char *data, unsigned int len);

#endif
