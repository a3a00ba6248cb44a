/* sink.c - the text and JSON formats as sinks, and choosing a sink. */
#include "sink.h"

#include <stdlib.h>
#include <string.h>

const char sink_format_names[] = "text, json, sarif, github or html";

/* ---- text: GCC-style findings on the output, errors on standard error ---- */

void sink_print_errors(const errlist *errors)
{
	buf b;

	if (errors->n == 0 && errors->dropped == 0)
		return;
	/* after what the output already has, when both are a terminal */
	fflush(stdout);
	buf_init(&b, 0);
	errlist_format(errors, &b);
	if (b.data != NULL)
		fputs(b.data, stderr);
	buf_free(&b);
}

static void text_errors(sink *k, const errlist *errors)
{
	(void)k;
	sink_print_errors(errors);
}

static int text_render(const sink *k, const check_report *r, char **text, size_t *len)
{
	FILE *m = open_memstream(text, len);

	if (m == NULL)
		return -1;
	if (r->doc != NULL)
		output_text(m, &k->opts, &r->doc->pub, &r->diags);
	if (fclose(m) != 0) {
		free(*text);
		*text = NULL;
		return -1;
	}
	return 0;
}

static void text_draft(sink *k, const check_report *r)
{
	if (r->doc != NULL)
		output_text(k->out, &k->opts, &r->doc->pub, &r->diags);
	text_errors(k, &r->errors);
}

void sink_finish_plain(sink *k, const sink_totals *t)
{
	(void)t;
	free(k);
}

/* ---- JSON: one document at the end ----------------------------------------- */

static void json_draft(sink *k, const check_report *r)
{
	if (r->doc != NULL)
		output_json_add(k->state, r->name, &r->doc->pub, &r->diags);
	output_json_add_errors(k->state, r->name, &r->errors);
}

static void json_errors(sink *k, const errlist *errors)
{
	output_json_add_errors(k->state, NULL, errors);
}

static void json_finish(sink *k, const sink_totals *t)
{
	output_json_finish(k->state, k->out, t->files, t->errors, t->warnings, t->notes);
	free(k);
}

sink *sink_alloc(FILE *out, const output_opts *o,
                 void (*draft)(sink *, const check_report *),
                 void (*errors)(sink *, const errlist *),
                 void (*finish)(sink *, const sink_totals *),
                 int (*render)(const sink *, const check_report *, char **, size_t *),
                 void *state)
{
	sink *k = calloc(1, sizeof(*k));

	if (k == NULL)
		return NULL;
	k->out = out;
	k->opts = *o;
	k->draft = draft;
	k->errors = errors;
	k->finish = finish;
	k->render = render;
	k->state = state;
	return k;
}

void sink_write_rendered(sink *k, const check_report *r, const char *text, size_t len)
{
	if (k->put != NULL)
		k->put(k, text, len);
	else
		fwrite(text, 1, len, k->out);
	k->errors(k, &r->errors);
}

int sink_format_known(const char *format)
{
	return strcmp(format, "text") == 0 || strcmp(format, "json") == 0 ||
	       strcmp(format, "sarif") == 0 || strcmp(format, "github") == 0 ||
	       strcmp(format, "html") == 0;
}

sink *sink_new(const char *format, FILE *out, const output_opts *o, const session *s)
{
	json_report *json;
	sink *k;

	if (strcmp(format, "sarif") == 0)
		return sink_sarif_new(out, o, s);
	if (strcmp(format, "github") == 0)
		return sink_github_new(out, o);
	if (strcmp(format, "html") == 0)
		return sink_html_new(out, o);
	if (strcmp(format, "text") == 0)
		return sink_alloc(out, o, text_draft, text_errors, sink_finish_plain, text_render, NULL);
	if (strcmp(format, "json") != 0)
		return NULL;
	json = output_json_new();
	k = json != NULL ? sink_alloc(out, o, json_draft, json_errors, json_finish, NULL, json)
	                 : NULL;
	if (k == NULL)
		output_json_free(json);
	return k;
}
