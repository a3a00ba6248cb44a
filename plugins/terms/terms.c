/*
 * terms.c - the `terms` plugin: one term written one way in a draft.
 *
 * The rule data (the `groups` of dataset `terms`, and the option `groups`) holds groups of
 * forms of one term ("U.S.-Japan", "US-Japan", "U.S-Japan"), each with a
 * preferred form that the option `prefer` may change.  A draft that uses
 * two or more forms of a group is told to keep one: the preferred form, or
 * without one the form the draft uses most (the first used on a tie).
 * Each use of another form is a finding with a fix-it to the kept form and
 * a note at the first use of the kept one.  A draft that uses one form
 * throughout is consistent, whichever form it is.
 *
 * What is not a use of a form: text in quotation marks; a form inside a
 * capitalised name ("Cyber Security Strategic Headquarters"), which is the
 * name's own spelling; a capital that the place explains (a sentence's
 * start, a heading, ALL CAPS) when the forms differ only in that capital
 * ("Internet" / "internet"); "US$", which is currency.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stmtlint/plugin.h>

#include "dataroots.h"
#include "termgroups.h"
#include "textctx.h"

enum { CHECK_MIXED };

static const stmtlint_check_spec checks[] = {
	[CHECK_MIXED] = {"mixed", STMTLINT_WARNING,
	                 "a term written in another form than the one the draft keeps for it"},
};

static const stmtlint_option_spec options[] = {
	{.name = "prefer", .type = STMTLINT_OPT_LIST,
	 .help = "forms to keep when a draft mixes the forms of their group (instead of the "
	         "group's preferred form)"},
	{.name = "groups", .type = STMTLINT_OPT_DATA,
	 .help = "more groups of forms, as in rules/terms/: [{forms: [...], preferred: FORM}]"},
};

/* The dataset the profile names for the groups (`data: {terms: FILE}`). */
#define TERMS_DATASET "terms"
/* Most files of a folder dataset read. */
#define MAX_DATASET_FILES 64
/* Bytes of a normalised match kept for comparison; a longer match is no form. */
#define MAX_MATCH_BYTES 1024
/* Other uses of a reported form that get a note of their own. */
#define MAX_NOTED_USES 5
/* Bytes of a fix-it's replacement. */
#define MAX_REPLACEMENT_BYTES 1024

typedef struct terms_state {
	term_table table;
} terms_state;

/* One use of a form in a draft. */
typedef struct term_use {
	size_t start;
	size_t end;
	size_t form;
	stmtlint_span name;    /* the capitalised word beside it, when there is one; else empty */
	int in_name;           /* inside a capitalised name (not in a heading, where every word
	                          is capitalised) */
	int counts;            /* a use that shows the draft's choice of form */
} term_use;

typedef struct term_uses {
	term_use *items;
	size_t n;
	size_t cap;
} term_uses;

/* The uses of a draft, counted by form. */
typedef struct form_counts {
	size_t *count;        /* per form: counted uses */
	size_t *first;        /* per form: index of its first counted use */
	size_t *forms_used;   /* per group: forms with counted uses */
} form_counts;

static void free_state(const stmtlint_host *host, terms_state *st)
{
	if (!st)
		return;
	tg_free(&st->table);
	free(st);
}

/* dr_strings() callback: makes a form preferred. */
typedef struct prefer_arg {
	const stmtlint_host *host;
	const stmtlint_options *opts;
	term_table *table;
} prefer_arg;

static int prefer_one(void *arg, const char *s, const stmtlint_node *at)
{
	prefer_arg *p = arg;

	return tg_prefer(p->host, p->opts, p->table, s, at);
}

