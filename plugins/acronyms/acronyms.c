/*
 * acronyms.c - the `acronyms` plugin: every acronym defined at its first
 * use, once, with words that fit its letters.
 *
 * An acronym is a token of two or more capitals, possibly with digits, "/",
 * "-" or a lower-case letter inside (acrotoken.h).  It is defined by
 * "Full Name (ACR)" or "ACR (Full Name)" (acrodefs.h).  Acronyms that
 * readers know (the registry's `well_known`, the option `well-known`) need
 * no definition; tokens listed as `not_acronyms` or `country_codes` (and the
 * option `not-acronyms`), Roman numerals, units and the words of ALL-CAPS
 * headings are no acronyms.  The registry's bodies tell what an acronym of a
 * government body stands for: its acronym used undefined is a warning (a
 * statement defines the bodies it names), any other acronym used undefined
 * only a note (statements routinely leave company and programme names
 * undefined).  Headings count as uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stmtlint/plugin.h>

#include "acrodefs.h"
#include "acronames.h"
#include "acroknown.h"
#include "acrotoken.h"
#include "textctx.h"

enum {
	CHECK_BEFORE_DEFINITION,
	CHECK_UNDEFINED,
	CHECK_EXPANSIONS,
	CHECK_EXPANSION,
	CHECK_UNDEFINED_OTHER,
	CHECK_EXPANSION_ORDER,
	CHECK_REDEFINED,
	CHECK_UNUSED
};

static const stmtlint_check_spec checks[] = {
	[CHECK_BEFORE_DEFINITION] = {"before-definition", STMTLINT_WARNING,
	                             "an acronym used before its definition"},
	[CHECK_UNDEFINED] = {"undefined", STMTLINT_WARNING,
	                     "a government body's acronym (from the registry) never defined in a "
	                     "draft that names the body"},
	[CHECK_EXPANSIONS] = {"expansions", STMTLINT_WARNING,
	                      "an acronym defined twice with different words"},
	[CHECK_EXPANSION] = {"expansion", STMTLINT_WARNING,
	                     "an expansion that the registry abbreviates otherwise (NTIS for "
	                     "National Institute of Standards and Technology)"},
	[CHECK_UNDEFINED_OTHER] = {"undefined-other", STMTLINT_NOTE,
	                           "any other acronym used and never defined"},
	[CHECK_EXPANSION_ORDER] = {"expansion-order", STMTLINT_NOTE,
	                           "an acronym whose letters are its expansion's initials in another "
	                           "order: a slip, or an acronym of the name in another language"},
	[CHECK_REDEFINED] = {"redefined", STMTLINT_NOTE, "an acronym defined again with the same words"},
	[CHECK_UNUSED] = {"unused", STMTLINT_NOTE, "an acronym defined and never used again"},
};

static const stmtlint_option_spec options[] = {
	{.name = "well-known", .type = STMTLINT_OPT_LIST,
	 .help = "more acronyms that the dialogue's readers know and drafts use undefined"},
	{.name = "not-acronyms", .type = STMTLINT_OPT_LIST,
	 .help = "capitalised tokens that are no acronyms (codes, names written in capitals)"},
};

/* The dataset that holds the registry and the well-known lists. */
#define REGISTRY_DATASET "agencies"
/* Bytes of an expansion or name quoted in a message. */
#define MAX_QUOTE_BYTES 120
/* Definitions of one acronym that a later definition is compared with. */
#define MAX_DEFINITIONS_COMPARED 16
/* Bytes of an acronym's definition suggested in a fix-it: " (ACR)". */
#define MAX_INSERT_BYTES 64

/* One acronym of the draft: a use or a definition. */
typedef struct acro_entry {
	const char *text;        /* the acronym in the draft's prose (not NUL-terminated) */
	size_t len;              /* its length, a plural "s" left out: what entries compare */
	size_t start;
	size_t end;              /* the end as written, with a plural "s" */
	acro_def def;            /* def.kind AD_USE for a use */
} acro_entry;

