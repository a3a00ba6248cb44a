/*
 * acrodefs.h - whether an acronym of a draft is written as its own
 * definition ("Full Name (ACR)" or "ACR (Full Name)"), what its expansion
 * is, and whether the expansion fits the letters.
 */
#ifndef STMTLINT_ACRODEFS_H
#define STMTLINT_ACRODEFS_H

#include <stddef.h>

#include <stmtlint/plugin.h>

#include "acroknown.h"
#include "acrotoken.h"

typedef enum ad_kind {
	AD_USE = 0,          /* not a definition */
	AD_AFTER_NAME,       /* "Full Name (ACR)" */
	AD_BEFORE_NAME       /* "ACR (Full Name)" */
} ad_kind;

typedef enum ad_fit {
	AD_FITS = 0,         /* the words fit the letters, or the registry pairs them */
	AD_UNFITTED,         /* no words found that fit; not a finding on its own */
	AD_PERMUTED,         /* the letters are the name's initials in another order */
	AD_REGISTERED_OTHER  /* the registry gives the name another acronym */
} ad_fit;

typedef struct acro_def {
	ad_kind kind;
	ad_fit fit;
	size_t exp_start;            /* the expansion's span (empty when unfitted) */
	size_t exp_end;
	const ak_pair *registered;   /* AD_REGISTERED_OTHER: the name's registered pair */
	char initials[20];           /* AD_PERMUTED: the name's initials, in its order */
} acro_def;

/* Fills *def for token t of doc (a token that is no part of another). */
void ad_detect(const stmtlint_host *host, const stmtlint_doc *doc, const acro_known *known,
               const acro_token *t, acro_def *def);

#endif
