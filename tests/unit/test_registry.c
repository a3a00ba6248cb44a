/* test_registry.c - the shape of the registry of bodies (rules/agencies/):
 * every body has a name, a kind and a government; no name is registered
 * twice (as a name, another name, a variant or a former name); no acronym
 * twice within a government; parents are registered bodies; former names
 * carry a plausible year; every body the reference draft names is there. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "yamltree.h"

/* The registry's files that hold governments' and international bodies. */
static const char *const files[] = { "us.yaml", "japan.yaml", "international.yaml" };
#define N_FILES (sizeof(files) / sizeof(files[0]))

/* The oldest and newest year a former name may have changed in. */
#define OLDEST_CHANGE 1789
#define NEWEST_CHANGE 2026
/* The fewest bodies the registry holds (issue 12: well over a hundred). */
#define FEWEST_BODIES 150

typedef struct entry {
	char key[256];               /* the name, case-folded, white space as one space */
	const struct stmtlint_node *at;
} entry;

typedef struct registry_files {
	yt_doc *docs[N_FILES];
	entry names[2048];
	size_t n_names;
	entry acronyms[1024];        /* "GOVERNMENT\tACRONYM" */
	size_t n_acronyms;
	entry canonical[1024];
	size_t n_canonical;
} registry_files;

static int setup(void **state)
{
	registry_files *r = calloc(1, sizeof(*r));
	errlist err;
	size_t i;

	if (r == NULL)
		return -1;
	errlist_init(&err);
	for (i = 0; i < N_FILES; i++) {
		char path[512];

		snprintf(path, sizeof(path), "%s/agencies/%s", RULES_DIR, files[i]);
		r->docs[i] = yt_load_file(path, &err);
		if (r->docs[i] == NULL || r->docs[i]->root == NULL) {
			fprintf(stderr, "cannot load %s\n", path);
			errlist_free(&err);
			return -1;
		}
	}
	errlist_free(&err);
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	registry_files *r = *state;
	size_t i;

	for (i = 0; i < N_FILES; i++)
		yt_free(r->docs[i]);
	free(r);
	return 0;
}

static void fold(const char *s, char *out, size_t len)
{
	size_t o = 0;
	int space = 0;

	for (; *s != '\0' && o + 2 < len; s++) {
		if (isspace((unsigned char)*s)) {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = (char)tolower((unsigned char)*s);
	}
	out[o] = '\0';
}

/* Adds `key` to list, failing when it is there already. */
static void add_unique(entry *list, size_t *n, size_t cap, const char *key,
                       const struct stmtlint_node *at, const char *what)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(list[i].key, key) == 0)
			fail_msg("%s '%s' (%s:%zu) is registered already (%s:%zu)", what, key, at->file,
			         at->line, list[i].at->file, list[i].at->line);
	assert_true(*n < cap);
	snprintf(list[*n].key, sizeof(list[*n].key), "%s", key);
	list[*n].at = at;
	(*n)++;
}

static void add_name(registry_files *r, const struct stmtlint_node *n)
{
	char key[256];

	assert_non_null(n);
	assert_int_equal(n->kind, STMTLINT_NODE_SCALAR);
	assert_true(strlen(n->scalar) > 2);
	fold(n->scalar, key, sizeof(key));
	add_unique(r->names, &r->n_names, sizeof(r->names) / sizeof(r->names[0]), key, n, "name");
}

static void add_names(registry_files *r, const struct stmtlint_node *list)
{
	size_t i;

	if (list == NULL)
		return;
	assert_int_equal(list->kind, STMTLINT_NODE_SEQUENCE);
	for (i = 0; i < list->n; i++)
		add_name(r, list->items[i]);
}

static void check_former(registry_files *r, const struct stmtlint_node *former)
{
	size_t i;

	if (former == NULL)
		return;
	assert_int_equal(former->kind, STMTLINT_NODE_SEQUENCE);
	for (i = 0; i < former->n; i++) {
		const struct stmtlint_node *until = yt_get(former->items[i], "until");
		long year;

		add_name(r, yt_get(former->items[i], "name"));
		assert_non_null(until);
		year = strtol(until->scalar, NULL, 10);
		if (year < OLDEST_CHANGE || year > NEWEST_CHANGE)
			fail_msg("%s:%zu: 'until: %s' is not a plausible year", until->file, until->line,
			         until->scalar);
	}
}