typedef struct acro_entries {
	acro_entry *items;
	size_t n;
	size_t cap;
} acro_entries;

static void free_state(acro_known *k)
{
	if (!k)
		return;
	ak_free(k);
	free(k);
}

static int acronyms_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	acro_known *k = calloc(1, sizeof(*k));

	if (!k) {
		host->config_error(opts, NULL, "out of memory");
		return -1;
	}
	if (ak_read_registry(host, opts, host->dataset(opts, REGISTRY_DATASET), REGISTRY_DATASET,
	                     k) < 0 ||
	    ak_add_strings(host, opts, host->option(opts, "well-known"), "well-known",
	                   &k->well_known) < 0 ||
	    ak_add_strings(host, opts, host->option(opts, "not-acronyms"), "not-acronyms",
	                   &k->not_acronyms) < 0) {
		free_state(k);
		return -1;
	}
	ak_finish(k);
	*state = k;
	return 0;
}

static void acronyms_fini(const stmtlint_host *host, void *state)
{
	(void)host;
	free_state(state);
}

static int push_entry(acro_entries *e, const stmtlint_doc *doc, const acro_token *t,
                      const acro_def *def)
{
	acro_entry *x;

	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 64;
		acro_entry *p = realloc(e->items, cap * sizeof(*p));

		if (!p)
			return -1;
		e->items = p;
		e->cap = cap;
	}
	x = &e->items[e->n++];
	x->text = doc->prose + t->start;
	x->len = t->end - t->start;
	x->start = t->start;
	x->end = t->after;
	if (def)
		x->def = *def;
	else
		memset(&x->def, 0, sizeof(x->def));
	return 0;
}

/* Whether a use at [start, end) is no acronym: listed as none, a unit, or a
 * word of a heading in capitals. */
static int no_acronym(const acro_known *k, const stmtlint_doc *doc, tc_cache *cache,
                      size_t start, size_t end)
{
	return ak_set_has(&k->not_acronyms, doc->prose + start, end - start) ||
	       at_is_unit(doc, start, end) ||
	       tc_is_all_caps(doc, cache, tc_block_at(doc, start), start);
}

/* Whether some definition in defs[0, n) defines s[0, len). */
static int defined_in(const acro_entries *defs, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < defs->n; i++)
		if (defs->items[i].len == len && memcmp(defs->items[i].text, s, len) == 0)
			return 1;
	return 0;
}

/* Whether the draft should read joined token t whole: the draft defines
 * it, or it is known, whole. */
static int read_whole(const acro_known *k, const acro_entries *defs, const stmtlint_doc *doc,
                      const acro_token *t)
{
	size_t n;
	const char *s = doc->prose + t->start;
	size_t len = t->end - t->start;

	return t->n_parts == 0 || defined_in(defs, s, len) || ak_is_well_known(k, s, len) ||
	       ak_set_has(&k->not_acronyms, s, len) || ak_pairs_of(k, s, len, &n) != NULL;
}

/* Turns the tokens of a draft into entries: definitions first found, then
 * every token read whole or by parts.  0, or -1 when out of memory. */
