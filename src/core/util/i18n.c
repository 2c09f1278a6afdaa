/* Choosing the language of the interface: the locale from the environment, and the
 * folder that holds the message catalogues (po/ compiled into LANG/LC_MESSAGES/dispute.mo). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dispute/config.h"
#include "dispute/i18n.h"

/* "zh_CN" and the like: room for any language name a locale variable holds. */
#define LANGUAGE_NAME_MAX 64

/* The locale variable that decides the language of messages, as POSIX orders them. */
static const char *
messages_locale(void)
{
	static const char *const names[] = { "LC_ALL", "LC_MESSAGES", "LANG", NULL };
	const char *value;
	int i;

	for (i = 0; names[i] != NULL; i++) {
		value = getenv(names[i]);
		if (value != NULL && value[0] != '\0')
			return value;
	}
	return NULL;
}

/* The language part of a locale name: "zh_CN" for "zh_CN.UTF-8" or "zh_CN@x". Empty
 * for the C and POSIX locales, which ask for no translation. */
static void
language_of(const char *locale, char *out, size_t len)
{
	size_t n;

	out[0] = '\0';
	if (locale == NULL)
		return;
	n = strcspn(locale, ".@:");
	if (n == 0 || n >= len || (n == 1 && locale[0] == 'C') ||
	    (n == 5 && strncmp(locale, "POSIX", 5) == 0))
		return;
	memcpy(out, locale, n);
	out[n] = '\0';
}

/* Whether DIR holds our catalogue for LANGUAGE ("zh_CN"), or for its bare language
 * ("zh"), the names gettext tries. */
static int
has_catalogue(const char *dir, const char *language)
{
	char path[4096], name[LANGUAGE_NAME_MAX];
	size_t n;

	language_of(language, name, sizeof name);
	if (name[0] == '\0')
		return 0;
	for (;;) {
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, name,
		    DISPUTE_TEXT_DOMAIN);
		if (access(path, R_OK) == 0)
			return 1;
		n = strcspn(name, "_");
		if (name[n] == '\0')
			return 0;
		name[n] = '\0';
	}
}

/* Whether DIR holds a catalogue for one of the languages the environment asks for:
 * each entry of LANGUAGE, then the messages locale. */
static int
has_catalogue_for_environment(const char *dir)
{
	const char *list = getenv("LANGUAGE");
	char entry[LANGUAGE_NAME_MAX];

	while (list != NULL && *list != '\0') {
		size_t n = strcspn(list, ":");

		if (n > 0 && n < sizeof entry) {
			memcpy(entry, list, n);
			entry[n] = '\0';
			if (has_catalogue(dir, entry))
				return 1;
		}
		list += n + (list[n] == ':');
	}
	return has_catalogue(dir, messages_locale());
}

/* $DISPUTE_LOCALEDIR; else the installed catalogues if they cover the language asked
 * for; else the ones a build tree compiles, so that `./build/dispute` is translated
 * without installing. */
static const char *
locale_dir(void)
{
	const char *dir = getenv("DISPUTE_LOCALEDIR");

	if (dir != NULL && dir[0] != '\0')
		return dir;
	if (has_catalogue_for_environment(DISPUTE_INSTALLED_LOCALEDIR) ||
	    !has_catalogue_for_environment(DISPUTE_BUILD_LOCALEDIR))
		return DISPUTE_INSTALLED_LOCALEDIR;
	return DISPUTE_BUILD_LOCALEDIR;
}

void
i18n_init(void)
{
	const char *language;
	char name[LANGUAGE_NAME_MAX];

	if (setlocale(LC_ALL, "") == NULL) {
		/* The locale asked for is not installed, as zh_CN.UTF-8 often is not in a
		 * container. C.UTF-8 keeps UTF-8 output; unlike the "C" locale, for which
		 * gettext ignores LANGUAGE, it lets LANGUAGE choose the catalogue, so the
		 * language part of the locale asked for goes there. */
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
		language = getenv("LANGUAGE");
		if (language == NULL || language[0] == '\0') {
			language_of(messages_locale(), name, sizeof name);
			if (name[0] != '\0')
				setenv("LANGUAGE", name, 1);
		}
	}
	/* Numbers are never formatted for the user with a locale's decimal separator. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain(DISPUTE_TEXT_DOMAIN, locale_dir());
	bind_textdomain_codeset(DISPUTE_TEXT_DOMAIN, "UTF-8");
	textdomain(DISPUTE_TEXT_DOMAIN);
}

int
i18n_chinese(void)
{
	/* TRANSLATORS: the code of this catalogue's language, as case.language writes it
	 * (zh-CN). The program reads it to choose between the Chinese and the English text
	 * that case data and rule tables carry side by side. */
	return strcmp(_("en"), "zh-CN") == 0;
}

const char *
i18n_pick(const char *zh, const char *en)
{
	return i18n_chinese() ? zh : en;
}