static int terms_init(const stmtlint_host *host, const stmtlint_options *opts, void **state)
{
	const stmtlint_node *roots[MAX_DATASET_FILES];
	terms_state *st = calloc(1, sizeof(*st));
	prefer_arg prefer;
	size_t n_roots;
	size_t i;

	if (!st) {
		host->config_error(opts, NULL, "out of memory");
		return -1;
	}
	if (dr_roots(host, opts, host->dataset(opts, TERMS_DATASET), TERMS_DATASET, roots,
	             MAX_DATASET_FILES, &n_roots) < 0)
		goto fail;
	for (i = 0; i < n_roots; i++)
		if (tg_read_groups(host, opts, host->node_get(roots[i], "groups"), &st->table) < 0)
			goto fail;
	if (tg_read_groups(host, opts, host->option(opts, "groups"), &st->table) < 0)
		goto fail;
	prefer.host = host;
	prefer.opts = opts;
	prefer.table = &st->table;
	if (dr_strings(host, opts, host->option(opts, "prefer"), "prefer", prefer_one, &prefer) < 0)
		goto fail;
	if (tg_index(&st->table) < 0) {
		host->config_error(opts, NULL, "out of memory");
		goto fail;
	}
	*state = st;
	return 0;
fail:
	free_state(host, st);
	return -1;
}

static void terms_fini(const stmtlint_host *host, void *state)
{
	free_state(host, state);
}

/* Whether forms a and b differ in the case of their first letter only
 * ("Internet" / "internet"). */
static int differ_in_first_capital(const term_table *t, size_t a, size_t b)
{
	const char *x = t->forms[a].exact;
	const char *y = t->forms[b].exact;

	return x[0] != y[0] && strcmp(x + 1, y + 1) == 0 &&
	       t->forms[a].folded[0] == t->forms[b].folded[0];
}

/* Whether `form` has a twin in its group that differs from it in the case
 * of the first letter only. */
static int has_capital_twin(const term_table *t, size_t form)
{
	const term_group *g = &t->groups[t->forms[form].group];
	size_t i;

	for (i = g->first; i < g->first + g->n; i++)
		if (i != form && differ_in_first_capital(t, i, form))
			return 1;
	return 0;
}

/* Whether "$" follows prose[end] after white space: "US$ 5 million". */
static int before_currency(const stmtlint_doc *doc, size_t end)
{
	while (end < doc->length && (doc->prose[end] == ' ' || doc->prose[end] == '\n'))
		end++;
	return end < doc->length && doc->prose[end] == '$';
}

/* Whether `occurrence` is `form` with capitals only added: "Cyber security"
 * for "cyber security", never "us" for "US". */
static int adds_capitals_only(const char *occurrence, const char *form)
{
	size_t i;

	if (strlen(occurrence) != strlen(form))
		return 0;
	for (i = 0; form[i]; i++)
		if (occurrence[i] != form[i] &&
		    !(form[i] >= 'a' && form[i] <= 'z' && occurrence[i] == form[i] - 'a' + 'A'))
			return 0;
	return 1;
}

/* Where a use stands, each fact found when first asked (-1: not yet). */
typedef struct place {
	const stmtlint_host *host;
	const stmtlint_doc *doc;
	tc_cache *cache;
	long block;
	size_t start;
	int heading;
	int sentence;
	int caps;
} place;

static int in_heading(place *p)
{
	if (p->heading < 0)
		p->heading = tc_is_heading(p->host, p->doc, p->block);
	return p->heading;
}

/* Whether the place explains a capital: a heading, a sentence's start, ALL
 * CAPS. */
static int capital_explained(place *p)
{
	if (in_heading(p))
		return 1;
	if (p->sentence < 0)
		p->sentence = tc_starts_sentence(p->host, p->doc, p->block, p->start);
	if (p->sentence)
		return 1;
	if (p->caps < 0)
		p->caps = tc_is_all_caps(p->doc, p->cache, p->block, p->start);
	return p->caps;
}

/* Fills *use with the form that prose[start, end) is a use of, given `match`
 * (the form tg_match() found there, one of those that differ only in case),
 * and returns 0; returns -1 when it is no use of a form (see the top of this
 * file).  Quotation marks are the caller's to judge. */