static int make_entries(const stmtlint_host *host, const acro_known *k, const stmtlint_doc *doc,
                        const acro_tokens *tokens, acro_entries *out)
{
	acro_entries defs = {NULL, 0, 0};
	acro_def *kinds = calloc(tokens->n ? tokens->n : 1, sizeof(*kinds));
	tc_cache cache;
	size_t i;
	int rc = -1;

	if (!kinds)
		return -1;
	tc_cache_init(&cache);
	for (i = 0; i < tokens->n; i++) {
		const acro_token *t = &tokens->items[i];

		if (t->parent != AT_NO_PARENT ||
		    ak_set_has(&k->not_acronyms, doc->prose + t->start, t->end - t->start))
			continue;
		ad_detect(host, doc, k, t, &kinds[i]);
		if (kinds[i].kind != AD_USE && push_entry(&defs, doc, t, &kinds[i]) < 0)
			goto done;
	}
	for (i = 0; i < tokens->n; i++) {
		const acro_token *t = &tokens->items[i];
		size_t p;

		if (t->parent != AT_NO_PARENT)
			continue;
		if (kinds[i].kind != AD_USE) {
			if (push_entry(out, doc, t, &kinds[i]) < 0)
				goto done;
			continue;
		}
		if (read_whole(k, &defs, doc, t)) {
			if (!no_acronym(k, doc, &cache, t->start, t->end) &&
			    push_entry(out, doc, t, NULL) < 0)
				goto done;
			continue;
		}
		for (p = i + 1; p <= i + t->n_parts && p < tokens->n; p++) {
			const acro_token *part = &tokens->items[p];

			if (!no_acronym(k, doc, &cache, part->start, part->end) &&
			    push_entry(out, doc, part, NULL) < 0)
				goto done;
		}
	}
	rc = 0;
done:
	tc_cache_free(&cache);
	free(defs.items);
	free(kinds);
	return rc;
}

/* Orders entries by acronym, then by place. */
static int compare_entries(const void *pa, const void *pb)
{
	const acro_entry *a = pa;
	const acro_entry *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->text, b->text, n);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Copies prose[start, end) with white space runs as one space into out
 * (room outlen), cut with "…" when longer. */
static void quote(const stmtlint_doc *doc, size_t start, size_t end,
                  char *out, size_t outlen)
{
	size_t n = 0;
	size_t i;
	int space = 0;

	for (i = start; i < end && n + 4 < outlen; i++) {
		char c = doc->text[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = c;
	}
	if (i < end) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
			n--;   /* do not cut a character in two */
		if (n > 0 && (unsigned char)out[n - 1] >= 0xC0)
			n--;
		memcpy(out + n, "\xE2\x80\xA6", 3);
		n += 3;
	}
	out[n] = '\0';
}

/* Whether two definitions' expansions are the same words. */
static int same_expansion(const stmtlint_host *host, const stmtlint_doc *doc,
                          const acro_entry *a, const acro_entry *b)
{
	char x[MAX_QUOTE_BYTES * 4];
	char y[MAX_QUOTE_BYTES * 4];
	size_t nx;
	size_t ny;

	if (a->def.exp_end == a->def.exp_start || b->def.exp_end == b->def.exp_start)
		return 1;   /* an unfitted expansion: nothing to compare */
	nx = tc_normalize(host, doc->prose + a->def.exp_start, a->def.exp_end - a->def.exp_start, 1, x,
	                  sizeof(x));
	ny = tc_normalize(host, doc->prose + b->def.exp_start, b->def.exp_end - b->def.exp_start, 1, y,
	                  sizeof(y));
	return nx == ny && strcmp(x, y) == 0;
}


/* Notes on diagnostic d of undefined acronym u where the draft first names
 * its body, pairs[i] (at [at, end)), with a fix-it that defines it there
 * when that place comes before u. */
static void note_definition_place(const stmtlint_host *host, stmtlint_diag *d,
                                  const acro_entry *u, const ak_pair *pair, size_t at, size_t end)
{
	char insert[MAX_INSERT_BYTES];

	host->note(d, at, end, "define it where the draft first names the body: "
	           "\xE2\x80\x98%s (%.*s)\xE2\x80\x99", pair->name, (int)(u->end - u->start), u->text);
	if (end < u->start && u->len + 4 < sizeof(insert)) {
		snprintf(insert, sizeof(insert), " (%.*s)", (int)(u->end - u->start), u->text);
		host->fix(d, end, end, insert);
	}
}

/* Reports an acronym used and never defined, at its first use u: a
 * warning when the registry gives it to a government's body that the draft
 * names in full (the definition is missing there), else a note, which
 * claims nothing of what the acronym stands for in this draft.  An
 * international body's acronym is always a note: statements often leave
 * those undefined, as they do company and programme names. */
