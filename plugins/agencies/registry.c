/* registry.c - reading the registry of bodies and indexing its names. */
#include "registry.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The years a former name's `until` may take. */
#define REG_YEAR_MIN 1776
#define REG_YEAR_MAX 2100

static const char *const connectors[] = { "of", "for", "and", "the", "on", "in", "to" };

/* Words that say what kind of body a name is: two names that differ in one
 * of them name two different bodies ("National Security Agency",
 * "National Security Council"). */
static const char *const heads[] = {
	"administration", "agency", "assembly", "authority", "bank", "board", "bureau",
	"cabinet", "center", "centers", "centre", "command", "commission", "committee",
	"corporation", "council", "court", "department", "directorate", "forum", "foundation",
	"fund", "group", "headquarters", "institute", "institutes", "laboratory", "ministry",
	"network", "office", "organisation", "organization", "parliament", "partnership",
	"program", "programme", "secretariat", "service", "services", "summit", "survey",
	"team", "union",
};

static int in_list(const char *w, size_t len, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i][0] == w[0] && strncmp(list[i], w, len) == 0 && list[i][len] == '\0')
			return 1;
	return 0;
}

uint32_t registry_hash(const char *s, size_t len)
{
	uint32_t h = REG_HASH_BASIS;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= REG_HASH_PRIME;
	}
	return h;
}

static int is_joiner(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* host->utf8_decode(), without a call for ASCII. */
static size_t registry_decode(const stmtlint_host *host, const char *s, size_t len, uint32_t *cp)
{
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return host->utf8_decode(s, len, cp);
}

/* host->is_word_char(), without a call for ASCII. */
static int registry_word_char(const stmtlint_host *host, uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return host->is_word_char(cp);
}

/* The end of the word that starts at s[i] (a word character). */
static size_t word_end(const stmtlint_host *host, const char *s, size_t len, size_t i)
{
	uint32_t cp;

	while (i < len) {
		size_t m = registry_decode(host, s + i, len - i, &cp);
		uint32_t after;

		if (registry_word_char(host, cp)) {
			i += m;
			continue;
		}
		if (!is_joiner(cp) || i + m >= len)
			break;
		registry_decode(host, s + i + m, len - i - m, &after);
		if (!registry_word_char(host, after))
			break;
		i += m;
	}
	return i;
}

size_t registry_split(const stmtlint_host *host, const char *s, reg_word *words, size_t max)
{
	size_t len = strlen(s);
	size_t n = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t m = registry_decode(host, s + i, len - i, &cp);
		size_t end;
		reg_word *w;

		if (!registry_word_char(host, cp)) {
			/* punctuation between words belongs to the word before */
			if (n > 0 && n <= max && !host->is_space(cp)) {
				w = &words[n - 1];
				if (strlen(w->gap) + m <= REG_MAX_GAP)
					memcpy(w->gap + strlen(w->gap), s + i, m);
			}
			i += m;
			continue;
		}
		end = word_end(host, s, len, i);
		if (n < max) {
			w = &words[n];
			memset(w, 0, sizeof(*w));
			w->len = host->word_normalize(s + i, end - i, w->text, sizeof(w->text));
			if (w->len >= sizeof(w->text))
				return (size_t)-1;
			w->hash = registry_hash(w->text, w->len);
			if (in_list(w->text, w->len, connectors, sizeof(connectors) / sizeof(*connectors)))
				w->flags |= WORD_CONNECTOR;
			if (in_list(w->text, w->len, heads, sizeof(heads) / sizeof(*heads)))
				w->flags |= WORD_HEAD;
		}
		n++;
		i = end;
	}
	/* punctuation after the last word is not part of the name */
	if (n > 0 && n <= max)
		words[n - 1].gap[0] = '\0';
	return n;
}

/* ---- loading ------------------------------------------------------------- */

/* What registry_load() carries from node to node. */
typedef struct loader {
	const stmtlint_host *host;
	const stmtlint_options *opts;
	registry *reg;
	size_t cap_bodies, cap_forms, cap_words, cap_former, cap_acronyms;
	const char **acronym_government;   /* parallel to reg->acronyms while loading */
} loader;