static int form_of(const stmtlint_host *host, const term_table *t, const stmtlint_doc *doc,
                   tc_cache *cache, size_t start, size_t end, size_t match, term_use *use)
{
	char exact[MAX_MATCH_BYTES];
	const term_group *g = &t->groups[t->forms[match].group];
	place p = {host, doc, cache, tc_block_at(doc, start), start, -1, -1, -1};
	long form = -1;
	size_t twins = 0;
	int capital;
	size_t i;

	if (p.block < 0 || before_currency(doc, end))
		return -1;
	if (tc_normalize(host, doc->prose + start, end - start, 0, exact, sizeof(exact)) >=
	    sizeof(exact))
		return -1;
	for (i = g->first; i < g->first + g->n; i++) {
		if (strcmp(t->forms[i].folded, t->forms[match].folded) != 0)
			continue;
		twins++;
		if (strcmp(t->forms[i].exact, exact) == 0)
			form = (long)i;
	}
	memset(use, 0, sizeof(*use));
	use->start = start;
	use->end = end;
	capital = tc_is_capital_at(host, doc, start);
	/* In a heading every word is capitalised: a capital there shows no name. */
	use->in_name = capital && tc_in_name(host, doc, p.block, start, end, &use->name) &&
	               !in_heading(&p);
	if (form >= 0) {
		if (capital && has_capital_twin(t, (size_t)form) &&
		    (use->in_name || capital_explained(&p)))
			return -1;
		use->form = (size_t)form;
		return 0;
	}
	if (twins > 1 || !adds_capitals_only(exact, t->forms[match].exact) || use->in_name ||
	    !capital_explained(&p))
		return -1;   /* several forms differ only in case, or a capital with no reason */
	use->form = match;
	return 0;
}

static int push_use(term_uses *u, const term_use *use)
{
	if (u->n == u->cap) {
		size_t cap = u->cap ? u->cap * 2 : 32;
		term_use *p = realloc(u->items, cap * sizeof(*p));

		if (!p)
			return -1;
		u->items = p;
		u->cap = cap;
	}
	u->items[u->n++] = *use;
	return 0;
}

/* Records the use of a form at prose[at] if one is written there (and not
 * in quotation marks); sets *end to the end of the form, or to `at` when
 * none is.  0, or -1. */
static int use_at(const stmtlint_host *host, const terms_state *st, const stmtlint_doc *doc,
                  tc_cache *cache, size_t at, term_uses *uses, size_t *end)
{
	long form = tg_match(host, &st->table, doc->prose, doc->length, at, end);
	term_use use;

	if (form < 0) {
		*end = at;
		return 0;
	}
	if (form_of(host, &st->table, doc, cache, at, *end, (size_t)form, &use) < 0 ||
	    tc_in_quotes(doc, cache, tc_block_at(doc, at), at))
		return 0;
	return push_use(uses, &use);
}

/* Finds every use of a form in the draft, in order: forms start with a
 * letter or a digit, so at the start of a word, or after a hyphen inside
 * one ("US" in "UK-US").  0, or -1. */
static int find_uses(const stmtlint_host *host, const terms_state *st, const stmtlint_doc *doc,
                     term_uses *uses)
{
	size_t done = 0;   /* bytes before it are read */
	tc_cache cache;
	int rc = -1;
	size_t w;

	tc_cache_init(&cache);
	for (w = 0; w < doc->n_words; w++) {
		stmtlint_span word = doc->words[w];
		size_t end;
		size_t i;

		if (word.start < done)
			continue;
		if (use_at(host, st, doc, &cache, word.start, uses, &end) < 0)
			goto done;
		if (end > word.start) {
			done = end;
			continue;
		}
		for (i = word.start + 1; i + 1 < word.end; i++) {
			if (doc->prose[i] != '-')
				continue;
			if (use_at(host, st, doc, &cache, i + 1, uses, &end) < 0)
				goto done;
			if (end > i + 1) {
				done = end;
				break;
			}
		}
	}
	rc = 0;
done:
	tc_cache_free(&cache);
	return rc;
}

/* Whether two words of the draft are the same text. */
static int same_word(const stmtlint_doc *doc, stmtlint_span a, stmtlint_span b)
{
	return a.end - a.start == b.end - b.start &&
	       memcmp(doc->prose + a.start, doc->prose + b.start, a.end - a.start) == 0;
}

/* Orders named uses (indexes into uses) by group, then by the name's word. */
typedef struct named_order {
	const term_table *table;
	const stmtlint_doc *doc;
	const term_uses *uses;
} named_order;

