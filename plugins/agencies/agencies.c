/* agencies.c - the `agencies` plugin: the bodies a draft names, named as
 * they name themselves.
 *
 * The registry (the profile's dataset `agencies`, rules/agencies/NAME.yaml)
 * gives each body's own name, other correct names, wrong forms met in
 * drafts and former names with the year they changed.  A name close to a
 * registered one but not it ("Ministry of Internal Affairs and
 * Communication", "National Policy Agency") is a variant with a fix-it; a
 * former name used after its change is reported with the year; one body
 * named two ways in one draft is reported at the less used way.  A name
 * next to another government's ("UK Ministry of Defence", "India's
 * Ministry of …", "… of the Republic of Korea") or inside a longer name is
 * not looked at: it may be a body the registry does not hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmtlint/plugin.h"
#include "match.h"
#include "registry.h"
#include "naming.h"

enum {
	CHECK_VARIANT,
	CHECK_FORMER,
	CHECK_FORMER_ACRONYM,
	CHECK_INCONSISTENT
};

static const stmtlint_check_spec checks[] = {
	[CHECK_VARIANT] = { "variant", STMTLINT_WARNING,
	                    "a body named in a form close to its registered name but not it "
	                    "(a misspelling, a known wrong form)" },
	[CHECK_FORMER] = { "former", STMTLINT_WARNING,
	                   "a body named by a name it no longer has, in a draft dated after the change" },
	[CHECK_FORMER_ACRONYM] = { "former-acronym", STMTLINT_NOTE,
	                           "a former acronym of a body (\"MITI\"), in a draft dated after "
	                           "the change" },
	[CHECK_INCONSISTENT] = { "inconsistent", STMTLINT_WARNING,
	                         "one body named two ways in one draft (\"State Department\", "
	                         "\"Department of State\")" },
};

/* ---- reporting --------------------------------------------------------------- */

/* The longest name quoted in a message, in bytes. */
#define AGENCIES_MAX_QUOTE 256

/* Copies the name at text[start, end) into out with each run of white
 * space (a line break inside the name) as one space. */
static const char *quote_name(const stmtlint_doc *doc, size_t start, size_t end, char *out,
                              size_t outlen)
{
	size_t o = 0;
	size_t i;
	int space = 0;

	for (i = start; i < end && o + 1 < outlen; i++) {
		char c = doc->text[i];

		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			space = 1;
			continue;
		}
		if (space && o + 2 < outlen)
			out[o++] = ' ';
		space = 0;
		out[o++] = c;
	}
	out[o] = '\0';
	return out;
}

/* Reports a variant at words [m->first, m->first + m->n) with a fix-it to
 * `to` (a registered form) and a note with the registered name. */
static void report_variant(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                           const registry *reg, const naming *nm, const mention *m,
                           const char *to)
{
	const reg_body *b = &reg->bodies[reg->forms[m->form].body];
	size_t start = nm->draft.words[m->first].start;
	size_t end = nm->draft.words[m->first + m->n - 1].end;
	char title[256];
	char said[AGENCIES_MAX_QUOTE];
	stmtlint_diag *dg;

	dg = host->report(ctx, CHECK_VARIANT, start, end, "'%s' is not the name of a registered "
	                  "body; did you mean '%s'?",
	                  quote_name(doc, start, end, said, sizeof(said)), to);
	if (dg == NULL)
		return;
	host->note(dg, start, end, "the registered name is '%s'%s%s%s: %s, %s", b->name,
	           b->acronym ? " (" : "", b->acronym ? b->acronym : "", b->acronym ? ")" : "",
	           b->government, b->kind);
	snprintf(title, sizeof(title), "Use the registered name \xE2\x80\x98%s\xE2\x80\x99", to);
	naming_fix(host, dg, doc, start, end, to, title);
}

static void report_former(const stmtlint_host *host, stmtlint_ctx *ctx, const stmtlint_doc *doc,
                          const registry *reg, const naming *nm, const mention *m)
{
	const reg_form *f = &reg->forms[m->form];
	const reg_body *b = &reg->bodies[f->body];
	size_t start = nm->draft.words[m->first].start;
	size_t end = nm->draft.words[m->first + m->n - 1].end;
	char said[AGENCIES_MAX_QUOTE];
	stmtlint_diag *dg;

	dg = host->report(ctx, CHECK_FORMER, start, end, "'%s' is a former name, used until %d; "
	                  "the body is now '%s'", quote_name(doc, start, end, said, sizeof(said)),
	                  f->until, b->name);
	host->note(dg, start, end, "the draft is dated %s", nm->year > 0 ? "after the change"
	                                                              : "nowhere, so it is taken as today's");
}