/* Grows *arr (of `size`-byte elements, *cap of them) to hold n + 1; reports
 * running out of memory. */
static int room(loader *ld, void **arr, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 64;
	p = realloc(*arr, c * size);
	if (p == NULL) {
		ld->host->config_error(ld->opts, NULL, "out of memory reading the registry");
		return -1;
	}
	*arr = p;
	*cap = c;
	return 0;
}

static int same_words(const registry *reg, const reg_form *a, const reg_word *w, size_t n)
{
	size_t i;

	if (a->n_words != n)
		return 0;
	for (i = 0; i < n; i++) {
		const reg_word *x = &reg->words[a->first_word + i];

		if (x->len != w[i].len || memcmp(x->text, w[i].text, x->len) != 0 ||
		    strcmp(x->gap, w[i].gap) != 0)
			return 0;
	}
	return 1;
}

/* The hash of a name's words and the punctuation between them. */
static uint32_t form_hash(const reg_word *w, size_t n)
{
	uint32_t h = 0;
	size_t i;

	for (i = 0; i < n; i++)
		h = h * 31u + w[i].hash + registry_hash(w[i].gap, strlen(w[i].gap));
	return h;
}

/* Adds the name `at` (a scalar) of body `body` as a form of `kind`. */
static int add_form(loader *ld, const stmtlint_node *at, size_t body, form_kind kind, int until)
{
	const stmtlint_host *host = ld->host;
	registry *reg = ld->reg;
	const char *text = host->node_scalar(at);
	reg_word w[REG_MAX_NAME_WORDS];
	uint32_t hash;
	size_t n;
	size_t i;
	reg_form *f;

	if (text == NULL) {
		host->config_error(ld->opts, at, "a name must be a string");
		return -1;
	}
	n = registry_split(host, text, w, REG_MAX_NAME_WORDS);
	if (n == 0 || n > REG_MAX_NAME_WORDS) {
		host->config_error(ld->opts, at, "'%s' is not a name of 1 to %d words", text,
		                   REG_MAX_NAME_WORDS);
		return -1;
	}
	hash = form_hash(w, n);
	for (i = 0; i < reg->n_forms; i++) {
		if (reg->forms[i].hash == hash && same_words(reg, &reg->forms[i], w, n)) {
			host->config_error(ld->opts, at, "'%s' is registered twice (also as '%s', a name "
			                   "of '%s')", text, reg->forms[i].text,
			                   reg->bodies[reg->forms[i].body].name);
			return -1;
		}
	}
	if (room(ld, (void **)&reg->forms, &ld->cap_forms, reg->n_forms, sizeof(*reg->forms)) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (room(ld, (void **)&reg->words, &ld->cap_words, reg->n_words, sizeof(*reg->words)) != 0)
			return -1;
		reg->words[reg->n_words++] = w[i];
	}
	f = &reg->forms[reg->n_forms++];
	memset(f, 0, sizeof(*f));
	f->text = text;
	f->body = body;
	f->kind = kind;
	f->until = until;
	f->first_word = reg->n_words - n;
	f->n_words = n;
	f->hash = hash;
	return 0;
}

/* Adds every scalar of the optional sequence `key` of `entry`. */
static int add_forms(loader *ld, const stmtlint_node *entry, const char *key, size_t body,
                     form_kind kind)
{
	const stmtlint_host *host = ld->host;
	const stmtlint_node *list = host->node_get(entry, key);
	size_t i;

	if (list == NULL)
		return 0;
	if (host->node_kind(list) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(ld->opts, list, "'%s' must be a list of names", key);
		return -1;
	}
	for (i = 0; i < host->node_length(list); i++)
		if (add_form(ld, host->node_item(list, i), body, kind, 0) != 0)
			return -1;
	return 0;
}

/* Adds a current acronym of a body of `government`, refusing one that
 * another body of the same government already has. */