static int compare_named(const void *pa, const void *pb, void *arg)
{
	const named_order *o = arg;
	const term_use *a = &o->uses->items[*(const size_t *)pa];
	const term_use *b = &o->uses->items[*(const size_t *)pb];
	size_t ga = o->table->forms[a->form].group;
	size_t gb = o->table->forms[b->form].group;
	size_t la = a->name.end - a->name.start;
	size_t lb = b->name.end - b->name.start;
	int c;

	if (ga != gb)
		return ga < gb ? -1 : 1;
	c = memcmp(o->doc->prose + a->name.start, o->doc->prose + b->name.start, la < lb ? la : lb);
	if (c != 0)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	return *(const size_t *)pa < *(const size_t *)pb ? -1 : 1;
}

/* Marks the uses that show the draft's choice: all but those inside a
 * capitalised name, which is the name's own spelling, unless the draft
 * writes the same name with another form of the term ("the U.S.-Japan
 * Policy Cooperation Dialogue" and "the US-Japan Policy Cooperation
 * Dialogue").  Returns 0, or -1 when out of memory. */
static int mark_counted(const term_table *t, const stmtlint_doc *doc, term_uses *uses)
{
	named_order order = {t, doc, uses};
	size_t *named = malloc((uses->n ? uses->n : 1) * sizeof(*named));
	size_t n = 0;
	size_t i;
	size_t j;

	if (!named)
		return -1;
	for (i = 0; i < uses->n; i++) {
		uses->items[i].counts = !uses->items[i].in_name;
		if (uses->items[i].name.end > uses->items[i].name.start)
			named[n++] = i;   /* beside a capitalised word: in a name, or in a heading */
	}
	if (n > 1)
		qsort_r(named, n, sizeof(*named), compare_named, &order);
	/* Runs of one group and one name's word: count them all when they hold
	 * two forms. */
	for (i = 0; i < n; i = j) {
		int forms = 0;
		size_t k;

		for (j = i + 1; j < n && compare_named(&named[i], &named[j], &order) < 0 &&
		                t->forms[uses->items[named[j]].form].group ==
		                        t->forms[uses->items[named[i]].form].group &&
		                same_word(doc, uses->items[named[j]].name, uses->items[named[i]].name);
		     j++)
			forms |= uses->items[named[j]].form != uses->items[named[i]].form;
		for (k = i; forms && k < j; k++)
			uses->items[named[k]].counts = 1;
	}
	free(named);
	return 0;
}

/* The kept form of group g given the draft's counts: the preferred one, or
 * the most used (the first used on a tie). */
static size_t kept_form(const term_group *g, const form_counts *c)
{
	size_t best = g->first;
	size_t i;

	if (g->preferred >= 0)
		return (size_t)g->preferred;
	for (i = g->first; i < g->first + g->n; i++) {
		if (c->count[i] > c->count[best] ||
		    (c->count[i] == c->count[best] && c->count[i] > 0 && c->first[i] < c->first[best]))
			best = i;
	}
	return best;
}

/* Attaches the fix-it that writes `keep` for use u, capitalised where u
 * is. */
static void fix_use(const stmtlint_host *host, const stmtlint_doc *doc, stmtlint_diag *d,
                    const term_use *u, const char *keep)
{
	char replacement[MAX_REPLACEMENT_BYTES];

	if (strlen(keep) >= sizeof(replacement))
		return;
	strcpy(replacement, keep);
	if (tc_is_capital_at(host, doc, u->start) && replacement[0] >= 'a' && replacement[0] <= 'z')
		replacement[0] = (char)(replacement[0] - 'a' + 'A');
	host->fix(d, u->start, u->end, replacement);
}

/* Reports form f, which the draft uses where it keeps `kept`: at its first
 * use, with a note at each other use (up to MAX_NOTED_USES), a note at the
 * first use of the kept form, and a fix-it at every use. */
