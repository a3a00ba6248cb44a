/* store.c - datasets and process-wide resources, loaded once. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "yamltree.h"

/* The largest word list read as a dataset. */
#define STORE_MAX_WORDLIST (16u << 20)

typedef struct dataset {
	char *real;
	struct stat st;               /* as it was when loaded */
	yt_doc *doc;                  /* YAML: the parsed file */
	struct stmtlint_node *words;  /* word list: a sequence of scalars (owned) */
	struct stmtlint_node *empty;  /* an empty YAML file: an empty mapping (owned) */
} dataset;

/* A dataset of several files: a sequence node over their roots. */
typedef struct file_list {
	char *key;                    /* the files' paths, each followed by '\n' */
	struct stmtlint_node *seq;    /* owned; its items are the files' roots (not owned) */
} file_list;

struct store {
	pthread_mutex_t lock;         /* guards the arrays below */
	dataset *sets;
	size_t n_sets;
	file_list *lists;
	size_t n_lists;
	struct stmtlint_resource **res;
	size_t n_res;
};

store *store_new(void)
{
	store *st = calloc(1, sizeof(*st));

	if (st == NULL)
		return NULL;
	if (pthread_mutex_init(&st->lock, NULL) != 0) {
		free(st);
		return NULL;
	}
	return st;
}

static void node_tree_free(struct stmtlint_node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		node_tree_free(n->items[i]);
	free(n->items);
	free(n->keys);
	free(n->scalar);
	free(n);
}

static void dataset_free(dataset *d)
{
	free(d->real);
	yt_free(d->doc);
	node_tree_free(d->words);
	node_tree_free(d->empty);
}

void store_free(store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = st->n_res; i > 0; i--) {
		struct stmtlint_resource *r = st->res[i - 1];

		if (r->destroy != NULL)
			r->destroy(r->object);
		pthread_mutex_destroy(&r->lock);
		free(r->key);
		free(r);
	}
	free(st->res);
	for (i = 0; i < st->n_lists; i++) {
		free(st->lists[i].key);
		free(st->lists[i].seq->items);
		free(st->lists[i].seq);
	}
	free(st->lists);
	for (i = 0; i < st->n_sets; i++)
		dataset_free(&st->sets[i]);
	free(st->sets);
	pthread_mutex_destroy(&st->lock);
	free(st);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s);
	size_t m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

static struct stmtlint_node *new_node(stmtlint_node_kind kind, const char *file, size_t line)
{
	struct stmtlint_node *n = calloc(1, sizeof(*n));

	if (n == NULL)
		return NULL;
	n->kind = kind;
	n->file = file;
	n->line = line;
	n->column = 1;
	return n;
}

/* Reads a word list into a sequence node whose scalars carry their lines. */
static struct stmtlint_node *read_words(const char *real, errlist *err)
{
	char *text = NULL;
	size_t len = 0;
	char why[256];
	struct stmtlint_node *seq;
	size_t pos = 0;
	size_t line = 1;

	if (file_read_no_links(real, STORE_MAX_WORDLIST, " for word lists", &text, &len, why,
	                       sizeof(why)) != 0) {
		errlist_add(err, "config", real, 0, 0, "%s", why);
		return NULL;
	}
	seq = new_node(STMTLINT_NODE_SEQUENCE, real, 1);
	while (seq != NULL && pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t s = pos;
		size_t e = end;

		while (s < e && (text[s] == ' ' || text[s] == '\t'))
			s++;
		while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
			e--;
		if (e > s && text[s] != '#') {
			struct stmtlint_node **items = realloc(seq->items, (seq->n + 1) * sizeof(*items));
			struct stmtlint_node *w = new_node(STMTLINT_NODE_SCALAR, real, line);

			if (items != NULL)
				seq->items = items;
			if (items == NULL || w == NULL || (w->scalar = strndup(text + s, e - s)) == NULL) {
				free(w);
				node_tree_free(seq);
				seq = NULL;
				break;
			}
			w->column = s - pos + 1;
			seq->items[seq->n++] = w;
		}
		pos = end + 1;
		line++;
	}
	free(text);
	if (seq == NULL)
		errlist_add(err, "config", real, 0, 0, "out of memory reading the word list");
	return seq;
}