static int add_acronym(loader *ld, const stmtlint_node *at, const char *government)
{
	const stmtlint_host *host = ld->host;
	registry *reg = ld->reg;
	const char *text = host->node_scalar(at);
	const char **govs;
	size_t i;

	if (text == NULL || text[0] == '\0') {
		host->config_error(ld->opts, at, "an acronym must be a string");
		return -1;
	}
	for (i = 0; i < reg->n_acronyms; i++) {
		if (strcmp(reg->acronyms[i], text) == 0 &&
		    strcmp(ld->acronym_government[i], government) == 0) {
			host->config_error(ld->opts, at, "acronym '%s' is registered twice for %s", text,
			                   government);
			return -1;
		}
	}
	if (room(ld, (void **)&reg->acronyms, &ld->cap_acronyms, reg->n_acronyms,
	         sizeof(*reg->acronyms)) != 0)
		return -1;
	govs = realloc(ld->acronym_government, ld->cap_acronyms * sizeof(*govs));
	if (govs == NULL) {
		host->config_error(ld->opts, NULL, "out of memory reading the registry");
		return -1;
	}
	ld->acronym_government = govs;
	reg->acronyms[reg->n_acronyms] = (char *)text;
	ld->acronym_government[reg->n_acronyms] = government;
	reg->n_acronyms++;
	return 0;
}

/* Reads a body's `acronyms:` list; sets *first to the first one. */
static int add_acronyms(loader *ld, const stmtlint_node *entry, const char *government,
                        const char **first)
{
	const stmtlint_host *host = ld->host;
	const stmtlint_node *list = host->node_get(entry, "acronyms");
	size_t i;

	*first = NULL;
	if (list == NULL)
		return 0;
	if (host->node_kind(list) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(ld->opts, list, "'acronyms' must be a list");
		return -1;
	}
	for (i = 0; i < host->node_length(list); i++) {
		if (add_acronym(ld, host->node_item(list, i), government) != 0)
			return -1;
		if (*first == NULL)
			*first = host->node_scalar(host->node_item(list, i));
	}
	return 0;
}

/* The year of a former name's `until`. */
static int read_year(loader *ld, const stmtlint_node *former, int *year)
{
	const stmtlint_host *host = ld->host;
	const stmtlint_node *n = host->node_get(former, "until");
	const char *s = n != NULL ? host->node_scalar(n) : NULL;
	char *end;
	long y;

	if (n == NULL) {
		host->config_error(ld->opts, former, "a former name needs 'until', the year it changed");
		return -1;
	}
	y = s != NULL ? strtol(s, &end, 10) : 0;
	if (s == NULL || *end != '\0' || y < REG_YEAR_MIN || y > REG_YEAR_MAX) {
		host->config_error(ld->opts, n, "'until' must be a year from %d to %d", REG_YEAR_MIN,
		                   REG_YEAR_MAX);
		return -1;
	}
	*year = (int)y;
	return 0;
}

/* Reads a body's `former:` list of {name, acronyms, until}. */
static int add_former(loader *ld, const stmtlint_node *entry, size_t body)
{
	const stmtlint_host *host = ld->host;
	registry *reg = ld->reg;
	const stmtlint_node *list = host->node_get(entry, "former");
	size_t i;
	size_t k;

	if (list == NULL)
		return 0;
	if (host->node_kind(list) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(ld->opts, list, "'former' must be a list of {name, until}");
		return -1;
	}
	for (i = 0; i < host->node_length(list); i++) {
		const stmtlint_node *f = host->node_item(list, i);
		const stmtlint_node *name = host->node_get(f, "name");
		const stmtlint_node *acr = host->node_get(f, "acronyms");
		int year;

		if (host->node_kind(f) != STMTLINT_NODE_MAPPING || name == NULL) {
			host->config_error(ld->opts, f, "a former name is a mapping with 'name' and 'until'");
			return -1;
		}
		if (read_year(ld, f, &year) != 0 || add_form(ld, name, body, FORM_FORMER, year) != 0)
			return -1;
		for (k = 0; acr != NULL && k < host->node_length(acr); k++) {
			const char *text = host->node_scalar(host->node_item(acr, k));

			if (text == NULL) {
				host->config_error(ld->opts, acr, "former acronyms must be a list of strings");
				return -1;
			}
			if (room(ld, (void **)&reg->former_acronyms, &ld->cap_former,
			                         reg->n_former_acronyms, sizeof(*reg->former_acronyms)) != 0)
				return -1;
			reg->former_acronyms[reg->n_former_acronyms].text = text;
			reg->former_acronyms[reg->n_former_acronyms].len = strlen(text);
			reg->former_acronyms[reg->n_former_acronyms].body = body;
			reg->former_acronyms[reg->n_former_acronyms].until = year;
			reg->n_former_acronyms++;
		}
	}
	return 0;
}