static void report_undefined(const stmtlint_host *host, const acro_known *k, stmtlint_ctx *ctx,
                             const stmtlint_doc *doc, const acro_entry *u)
{
	const ak_pair *pairs;
	const ak_pair *named = NULL;
	stmtlint_diag *d;
	size_t n_pairs;
	size_t at = 0;
	size_t end = 0;
	size_t i;

	pairs = ak_pairs_of(k, u->text, u->len, &n_pairs);
	for (i = 0; pairs && i < n_pairs && !named; i++) {
		at = an_find_name(doc, pairs[i].name, &end);
		if (end)
			named = &pairs[i];
	}
	if (named && !named->international) {
		d = host->report(ctx, CHECK_UNDEFINED, u->start, u->end,
		                 "\xE2\x80\x98%.*s\xE2\x80\x99 is never defined; the registry gives "
		                 "\xE2\x80\x98%s\xE2\x80\x99", (int)(u->end - u->start), u->text,
		                 named->name);
		note_definition_place(host, d, u, named, at, end);
		return;
	}
	d = host->report(ctx, CHECK_UNDEFINED_OTHER, u->start, u->end,
	                 "\xE2\x80\x98%.*s\xE2\x80\x99 is never defined", (int)(u->end - u->start),
	                 u->text);
	if (d && named)
		note_definition_place(host, d, u, named, at, end);
	else if (d && pairs)
		host->note(d, u->start, u->end, "the registry gives \xE2\x80\x98%.*s\xE2\x80\x99 "
		           "to \xE2\x80\x98%s\xE2\x80\x99, which this draft never names",
		           (int)(u->end - u->start), u->text, pairs[0].name);
}

/* Reports a definition whose words do not fit its letters. */
static void report_expansion(const stmtlint_host *host, stmtlint_ctx *ctx,
                             const stmtlint_doc *doc, const acro_entry *x)
{
	char words[MAX_QUOTE_BYTES];
	stmtlint_diag *d;

	quote(doc, x->def.exp_start, x->def.exp_end, words, sizeof(words));
	if (x->def.fit == AD_PERMUTED) {
		host->report(ctx, CHECK_EXPANSION_ORDER, x->start, x->end,
		             "\xE2\x80\x98%.*s\xE2\x80\x99 does not fit "
		             "\xE2\x80\x98%s\xE2\x80\x99, whose initials are %s", (int)(x->end - x->start), x->text,
		             words, x->def.initials);
		return;
	}
	d = host->report(ctx, CHECK_EXPANSION, x->start, x->end,
	                 "\xE2\x80\x98%.*s\xE2\x80\x99 for \xE2\x80\x98%s\xE2\x80\x99, which the "
	                 "registry abbreviates \xE2\x80\x98%s\xE2\x80\x99", (int)(x->end - x->start), x->text, words,
	                 x->def.registered->acronym);
	host->fix(d, x->start, x->end, x->def.registered->acronym);
}

/* Reports definition x of an acronym whose earlier definitions are
 * defs[0, n): a note when one of them has the same words, else a warning. */
static void report_redefinition(const stmtlint_host *host, stmtlint_ctx *ctx,
                                const stmtlint_doc *doc, const acro_entry *const *defs, size_t n,
                                const acro_entry *x)
{
	char was[MAX_QUOTE_BYTES];
	char now[MAX_QUOTE_BYTES];
	stmtlint_diag *d;
	size_t i;

	for (i = 0; i < n; i++) {
		if (same_expansion(host, doc, defs[i], x)) {
			d = host->report(ctx, CHECK_REDEFINED, x->start, x->end,
			                 "\xE2\x80\x98%.*s\xE2\x80\x99 is defined again",
			                 (int)(x->end - x->start), x->text);
			host->note(d, defs[i]->start, defs[i]->end, "defined here before");
			return;
		}
	}
	quote(doc, defs[0]->def.exp_start, defs[0]->def.exp_end, was, sizeof(was));
	quote(doc, x->def.exp_start, x->def.exp_end, now, sizeof(now));
	d = host->report(ctx, CHECK_EXPANSIONS, x->start, x->end,
	                 "\xE2\x80\x98%.*s\xE2\x80\x99 is defined again as \xE2\x80\x98%s\xE2\x80\x99",
	                 (int)(x->end - x->start), x->text, now);
	host->note(d, defs[0]->start, defs[0]->end, "first defined as \xE2\x80\x98%s\xE2\x80\x99",
	           was);
}