static void check_body(registry_files *r, const struct stmtlint_node *body, const char *file_gov)
{
	const struct stmtlint_node *name = yt_get(body, "name");
	const struct stmtlint_node *kind = yt_get(body, "kind");
	const struct stmtlint_node *gov = yt_get(body, "government");
	const struct stmtlint_node *acr = yt_get(body, "acronyms");
	const struct stmtlint_node *source = yt_get(body, "source");
	const char *government = gov != NULL ? gov->scalar : file_gov;
	char key[256];
	size_t i;

	assert_int_equal(body->kind, STMTLINT_NODE_MAPPING);
	if (name == NULL || kind == NULL || government == NULL || kind->scalar == NULL)
		fail_msg("%s:%zu: a body needs name, kind and government", body->file, body->line);
	add_name(r, name);
	fold(name->scalar, key, sizeof(key));
	add_unique(r->canonical, &r->n_canonical, sizeof(r->canonical) / sizeof(r->canonical[0]),
	           key, name, "canonical name");
	add_names(r, yt_get(body, "also"));
	add_names(r, yt_get(body, "variants"));
	check_former(r, yt_get(body, "former"));
	for (i = 0; acr != NULL && i < acr->n; i++) {
		snprintf(key, sizeof(key), "%s\t%s", government, acr->items[i]->scalar);
		add_unique(r->acronyms, &r->n_acronyms, sizeof(r->acronyms) / sizeof(r->acronyms[0]),
		           key, acr->items[i], "acronym");
	}
	if (source != NULL && strncmp(source->scalar, "https://", 8) != 0)
		fail_msg("%s:%zu: source '%s' is not an https address", source->file, source->line,
		         source->scalar);
}

static void test_shape(void **state)
{
	registry_files *r = *state;
	size_t i;
	size_t k;

	for (i = 0; i < N_FILES; i++) {
		const struct stmtlint_node *root = r->docs[i]->root;
		const struct stmtlint_node *gov = yt_get(root, "government");
		const struct stmtlint_node *bodies = yt_get(root, "bodies");

		assert_non_null(gov);
		assert_non_null(bodies);
		assert_int_equal(bodies->kind, STMTLINT_NODE_SEQUENCE);
		for (k = 0; k < bodies->n; k++)
			check_body(r, bodies->items[k], gov->scalar);
	}
	if (r->n_canonical < FEWEST_BODIES)
		fail_msg("only %zu bodies", r->n_canonical);
}

/* Every `parent` is the canonical name of a registered body. */
static void test_parents(void **state)
{
	registry_files *r = *state;
	size_t i;
	size_t k;
	size_t c;

	test_shape(state);
	for (i = 0; i < N_FILES; i++) {
		const struct stmtlint_node *bodies = yt_get(r->docs[i]->root, "bodies");

		for (k = 0; k < bodies->n; k++) {
			const struct stmtlint_node *parent = yt_get(bodies->items[k], "parent");
			char key[256];

			if (parent == NULL)
				continue;
			fold(parent->scalar, key, sizeof(key));
			for (c = 0; c < r->n_canonical && strcmp(r->canonical[c].key, key) != 0; c++)
				;
			if (c == r->n_canonical)
				fail_msg("%s:%zu: parent '%s' is not a registered body", parent->file,
				         parent->line, parent->scalar);
		}
	}
}

/* The bodies the reference draft names, as they name themselves. */
static void test_reference_bodies(void **state)
{
	static const char *const named[] = {
		"ministry of internal affairs and communications", "ministry of foreign affairs",
		"ministry of economy, trade and industry",
		"national institute of information and communications technology",
		"global ict strategy bureau", "department of state", "federal communications commission",
		"department of commerce", "national institute of standards and technology",
		"national telecommunications and information administration",
		"office of the united states trade representative", "national science foundation",
		"department of homeland security", "asia-pacific economic cooperation",
		"organisation for economic co-operation and development",
		"international telecommunication union", "world trade organization",
		"japan computer emergency response team coordination center",
		"control systems security program",
	};
	registry_files *r = *state;
	size_t i;
	size_t c;

	test_shape(state);
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		for (c = 0; c < r->n_canonical && strcmp(r->canonical[c].key, named[i]) != 0; c++)
			;
		if (c == r->n_canonical)
			fail_msg("'%s' is not registered", named[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shape, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reference_bodies, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
