/* Template files on disk: lookup with per-case overrides, partials, escaping by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dispute/datadir.h"
#include "dispute/fsutil.h"
#include "dispute/i18n.h"
#include "dispute/report.h"
#include "dispute/template.h"
#include "mustache.h"

/* A template is a letter, not a program: anything this large is a mistake. */
#define TEMPLATE_MAX (4u * 1024 * 1024)

struct partial_dirs {
	const char *first;
	const char *fallback;
};

/* Partial names are plain file names; "../x" must not read outside the template folders. */
static int
plain_partial_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL;
}

/* The partial NAME from DIR, with its path as the label for error messages. A partial
 * that is a link is not followed: in a case folder received from someone else it could
 * name any file of the reader's, which would then be rendered into a draft. */
static char *
read_partial_from(const char *dir, const char *name, char **label)
{
	char *file = NULL, *path = NULL, *text = NULL;
	size_t len;

	if (dir == NULL || asprintf(&file, "%s.mustache", name) == -1)
		return NULL;
	path = path_join(dir, file);
	if (path != NULL && access(path, R_OK) == 0 &&
	    fs_read_file_nofollow(path, TEMPLATE_MAX, &text, &len) != DISPUTE_OK)
		text = NULL;
	if (text != NULL) {
		*label = path;
		path = NULL;
	}
	free(path);
	free(file);
	return text;
}

static char *
load_partial(const char *name, void *ctx, char **label)
{
	const struct partial_dirs *dirs = ctx;
	char *text;

	if (!plain_partial_name(name)) {
		dispute_warning(_("partial \"%s\" ignored: partial names are plain file names"),
		    name);
		return NULL;
	}
	text = read_partial_from(dirs->first, name, label);
	if (text == NULL)
		text = read_partial_from(dirs->fallback, name, label);
	return text;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Renders into *OUT, or into WRITE when it is not NULL. */
static int
render_file(const char *path, const char *fallback_dir, const struct template_data *data,
    enum template_escape escape, mustache_write_fn write, void *write_ctx, char **out)
{
	struct mustache_options options;
	struct partial_dirs dirs;
	char *text = NULL, *dir = NULL;
	size_t len;
	int status = DISPUTE_FAILED;

	*out = NULL;
	if (fs_read_file(path, TEMPLATE_MAX, &text, &len) != DISPUTE_OK)
		goto out;
	dir = path_dirname(path);
	if (dir == NULL)
		goto out;
	dirs.first = dir;
	dirs.fallback = fallback_dir;
	options.escape_html = escape == TEMPLATE_ESCAPE_BY_NAME ?
	    ends_with(path, ".html.mustache") : escape == TEMPLATE_ESCAPE_HTML;
	options.partial = load_partial;
	options.partial_ctx = &dirs;
	options.write = write;
	options.write_ctx = write_ctx;
	options.lists = data->lists;
	options.list_count = data->list_count;
	status = mustache_render(path, text, len, data->json, &options, out);
out:
	free(dir);
	free(text);
	return status;
}

int
template_render_file(const char *path, const char *fallback_dir,
    const struct template_data *data, enum template_escape escape, char **out)
{
	return render_file(path, fallback_dir, data, escape, NULL, NULL, out);
}

int
template_render_file_to(const char *path, const char *fallback_dir,
    const struct template_data *data, enum template_escape escape,
    int (*write)(const char *bytes, size_t n, void *ctx), void *ctx)
{
	char *none;

	return render_file(path, fallback_dir, data, escape, write, ctx, &none);
}

/* A case's templates/ folder or override that is a link is refused, not followed: a
 * case folder may come from someone else, and the link could name any of the reader's
 * files (the review put /etc/shadow into a draft that way). */
static int
case_override_linked(const char *own_dir, const char *own)
{
	const char *const paths[] = { own_dir, own };
	struct stat st;

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (lstat(paths[i], &st) == 0 && S_ISLNK(st.st_mode)) {
			dispute_error(_("%s: a symbolic link; a case's own templates must be files "
			    "inside the case folder"), paths[i]);
			return 1;
		}
	return 0;
}

int
template_find(const char *case_dir, const char *lang, const char *name, char **path,
    char **shipped_dir)
{
	char *file = NULL, *rel = NULL, *own = NULL, *shipped = NULL;
	int status = DISPUTE_FAILED;

	*path = NULL;
	*shipped_dir = NULL;
	if (asprintf(&file, "%s.mustache", name) == -1) {
		file = NULL;
		goto oom;
	}
	if (asprintf(&rel, "templates/%s/%s", lang, file) == -1) {
		rel = NULL;
		goto oom;
	}
	shipped = datadir_find(rel);
	if (shipped == NULL)
		goto out;
	if (case_dir != NULL) {
		char *own_dir = path_join(case_dir, "templates");

		own = own_dir != NULL ? path_join(own_dir, file) : NULL;
		if (own != NULL && case_override_linked(own_dir, own)) {
			free(own_dir);
			goto out;
		}
		free(own_dir);
		if (own != NULL && access(own, R_OK) != 0) {
			free(own);
			own = NULL;
		}
	}
	*shipped_dir = path_dirname(shipped);
	if (*shipped_dir == NULL)
		goto out;
	*path = own != NULL ? own : shipped;
	if (own != NULL)
		free(shipped);
	own = shipped = NULL;
	status = DISPUTE_OK;
	goto out;
oom:
	dispute_error(_("out of memory"));
out:
	free(own);
	free(shipped);
	free(rel);
	free(file);
	return status;
}