static void report_former_acronyms(const stmtlint_host *host, stmtlint_ctx *ctx,
                                   const stmtlint_doc *doc, const registry *reg, const naming *nm)
{
	size_t i;
	size_t k;

	if (reg->n_former_acronyms == 0 || !host->enabled(ctx, CHECK_FORMER_ACRONYM))
		return;
	for (i = 0; i < nm->draft.n; i++) {
		const draft_word *w = &nm->draft.words[i];
		size_t len = w->end - w->start;

		/* acronyms start with a capital */
		if (!(w->flags & DW_CAPITAL))
			continue;
		for (k = 0; k < reg->n_former_acronyms; k++) {
			const reg_acronym *a = &reg->former_acronyms[k];

			if (a->len != len || memcmp(a->text, doc->text + w->start, len) != 0 ||
			    (nm->year > 0 && nm->year < a->until))
				continue;
			host->report(ctx, CHECK_FORMER_ACRONYM, w->start, w->end, "'%s' is a former "
			             "acronym, used until %d; the body is now '%s'", a->text, a->until,
			             reg->bodies[a->body].name);
		}
	}
}

/* Reports the mentions of a body named in more than one way, at each
 * mention of a way other than the most used one (the registered name's on
 * a tie). */
static void report_inconsistent(const stmtlint_host *host, stmtlint_ctx *ctx,
                                const stmtlint_doc *doc, const registry *reg, const naming *nm)
{
	size_t i;
	size_t k;

	for (i = 0; i < nm->n_mentions; i++) {
		const mention *m = &nm->mentions[i];
		const mention *kept;
		size_t start, end;
		stmtlint_diag *dg;
		char title[256];
		char said[AGENCIES_MAX_QUOTE];

		if (!m->counted || m->way == nm->ways[m->body_slot].kept_way)
			continue;
		kept = &nm->mentions[nm->ways[m->body_slot].kept_first];
		start = nm->draft.words[m->first].start;
		end = nm->draft.words[m->first + m->n - 1].end;
		k = kept->first;
		dg = host->report(ctx, CHECK_INCONSISTENT, start, end, "'%s' names the body this "
		                  "draft calls '%s' %zu %s; name it one way",
		                  quote_name(doc, start, end, said, sizeof(said)),
		                  reg->forms[kept->form].text,
		                  nm->ways[m->body_slot].kept_count,
		                  nm->ways[m->body_slot].kept_count == 1 ? "time" : "times");
		host->note(dg, nm->draft.words[k].start, nm->draft.words[k + kept->n - 1].end,
		           "first named '%s' here", reg->forms[kept->form].text);
		snprintf(title, sizeof(title), "Use \xE2\x80\x98%s\xE2\x80\x99",
		         reg->forms[kept->form].text);
		naming_fix(host, dg, doc, start, end, reg->forms[kept->form].text, title);
	}
}

/* ---- the plugin -------------------------------------------------------------- */

static int agencies_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	const stmtlint_node *root = host->dataset(opts, "agencies");

	*state = NULL;
	if (root == NULL) {
		host->config_error(opts, NULL, "the agencies plugin needs the dataset 'agencies' (the "
		                   "registry of bodies: `data: {agencies: ../agencies/}` in the profile)");
		return -1;
	}
	*state = registry_load(host, opts, root);
	return *state != NULL ? 0 : -1;
}

static int agencies_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                          const stmtlint_doc *doc)
{
	const registry *reg = state;
	naming nm;
	size_t i;

	if (naming_read(host, reg, doc, &nm) != 0)
		return -1;
	for (i = 0; i < nm.n_mentions; i++) {
		const mention *m = &nm.mentions[i];
		const reg_form *f = &reg->forms[m->form];

		if (!m->in_context)
			continue;
		if (m->near)
			report_variant(host, ctx, doc, reg, &nm, m, f->text);
		else if (f->kind == FORM_VARIANT)
			report_variant(host, ctx, doc, reg, &nm, m, reg->bodies[f->body].name);
		else if (f->kind == FORM_FORMER && (nm.year == 0 || nm.year >= f->until))
			report_former(host, ctx, doc, reg, &nm, m);
	}
	report_former_acronyms(host, ctx, doc, reg, &nm);
	if (host->enabled(ctx, CHECK_INCONSISTENT))
		report_inconsistent(host, ctx, doc, reg, &nm);
	naming_free(&nm);
	return 0;
}

static void agencies_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	registry_free(state);
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "agencies",
	.summary = "ministries, agencies and international bodies named as they name themselves, "
	           "one way in a draft, not by a former name",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.init = agencies_init,
	.check = agencies_check,
	.fini = agencies_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
