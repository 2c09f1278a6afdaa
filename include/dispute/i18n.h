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

/* Whether the interface speaks Chinese: the catalogue in use says so. Texts that come
 * in both languages (the "zh" and "en" members of a summary, the Chinese and English
 * columns of a table) are shown in the language this picks. */
int i18n_chinese(void);

/* ZH when the interface speaks Chinese, else EN. */
const char *i18n_pick(const char *zh, const char *en);

#endif
