/* fix.c - applying a draft's certain fix-its, checking again, writing. */
#include "fix.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomicfile.h"
#include "buf.h"
#include "fileio.h"
#include "unidiff.h"

/* One edit of the file's bytes (the draft's offsets plus its byte-order mark). */
typedef struct edit {
	size_t start, end;
	const char *replacement;
} edit;

typedef struct edit_list {
	edit *items;
	size_t n, cap;
	size_t findings;    /* findings the edits fix */
} edit_list;

/* Whether the draft's text over [start, end) is the file's bytes: not
 * where invalid UTF-8 was read as '?', which a fix must not rewrite. */
static int text_is_file(const sl_doc *doc, const char *data, size_t start, size_t end)
{
	return memcmp(doc->pub.text + start, data + doc->bom + start, end - start) == 0;
}

static int by_start(const void *a, const void *b)
{
	const edit *x = a;
	const edit *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* The edits of every finding whose fixes may all be applied (see
 * DIAG_FIX_APPLICABLE), in file order.  Returns 0, or -1 when out of memory. */
static int collect_edits(const check_report *r, const char *data, edit_list *l)
{
	size_t i;
	size_t j;

	for (i = 0; i < r->diags.n; i++) {
		const struct stmtlint_diag *d = r->diags.items[i];
		size_t certain = 0;
		int blocked = 0;

		for (j = 0; j < d->n_fixes; j++) {
			const diag_fix *f = &d->fixes[j];

			if (!DIAG_FIX_APPLICABLE(f))
				continue;
			certain++;
			if (!text_is_file(r->doc, data, f->start, f->end))
				blocked = 1;
		}
		/* all of a finding's certain fixes, or none of them */
		if (certain == 0 || blocked)
			continue;
		for (j = 0; j < d->n_fixes; j++) {
			const diag_fix *f = &d->fixes[j];

			if (!DIAG_FIX_APPLICABLE(f))
				continue;
			if (array_reserve((void **)&l->items, &l->cap, l->n, sizeof(*l->items)) != 0)
				return -1;
			l->items[l->n].start = f->start + r->doc->bom;
			l->items[l->n].end = f->end + r->doc->bom;
			l->items[l->n].replacement = f->replacement;
			l->n++;
		}
		l->findings++;
	}
	if (l->n > 1)
		qsort(l->items, l->n, sizeof(*l->items), by_start);
	return 0;
}

/* The file's bytes with the edits made: a new malloc'ed buffer in *out.
 * Returns 0, or -1 when out of memory. */
static int apply_edits(const char *data, size_t len, const edit_list *l, char **out,
                       size_t *out_len)
{
	size_t at = 0;
	size_t i;
	buf b;

	buf_init(&b, 0);
	for (i = 0; i < l->n; i++) {
		buf_append(&b, data + at, l->items[i].start - at);
		buf_puts(&b, l->items[i].replacement);
		at = l->items[i].end;
	}
	buf_append(&b, data + at, len - at);
	*out_len = b.len;
	*out = b.failed ? NULL : buf_steal(&b);
	buf_free(&b);
	return *out != NULL ? 0 : -1;
}

/* Reads the draft; for a file, *st gets what lstat() said before reading,
 * so that a change after it is noticed when writing.  Returns 0, or -1
 * with an [input] error in r. */
static int read_draft(const char *path, unsigned long long max_size, struct stat *st,
                      char **data, size_t *len, check_report *r)
{
	char why[256];

	if (strcmp(path, "-") != 0 && lstat(path, st) != 0) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (file_read(path, (size_t)max_size, data, len, why, sizeof(why)) != 0) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "%s", why);
		return -1;
	}
	return 0;
}

/* Fixes and checks again, at most FIX_MAX_ROUNDS times, starting from
 * *data (checked into r already).  On return *data is the fixed text and
 * *fixed_report holds its findings, or is empty (no doc) when nothing was
 * fixed.  Returns 0, or -1 when out of memory. */