/* Reports what is wrong with one acronym, whose entries (in draft order)
 * are e[0, n). */
static void report_acronym(const stmtlint_host *host, const acro_known *k, stmtlint_ctx *ctx,
                           const stmtlint_doc *doc, const acro_entry *e, size_t n)
{
	const acro_entry *defs[MAX_DEFINITIONS_COMPARED];
	const acro_entry *first_def = NULL;
	const acro_entry *first_use = NULL;
	size_t n_defs = 0;
	size_t uses_after = 0;
	int known = ak_is_well_known(k, e->text, e->len);
	size_t i;

	for (i = 0; i < n; i++) {
		const acro_entry *x = &e[i];

		if (x->def.kind == AD_USE) {
			if (!first_use)
				first_use = x;
			uses_after += first_def != NULL;
			continue;
		}
		if (!known && (x->def.fit == AD_PERMUTED || x->def.fit == AD_REGISTERED_OTHER))
			report_expansion(host, ctx, doc, x);
		if (!first_def)
			first_def = x;
		else
			report_redefinition(host, ctx, doc, defs, n_defs, x);
		if (n_defs < MAX_DEFINITIONS_COMPARED)
			defs[n_defs++] = x;
	}
	if (known)
		return;
	if (first_def && first_use && first_use->start < first_def->start) {
		stmtlint_diag *d = host->report(ctx, CHECK_BEFORE_DEFINITION, first_use->start,
		                                first_use->end,
		                                "\xE2\x80\x98%.*s\xE2\x80\x99 is used before its definition",
		                                (int)(first_use->end - first_use->start), first_use->text);

		char words[MAX_QUOTE_BYTES];

		if (first_def->def.exp_end > first_def->def.exp_start) {
			quote(doc, first_def->def.exp_start, first_def->def.exp_end, words, sizeof(words));
			host->note(d, first_def->start, first_def->end,
			           "defined here, as \xE2\x80\x98%s\xE2\x80\x99", words);
		} else {
			host->note(d, first_def->start, first_def->end, "defined here");
		}
	} else if (first_def && uses_after == 0 && n_defs == 1) {
		host->report(ctx, CHECK_UNUSED, first_def->start, first_def->end,
		             "\xE2\x80\x98%.*s\xE2\x80\x99 is defined but never used again",
		             (int)(first_def->end - first_def->start), first_def->text);
	} else if (!first_def && first_use) {
		report_undefined(host, k, ctx, doc, first_use);
	}
}

static int acronyms_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                          const stmtlint_doc *doc)
{
	const acro_known *k = state;
	acro_tokens tokens = {NULL, 0, 0};
	acro_entries entries = {NULL, 0, 0};
	size_t i;
	size_t j;
	int rc = -1;

	if (at_scan(host, doc, &tokens) < 0 || make_entries(host, k, doc, &tokens, &entries) < 0)
		goto done;
	if (entries.n > 1)
		qsort(entries.items, entries.n, sizeof(*entries.items), compare_entries);
	for (i = 0; i < entries.n; i = j) {
		for (j = i + 1; j < entries.n && entries.items[j].len == entries.items[i].len &&
		                memcmp(entries.items[j].text, entries.items[i].text, entries.items[i].len) == 0;
		     j++)
			;
		report_acronym(host, k, ctx, doc, &entries.items[i], j - i);
	}
	rc = 0;
done:
	free(tokens.items);
	free(entries.items);
	return rc;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "acronyms",
	.summary = "every acronym defined at its first use, once, with words that fit its letters",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = acronyms_init,
	.check = acronyms_check,
	.fini = acronyms_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol: its descriptor. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
