/*
 * acrotoken.h - the acronyms of a draft's prose: tokens of two or more
 * capitals, possibly with digits, "/", "-" or a lower-case letter inside
 * (JPCERT/CC, ICS-CERT, IPv6, G8), a plural "s" left out (NGOs).  Roman
 * numerals and units are not acronyms; the caller judges the rest (ALL-CAPS
 * headings, well-known lists).
 */
#ifndef STMTLINT_ACROTOKEN_H
#define STMTLINT_ACROTOKEN_H

#include <stddef.h>

#include <stmtlint/plugin.h>

/* acro_token.parent of a token that is no part of another. */
#define AT_NO_PARENT ((size_t)-1)

/* One acronym as written.  A joined token ("JPCERT/CC", "G7/G20") is
 * followed by its parts ("JPCERT", "CC"), whose parent is its index: the
 * caller reads it whole when the draft defines it whole, else by parts. */
typedef struct acro_token {
	size_t start;      /* byte span of the acronym in the draft */
	size_t end;        /* end of the acronym, a plural "s" left out */
	size_t after;      /* end with the plural "s" */
	size_t parent;     /* index of the joined token this is a part of, or AT_NO_PARENT */
	size_t n_parts;    /* of a joined token: how many part tokens follow it */
} acro_token;

typedef struct acro_tokens {
	acro_token *items;
	size_t n;
	size_t cap;
} acro_tokens;

/* Appends the acronyms of doc's prose to *out, in order.  0, or -1 when out
 * of memory. */
int at_scan(const stmtlint_host *host, const stmtlint_doc *doc, acro_tokens *out);

/* Whether s[0, n) has the shape of an acronym; sets *core to its length
 * without a plural "s". */
int at_is_acronym_shape(const char *s, size_t n, size_t *core);

/* Whether s[0, n) is a Roman numeral written with I, V and X (II, XIV). */
int at_is_roman(const char *s, size_t n);

/* Whether doc's prose[start, end) is a unit: after a number ("5 GW",
 * "100 MW"), or an SI prefix with a unit symbol (GHz, TWh, Gbps). */
int at_is_unit(const stmtlint_doc *doc, size_t start, size_t end);

#endif