static const struct stmtlint_node *root_of(const dataset *d)
{
	if (d->words != NULL)
		return d->words;
	if (d->doc != NULL && d->doc->root != NULL)
		return d->doc->root;
	return d->empty;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static const struct stmtlint_node *load_dataset(store *st, const char *real,
                                                const struct stat *now, errlist *err)
{
	dataset d;
	dataset *p;

	memset(&d, 0, sizeof(d));
	d.real = strdup(real);
	d.st = *now;
	if (d.real == NULL) {
		errlist_add(err, "config", real, 0, 0, "out of memory");
		return NULL;
	}
	if (ends_with(real, ".txt")) {
		d.words = read_words(d.real, err);
	} else {
		d.doc = yt_load_resolved(d.real, d.real, err);
		if (d.doc != NULL && d.doc->root == NULL)
			d.empty = new_node(STMTLINT_NODE_MAPPING, d.doc->file, 1);
	}
	p = root_of(&d) != NULL ? realloc(st->sets, (st->n_sets + 1) * sizeof(*p)) : NULL;
	if (p == NULL) {
		if (root_of(&d) != NULL)
			errlist_add(err, "config", real, 0, 0, "out of memory");
		dataset_free(&d);
		return NULL;
	}
	st->sets = p;
	p[st->n_sets++] = d;
	return root_of(&p[st->n_sets - 1]);
}

/* store_dataset() with the lock held. */
static const struct stmtlint_node *dataset_locked(store *st, const char *real, errlist *err)
{
	const struct stmtlint_node *root = NULL;
	struct stat now;
	size_t i;

	if (stat(real, &now) != 0) {
		errlist_add(err, "config", real, 0, 0, "cannot read the dataset: %m");
		return NULL;
	}
	/* the latest load of this file, when it has not changed since */
	for (i = st->n_sets; i > 0 && root == NULL; i--)
		if (strcmp(st->sets[i - 1].real, real) == 0)
			root = same_file(&st->sets[i - 1].st, &now) ? root_of(&st->sets[i - 1]) : NULL;
	if (root == NULL)
		root = load_dataset(st, real, &now, err);
	return root;
}

const struct stmtlint_node *store_dataset(store *st, const char *real, errlist *err)
{
	const struct stmtlint_node *root;

	pthread_mutex_lock(&st->lock);
	root = dataset_locked(st, real, err);
	pthread_mutex_unlock(&st->lock);
	return root;
}

/* The key of a list of files: each path followed by a newline. */
static char *list_key(char *const *reals, size_t n)
{
	size_t len = 1;
	size_t i;
	char *key;
	char *p;

	for (i = 0; i < n; i++)
		len += strlen(reals[i]) + 1;
	key = malloc(len);
	if (key == NULL)
		return NULL;
	p = key;
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s\n", reals[i]);
	*p = '\0';
	return key;
}

/* Whether list l is over exactly the roots `roots`. */
static int same_roots(const file_list *l, struct stmtlint_node **roots, size_t n)
{
	return l->seq->n == n && (n == 0 || memcmp(l->seq->items, roots, n * sizeof(*roots)) == 0);
}

/* Keeps a new list of `roots` (taken) under `key` (taken); NULL when out of memory. */
static const struct stmtlint_node *keep_list(store *st, char *key, struct stmtlint_node **roots,
                                             size_t n, const char *file)
{
	file_list *p = realloc(st->lists, (st->n_lists + 1) * sizeof(*p));
	struct stmtlint_node *seq = new_node(STMTLINT_NODE_SEQUENCE, file, 1);

	if (p != NULL)
		st->lists = p;
	if (p == NULL || seq == NULL) {
		free(seq);
		free(key);
		free(roots);
		return NULL;
	}
	seq->items = roots;
	seq->n = n;
	p[st->n_lists].key = key;
	p[st->n_lists].seq = seq;
	st->n_lists++;
	return seq;
}

const struct stmtlint_node *store_dataset_files(store *st, char *const *reals, size_t n,
                                                errlist *err)
{
	struct stmtlint_node **roots = calloc(n ? n : 1, sizeof(*roots));
	const struct stmtlint_node *seq = NULL;
	char *key = list_key(reals, n);
	size_t i;

	if (roots == NULL || key == NULL) {
		errlist_add(err, "config", n ? reals[0] : NULL, 0, 0, "out of memory");
		free(roots);
		free(key);
		return NULL;
	}
	pthread_mutex_lock(&st->lock);
	for (i = 0; i < n; i++) {
		roots[i] = (struct stmtlint_node *)dataset_locked(st, reals[i], err);
		if (roots[i] == NULL)
			goto done;
	}
	for (i = st->n_lists; i > 0 && seq == NULL; i--)
		if (strcmp(st->lists[i - 1].key, key) == 0 && same_roots(&st->lists[i - 1], roots, n))
			seq = st->lists[i - 1].seq;
	if (seq == NULL) {
		seq = keep_list(st, key, roots, n, n ? roots[0]->file : "");
		key = NULL;
		roots = NULL;
		if (seq == NULL)
			errlist_add(err, "config", n ? reals[0] : NULL, 0, 0, "out of memory");
	}
done:
	pthread_mutex_unlock(&st->lock);
	free(roots);
	free(key);
	return seq;
}

struct stmtlint_resource *store_resource(store *st, const char *key,
                                         void *(*create)(const char *key, void *arg, char *why,
                                                         size_t whylen),
                                         void (*destroy)(void *object), void *arg,
                                         unsigned flags, char *why, size_t whylen)
{
	struct stmtlint_resource *r = NULL;
	struct stmtlint_resource **p;
	size_t i;

	pthread_mutex_lock(&st->lock);
	for (i = 0; i < st->n_res; i++) {
		if (strcmp(st->res[i]->key, key) == 0) {
			r = st->res[i];
			goto done;
		}
	}
	snprintf(why, whylen, "out of memory");
	p = realloc(st->res, (st->n_res + 1) * sizeof(*p));
	if (p == NULL)
		goto done;
	st->res = p;
	r = calloc(1, sizeof(*r));
	if (r == NULL || (r->key = strdup(key)) == NULL || pthread_mutex_init(&r->lock, NULL) != 0) {
		if (r != NULL)
			free(r->key);
		free(r);
		r = NULL;
		goto done;
	}
	why[0] = '\0';
	r->object = create(key, arg, why, whylen);
	if (r->object == NULL) {
		if (why[0] == '\0')
			snprintf(why, whylen, "could not be created");
		pthread_mutex_destroy(&r->lock);
		free(r->key);
		free(r);
		r = NULL;
		goto done;
	}
	r->destroy = destroy;
	r->flags = flags;
	st->res[st->n_res++] = r;
done:
	pthread_mutex_unlock(&st->lock);
	return r;
}