/* A required scalar key of a body entry. */
static const char *required(loader *ld, const stmtlint_node *entry, const char *key)
{
	const stmtlint_node *n = ld->host->node_get(entry, key);
	const char *s = n != NULL ? ld->host->node_scalar(n) : NULL;

	if (s == NULL || s[0] == '\0')
		ld->host->config_error(ld->opts, n != NULL ? n : entry,
		                       "a body needs '%s' (a string)", key);
	return s;
}

/* Reads one entry of a file's `bodies:`. */
static int add_body(loader *ld, const stmtlint_node *entry, const char *file_government)
{
	const stmtlint_host *host = ld->host;
	registry *reg = ld->reg;
	const stmtlint_node *gov = host->node_get(entry, "government");
	reg_body *b;
	size_t body = reg->n_bodies;

	if (host->node_kind(entry) != STMTLINT_NODE_MAPPING) {
		host->config_error(ld->opts, entry, "a body is a mapping with 'name' and 'kind'");
		return -1;
	}
	if (room(ld, (void **)&reg->bodies, &ld->cap_bodies, reg->n_bodies, sizeof(*reg->bodies)) != 0)
		return -1;
	b = &reg->bodies[reg->n_bodies++];
	memset(b, 0, sizeof(*b));
	b->name = required(ld, entry, "name");
	b->kind = required(ld, entry, "kind");
	b->government = gov != NULL ? required(ld, entry, "government") : file_government;
	if (b->name == NULL || b->kind == NULL || (gov != NULL && b->government == NULL))
		return -1;
	if (b->government == NULL) {
		host->config_error(ld->opts, entry, "'%s' has no government (neither its own nor its "
		                   "file's)", b->name);
		return -1;
	}
	b->national = strcmp(b->government, "international") != 0;
	if (add_form(ld, host->node_get(entry, "name"), body, FORM_NAME, 0) != 0 ||
	    add_acronyms(ld, entry, b->government, &reg->bodies[body].acronym) != 0 ||
	    add_forms(ld, entry, "also", body, FORM_ALSO) != 0 ||
	    add_forms(ld, entry, "variants", body, FORM_VARIANT) != 0 ||
	    add_former(ld, entry, body) != 0)
		return -1;
	return 0;
}

/* Reads one file's root: its `government` and `bodies`; other keys are
 * other readers' (well-known acronyms, say). */
static int add_file(loader *ld, const stmtlint_node *root)
{
	const stmtlint_host *host = ld->host;
	const stmtlint_node *bodies;
	const stmtlint_node *gov;
	size_t i;

	if (host->node_kind(root) != STMTLINT_NODE_MAPPING) {
		host->config_error(ld->opts, root, "a registry file is a mapping with 'bodies'");
		return -1;
	}
	bodies = host->node_get(root, "bodies");
	gov = host->node_get(root, "government");
	if (bodies == NULL)
		return 0;
	if (host->node_kind(bodies) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(ld->opts, bodies, "'bodies' must be a list");
		return -1;
	}
	if (gov != NULL && host->node_scalar(gov) == NULL) {
		host->config_error(ld->opts, gov, "'government' must be a string");
		return -1;
	}
	for (i = 0; i < host->node_length(bodies); i++)
		if (add_body(ld, host->node_item(bodies, i), gov ? host->node_scalar(gov) : NULL) != 0)
			return -1;
	return 0;
}

/* ---- ways of naming a body ------------------------------------------------ */

/* The most words a name's key may have ("U.S." and "UN" become two). */
#define WAY_MAX_WORDS (2 * REG_MAX_NAME_WORDS)

/* Whether words[i..n) start with the words of `phrase` (space-separated);
 * returns how many words it has, or 0. */
