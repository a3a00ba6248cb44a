/* registry.h - the registry of bodies (rules/agencies/NAME.yaml) as the
 * agencies plugin reads it: every name a body goes by, cut into normalised
 * words, with an index from each word to the names that hold it. */
#ifndef AGENCIES_REGISTRY_H
#define AGENCIES_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "stmtlint/plugin.h"

/* The longest word of a name, normalised, that the registry keeps. */
#define REG_MAX_WORD 64
/* The most words one name may have. */
#define REG_MAX_NAME_WORDS 16
/* The punctuation kept between two words of a name ("," "." "/" "&"):
 * at most this many bytes, without spaces. */
#define REG_MAX_GAP 4

/* What a name of a body is. */
typedef enum form_kind {
	FORM_NAME = 0,      /* the body's own name (canonical) */
	FORM_ALSO,          /* another correct name in common use */
	FORM_VARIANT,       /* a wrong form met in drafts */
	FORM_FORMER         /* an earlier name */
} form_kind;

/* Word flags. */
#define WORD_CONNECTOR 0x1u   /* of, for, and, the, on, in, to */
#define WORD_HEAD      0x2u   /* ministry, agency, council, …: says what kind of body */

/* One word of a name, and the punctuation after it. */
typedef struct reg_word {
	char text[REG_MAX_WORD];        /* normalised (host word_normalize) */
	size_t len;
	uint32_t hash;
	char gap[REG_MAX_GAP + 1];      /* punctuation before the next word, "" for none */
	unsigned flags;
} reg_word;

typedef struct reg_body {
	const char *name;               /* the canonical name (the host's string) */
	const char *government;         /* "United States", "Japan", "international", … */
	const char *kind;
	const char *acronym;            /* the first of the body's acronyms, or NULL */
	int national;                   /* not an international body */
} reg_body;

typedef struct reg_form {
	const char *text;               /* as the registry writes it (the host's string) */
	size_t body;                    /* index into registry.bodies */
	form_kind kind;
	int until;                      /* FORMER: the year the change took effect; else 0 */
	size_t first_word;              /* index into registry.words */
	size_t n_words;
	uint32_t hash;                  /* of its words and punctuation, to find a name registered twice */
	size_t way;                     /* NAME/ALSO: forms of one body with the same way are one
	                                   way of naming it (they differ only by "U.S.", "of Japan",
	                                   …); distinct ways in one draft are inconsistent */
} reg_form;

/* A former acronym ("MITI"), matched as written. */
typedef struct reg_acronym {
	const char *text;
	size_t len;
	size_t body;
	int until;
} reg_acronym;

/* One occurrence of a word in a name. */
typedef struct reg_posting {
	size_t form;
	size_t pos;                     /* the word's index in the form */
} reg_posting;

typedef struct registry {
	reg_body *bodies;
	size_t n_bodies;
	reg_form *forms;
	size_t n_forms;
	reg_word *words;
	size_t n_words;
	reg_acronym *former_acronyms;
	size_t n_former_acronyms;
	char **acronyms;                /* every current acronym, sorted (strcmp) */
	size_t n_acronyms;
	/* the index: an open-addressing table of distinct words, each with its
	 * postings postings[slot_first[s] .. slot_first[s] + slot_count[s]) */
	size_t n_slots;                 /* a power of two */
	const reg_word **slot_word;     /* NULL for an empty slot */
	size_t *slot_first;
	size_t *slot_count;
	reg_posting *postings;
} registry;

/* Reads the dataset `root` (one file's mapping, or a sequence of them) into
 * a new registry.  Every `bodies:` entry needs a name, a kind and a
 * government (its own or its file's); a name may be registered once, and
 * an acronym once per government.  Returns the registry (free with
 * registry_free()), or NULL after reporting through host->config_error. */
registry *registry_load(const stmtlint_host *host, const stmtlint_options *opts,
                        const stmtlint_node *root);
void registry_free(registry *reg);

/* Cuts `s` into words as the draft is cut (letters and digits, joined
 * across a single ' ’ or - between two of them), normalising each; fills
 * up to `max` words and returns how many there are (more than max when
 * the text has more), or (size_t)-1 when a word is too long. */
size_t registry_split(const stmtlint_host *host, const char *s, reg_word *words, size_t max);

/* The hash of words: 32-bit FNV-1a (its offset basis and prime). */
#define REG_HASH_BASIS 2166136261u
#define REG_HASH_PRIME 16777619u

/* The hash of a normalised word. */
uint32_t registry_hash(const char *s, size_t len);
/* The postings of a normalised word; sets *n (0 when the word is in no name). */
const reg_posting *registry_lookup(const registry *reg, const char *s, size_t len, uint32_t hash,
                                   size_t *n);
/* Whether `s` (as written) is a current acronym of a registered body. */
int registry_is_acronym(const registry *reg, const char *s, size_t len);

#endif