static int fix_rounds(session *s, const session_config *c, const check_report *r, char **data,
                      size_t *len, check_report *fixed_report, fix_result *out)
{
	const check_report *last = r;

	while (out->rounds < FIX_MAX_ROUNDS) {
		edit_list edits = { NULL, 0, 0, 0 };
		check_report next;
		char *fixed = NULL;
		size_t fixed_len = 0;

		if (collect_edits(last, *data, &edits) != 0 ||
		    (edits.n > 0 && apply_edits(*data, *len, &edits, &fixed, &fixed_len) != 0)) {
			free(edits.items);
			return -1;
		}
		free(edits.items);
		if (edits.n == 0)
			break;
		if (check_report_init(&next, r->name) != 0) {
			free(fixed);
			return -1;
		}
		next.order = r->order;
		if (session_check_prepared_data(s, c, fixed, fixed_len, &next) != 0 || next.doc == NULL) {
			/* the fixed text could not be checked in full: keep the last that could */
			check_report_free(&next);
			free(fixed);
			break;
		}
		free(*data);
		*data = fixed;
		*len = fixed_len;
		check_report_free(fixed_report);
		*fixed_report = next;
		last = fixed_report;
		out->fixed += edits.findings;
		out->rounds++;
	}
	return 0;
}

/* Makes the fixed text take effect: written over the file, or kept in
 * out for standard input or a diff.  Returns 0, or -1 with an [input]
 * error in r. */
static int deliver(const char *path, fix_mode mode, const struct stat *st, const char *orig,
                   size_t orig_len, char **data, size_t len, check_report *r, fix_result *out)
{
	char why[512];

	if (mode == FIX_DIFF) {
		buf b;

		buf_init(&b, 0);
		if (unidiff(&b, r->name, orig, orig_len, *data, len) != 0) {
			buf_free(&b);
			errlist_add(&r->errors, "input", r->name, 0, 0, "out of memory");
			return -1;
		}
		out->output_len = b.len;
		out->output = buf_steal(&b);
		buf_free(&b);
		return out->output != NULL ? 0 : -1;
	}
	if (strcmp(path, "-") == 0) {
		out->output = *data;
		out->output_len = len;
		*data = NULL;
		return 0;
	}
	if (out->rounds == 0)
		return 0;
	if (atomic_write_file(path, *data, len, st, why, sizeof(why)) != 0) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "not fixed: %s", why);
		return -1;
	}
	return 0;
}

int fix_draft(session *s, const session_config *c, const char *path,
              unsigned long long max_size, fix_mode mode, check_report *r, fix_result *out)
{
	check_report fixed_report;
	struct stat st;
	char *orig = NULL;
	char *data = NULL;
	size_t orig_len = 0;
	size_t len = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&fixed_report, 0, sizeof(fixed_report));
	memset(&st, 0, sizeof(st));
	if (read_draft(path, max_size, &st, &orig, &orig_len, r) != 0)
		return -1;
	data = malloc(orig_len + 1);
	if (data == NULL) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "out of memory");
		goto cleanup;
	}
	memcpy(data, orig, orig_len + 1);
	len = orig_len;
	if (session_check_prepared_data(s, c, data, len, r) != 0 || r->doc == NULL) {
		/* not checked in full: nothing is fixed (standard input passes through) */
		if (strcmp(path, "-") == 0 && mode == FIX_WRITE) {
			out->output = data;
			out->output_len = len;
			data = NULL;
		}
		goto cleanup;
	}
	if (fix_rounds(s, c, r, &data, &len, &fixed_report, out) != 0) {
		errlist_add(&r->errors, "input", r->name, 0, 0, "out of memory");
		goto cleanup;
	}
	if (deliver(path, mode, &st, orig, orig_len, &data, len, r, out) != 0) {
		/* the file is as it was: so are its findings */
		out->fixed = 0;
		out->rounds = 0;
		goto cleanup;
	}
	if (fixed_report.doc != NULL) {
		/* the findings left, with the errors met on the way */
		doc_free(r->doc);
		diag_list_free(&r->diags);
		r->doc = fixed_report.doc;
		r->diags = fixed_report.diags;
		fixed_report.doc = NULL;
		diag_list_init(&fixed_report.diags);
	}
	rc = errlist_has_error(&r->errors) ? -1 : 0;
cleanup:
	check_report_free(&fixed_report);
	free(orig);
	free(data);
	return rc;
}

void fix_result_free(fix_result *f)
{
	if (f == NULL)
		return;
	free(f->output);
	memset(f, 0, sizeof(*f));
}