static size_t starts_with(const char *const *words, size_t n, size_t i, const char *phrase)
{
	size_t k = 0;

	while (*phrase != '\0') {
		size_t len = strcspn(phrase, " ");

		if (i + k >= n || strncmp(words[i + k], phrase, len) != 0 || words[i + k][len] != '\0')
			return 0;
		k++;
		phrase += len;
		phrase += *phrase == ' ';
	}
	return k;
}

/* The words of a form as one way of naming a body: "U.S." read as "United
 * States" and "UN" as "United Nations"; without a leading "United States",
 * "US", "White House", "Japan" or "United Nations", nor a trailing "of
 * Japan", "of the United States" or ", Japan" (they name the government,
 * not another way).  Written into key, each word followed by a space. */
static void way_key(const registry *reg, const reg_form *f, char *key, size_t keylen)
{
	static const char *const leading[] = { "united states", "us", "white house", "japan",
	                                       "united nations" };
	static const char *const trailing[] = { "of japan", "of the united states", "japan" };
	const reg_word *w = &reg->words[f->first_word];
	const char *words[WAY_MAX_WORDS];
	size_t n = 0;
	size_t start = 0;
	size_t i;
	size_t k;
	size_t used = 0;

	for (i = 0; i < f->n_words; i++) {
		if (strcmp(w[i].text, "u") == 0 && i + 1 < f->n_words && strcmp(w[i + 1].text, "s") == 0) {
			words[n++] = "united";
			words[n++] = "states";
			i++;
		} else if (strcmp(w[i].text, "un") == 0) {
			words[n++] = "united";
			words[n++] = "nations";
		} else {
			words[n++] = w[i].text;
		}
	}
	for (k = 0; k < sizeof(leading) / sizeof(*leading); k++) {
		size_t m = starts_with(words, n, 0, leading[k]);

		if (m > 0 && m < n) {
			start = m;
			break;
		}
	}
	for (k = 0; k < sizeof(trailing) / sizeof(*trailing); k++)
		for (i = start + 1; i < n; i++)
			if (starts_with(words, n, i, trailing[k]) == n - i) {
				n = i;
				break;
			}
	key[0] = '\0';
	for (i = start; i < n; i++) {
		size_t len = strlen(words[i]);

		if (used + len + 2 >= keylen)
			break;
		memcpy(key + used, words[i], len);
		used += len;
		key[used++] = ' ';
		key[used] = '\0';
	}
}

/* Whether two keys are one way: equal, or one the other's first or last
 * words ("Food and Agriculture Organization" of "… of the United Nations",
 * "Development Finance Corporation" of "International Development
 * Finance Corporation"). */
static int same_way(const char *a, const char *b)
{
	size_t na = strlen(a);
	size_t nb = strlen(b);

	if (na > nb)
		return same_way(b, a);
	if (na == 0)
		return nb == 0;
	return strncmp(a, b, na) == 0 ||
	       (strcmp(b + nb - na, a) == 0 && b[nb - na - 1] == ' ');
}

/* Sets each NAME or ALSO form's way: the first form of its body of the
 * same way. */
static void assign_ways(registry *reg)
{
	char a[WAY_MAX_WORDS * (REG_MAX_WORD + 1)];
	char b[WAY_MAX_WORDS * (REG_MAX_WORD + 1)];
	size_t i;
	size_t k;

	for (i = 0; i < reg->n_forms; i++) {
		reg_form *f = &reg->forms[i];

		f->way = i;
		if (f->kind != FORM_NAME && f->kind != FORM_ALSO)
			continue;
		way_key(reg, f, a, sizeof(a));
		for (k = 0; k < i; k++) {
			const reg_form *g = &reg->forms[k];

			if (g->body != f->body || (g->kind != FORM_NAME && g->kind != FORM_ALSO))
				continue;
			way_key(reg, g, b, sizeof(b));
			if (same_way(a, b)) {
				f->way = g->way;
				break;
			}
		}
	}
}

/* ---- the index ----------------------------------------------------------- */

static size_t slot_of(const registry *reg, const char *s, size_t len, uint32_t hash)
{
	size_t mask = reg->n_slots - 1;
	size_t i = hash & mask;

	while (reg->slot_word[i] != NULL &&
	       !(reg->slot_word[i]->len == len && memcmp(reg->slot_word[i]->text, s, len) == 0))
		i = (i + 1) & mask;
	return i;
}

