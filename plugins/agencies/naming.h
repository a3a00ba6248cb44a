/* naming.h - the bodies one draft names: every registered name found in
 * its prose, every near miss of one, whether each stands where a name of
 * the registry's governments can stand, and which way of naming each body
 * the draft uses most. */
#ifndef AGENCIES_NAMING_H
#define AGENCIES_NAMING_H

#include <stddef.h>

#include "stmtlint/plugin.h"
#include "match.h"
#include "registry.h"

/* One name in the draft. */
typedef struct mention {
	size_t first;        /* its first word (index into naming.draft.words) */
	size_t n;            /* its number of words */
	size_t form;         /* the registry form it is, or is a near miss of */
	int near;            /* a near miss of the form, not the form */
	int in_context;      /* not another government's body, not inside a longer name */
	int counted;         /* a NAME or ALSO form of several words, in context: a way of
	                        naming its body */
	size_t way;          /* counted: the form's way */
	size_t body_slot;    /* counted: index into naming.ways */
} mention;

/* How the draft names one body. */
typedef struct body_ways {
	size_t body;
	size_t kept_way;     /* the way used most (the registered name's on a tie) */
	size_t kept_first;   /* the first mention of that way (index into naming.mentions) */
	size_t kept_count;   /* how often the draft uses it */
} body_ways;

typedef struct naming {
	draft draft;
	mention *mentions;   /* in the order of the draft */
	size_t n_mentions;
	body_ways *ways;
	size_t n_ways;
	int year;            /* the year the draft is dated (dateline, front matter, title); 0: none */
} naming;

/* Finds the names of the registry's bodies in doc.  Fills *nm (free with
 * naming_free()).  Returns 0, or -1 when memory ran out. */
int naming_read(const stmtlint_host *host, const registry *reg, const stmtlint_doc *doc,
                naming *nm);
void naming_free(naming *nm);

/* Attaches to dg a fix-it that turns text[start, end) into `to`, editing
 * only the part that differs (so that a line break inside the name stays
 * where it is when only a letter changes). */
void naming_fix(const stmtlint_host *host, stmtlint_diag *dg, const stmtlint_doc *doc,
                size_t start, size_t end, const char *to, const char *title);

#endif