static void report_form(const stmtlint_host *host, const terms_state *st, stmtlint_ctx *ctx,
                        const stmtlint_doc *doc, const term_uses *uses, size_t f, size_t kept,
                        const form_counts *c)
{
	const term_table *t = &st->table;
	const char *form = t->forms[f].exact;
	const char *keep = t->forms[kept].exact;
	const term_use *u = &uses->items[c->first[f]];
	char times[32] = "";
	stmtlint_diag *d;
	size_t noted = 0;
	size_t i;

	if (c->count[f] > 1)
		snprintf(times, sizeof(times), " (%zu times)", c->count[f]);
	if (c->count[kept] == 0)
		d = host->report(ctx, CHECK_MIXED, u->start, u->end,
		                 "\xE2\x80\x98%s\xE2\x80\x99%s: this draft writes this term in more "
		                 "than one form; the preferred form is \xE2\x80\x98%s\xE2\x80\x99", form,
		                 times, keep);
	else if ((long)kept == t->groups[t->forms[kept].group].preferred)
		d = host->report(ctx, CHECK_MIXED, u->start, u->end,
		                 "\xE2\x80\x98%s\xE2\x80\x99%s where this draft also writes "
		                 "\xE2\x80\x98%s\xE2\x80\x99, the preferred form", form, times, keep);
	else
		d = host->report(ctx, CHECK_MIXED, u->start, u->end,
		                 "\xE2\x80\x98%s\xE2\x80\x99%s where this draft writes "
		                 "\xE2\x80\x98%s\xE2\x80\x99 %zu time%s", form, times, keep,
		                 c->count[kept], c->count[kept] == 1 ? "" : "s");
	if (!d)
		return;
	if (c->count[kept] > 0) {
		const term_use *k = &uses->items[c->first[kept]];

		host->note(d, k->start, k->end, "\xE2\x80\x98%s\xE2\x80\x99 here", keep);
	}
	for (i = c->first[f]; i < uses->n; i++) {
		const term_use *o = &uses->items[i];

		if (o->form != f || !o->counts)
			continue;
		if (o != u && noted++ < MAX_NOTED_USES)
			host->note(d, o->start, o->end, "\xE2\x80\x98%s\xE2\x80\x99 again here", form);
		fix_use(host, doc, d, o, keep);
	}
}

/* Reports the forms of every group whose forms the draft mixes. */
static int report_mixed(const stmtlint_host *host, const terms_state *st, stmtlint_ctx *ctx,
                        const stmtlint_doc *doc, term_uses *uses)
{
	const term_table *t = &st->table;
	form_counts c;
	size_t g;
	size_t i;
	int rc = -1;

	c.count = calloc(t->n_forms, sizeof(*c.count));
	c.first = calloc(t->n_forms, sizeof(*c.first));
	c.forms_used = calloc(t->n_groups, sizeof(*c.forms_used));
	if (!c.count || !c.first || !c.forms_used)
		goto done;
	if (mark_counted(t, doc, uses) < 0)
		goto done;
	for (i = 0; i < uses->n; i++) {
		size_t f = uses->items[i].form;

		if (!uses->items[i].counts)
			continue;
		if (c.count[f]++ == 0) {
			c.first[f] = i;
			c.forms_used[t->forms[f].group]++;
		}
	}
	for (g = 0; g < t->n_groups; g++) {
		size_t kept;

		if (c.forms_used[g] < 2)
			continue;
		kept = kept_form(&t->groups[g], &c);
		for (i = t->groups[g].first; i < t->groups[g].first + t->groups[g].n; i++)
			if (i != kept && c.count[i] > 0)
				report_form(host, st, ctx, doc, uses, i, kept, &c);
	}
	rc = 0;
done:
	free(c.count);
	free(c.first);
	free(c.forms_used);
	return rc;
}

static int terms_check(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
                       const stmtlint_doc *doc)
{
	const terms_state *st = state;
	term_uses uses = {NULL, 0, 0};
	int rc;

	if (st->table.n_forms == 0 || !host->enabled(ctx, CHECK_MIXED))
		return 0;
	rc = find_uses(host, st, doc, &uses);
	if (rc == 0 && uses.n > 1)
		rc = report_mixed(host, st, ctx, doc, &uses);
	free(uses.items);
	return rc;
}

static const stmtlint_plugin plugin = {
	.abi_version = STMTLINT_ABI_VERSION,
	.id = "terms",
	.summary = "each term written one way: U.S.-Japan or US-Japan, cybersecurity or cyber security",
	.severity = STMTLINT_WARNING,
	.checks = checks,
	.n_checks = sizeof(checks) / sizeof(checks[0]),
	.options = options,
	.n_options = sizeof(options) / sizeof(options[0]),
	.init = terms_init,
	.check = terms_check,
	.fini = terms_fini,
};

STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void);

/* The plugin's one exported symbol: its descriptor. */
STMTLINT_EXPORT const stmtlint_plugin *stmtlint_plugin_entry(void)
{
	return &plugin;
}
