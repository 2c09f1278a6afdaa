/* Translation of the interface with gettext (text domain "dispute"). Every message a
 * user reads goes through _(); a string in a static table is marked with N_() where
 * it is defined and translated with _() where it is printed. Field names, command and
 * option names, file names and JSON output are never translated. */
#ifndef DISPUTE_I18N_H
#define DISPUTE_I18N_H

#include <libintl.h>

#define DISPUTE_TEXT_DOMAIN "dispute"

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets the locale from the environment and binds the text domain. Translates only
 * when the environment asks for a language we ship (LANG=zh_CN.UTF-8, LC_ALL,
 * LC_MESSAGES or LANGUAGE); English otherwise. Works even where the zh_CN locale is
 * not generated, as in most containers. Called first thing in main(). */
void i18n_init(void);

#endif