static int build_index(registry *reg)
{
	size_t i;
	size_t k;
	size_t total = 0;

	reg->n_slots = 64;
	while (reg->n_slots < 2 * reg->n_words + 1)
		reg->n_slots *= 2;
	reg->slot_word = calloc(reg->n_slots, sizeof(*reg->slot_word));
	reg->slot_first = calloc(reg->n_slots, sizeof(*reg->slot_first));
	reg->slot_count = calloc(reg->n_slots, sizeof(*reg->slot_count));
	reg->postings = calloc(reg->n_words ? reg->n_words : 1, sizeof(*reg->postings));
	if (reg->slot_word == NULL || reg->slot_first == NULL || reg->slot_count == NULL ||
	    reg->postings == NULL)
		return -1;
	for (i = 0; i < reg->n_words; i++) {
		const reg_word *w = &reg->words[i];
		size_t s = slot_of(reg, w->text, w->len, w->hash);

		reg->slot_word[s] = w;
		reg->slot_count[s]++;
	}
	for (i = 0; i < reg->n_slots; i++) {
		reg->slot_first[i] = total;
		total += reg->slot_count[i];
		reg->slot_count[i] = 0;
	}
	for (i = 0; i < reg->n_forms; i++) {
		const reg_form *f = &reg->forms[i];

		for (k = 0; k < f->n_words; k++) {
			const reg_word *w = &reg->words[f->first_word + k];
			size_t s = slot_of(reg, w->text, w->len, w->hash);
			reg_posting *p = &reg->postings[reg->slot_first[s] + reg->slot_count[s]++];

			p->form = i;
			p->pos = k;
		}
	}
	return 0;
}

const reg_posting *registry_lookup(const registry *reg, const char *s, size_t len, uint32_t hash,
                                   size_t *n)
{
	size_t slot = slot_of(reg, s, len, hash);

	*n = reg->slot_word[slot] != NULL ? reg->slot_count[slot] : 0;
	return *n ? &reg->postings[reg->slot_first[slot]] : NULL;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int registry_is_acronym(const registry *reg, const char *s, size_t len)
{
	char key[REG_MAX_WORD];
	const char *k = key;

	if (len == 0 || len >= sizeof(key))
		return 0;
	memcpy(key, s, len);
	key[len] = '\0';
	return bsearch(&k, reg->acronyms, reg->n_acronyms, sizeof(*reg->acronyms), by_text) != NULL;
}

registry *registry_load(const stmtlint_host *host, const stmtlint_options *opts,
                        const stmtlint_node *root)
{
	loader ld;
	size_t i;
	int rc = 0;

	memset(&ld, 0, sizeof(ld));
	ld.host = host;
	ld.opts = opts;
	ld.reg = calloc(1, sizeof(*ld.reg));
	if (ld.reg == NULL)
		return NULL;
	if (host->node_kind(root) == STMTLINT_NODE_SEQUENCE) {
		for (i = 0; rc == 0 && i < host->node_length(root); i++)
			rc = add_file(&ld, host->node_item(root, i));
	} else {
		rc = add_file(&ld, root);
	}
	free(ld.acronym_government);
	if (rc == 0) {
		assign_ways(ld.reg);
		if (ld.reg->n_acronyms > 1)
			qsort(ld.reg->acronyms, ld.reg->n_acronyms, sizeof(*ld.reg->acronyms), by_text);
		rc = build_index(ld.reg);
		if (rc != 0)
			host->config_error(opts, NULL, "out of memory indexing the registry");
	}
	if (rc != 0) {
		registry_free(ld.reg);
		return NULL;
	}
	return ld.reg;
}

void registry_free(registry *reg)
{
	if (reg == NULL)
		return;
	free(reg->bodies);
	free(reg->forms);
	free(reg->words);
	free(reg->former_acronyms);
	free(reg->acronyms);
	free(reg->slot_word);
	free(reg->slot_first);
	free(reg->slot_count);
	free(reg->postings);
	free(reg);
}
