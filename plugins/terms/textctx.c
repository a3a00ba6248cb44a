/*
 * textctx.c - where a span of a draft's prose sits (see textctx.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "textctx.h"

/* Words of a one-line paragraph that is taken as a heading when all of them
 * are capitalised; a longer line is a sentence. */
#define MAX_HEADING_LINE_WORDS 12

/* Short words that title case leaves in lower case. */
static const char *const title_small_words[] = {
	"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
};

static int is_lower_ascii(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_upper_ascii(char c)
{
	return c >= 'A' && c <= 'Z';
}

long tc_block_at(const stmtlint_doc *doc, size_t offset)
{
	size_t lo = 0;
	size_t hi = doc->n_blocks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->blocks[mid].span.start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || offset >= doc->blocks[lo - 1].span.end)
		return -1;
	return (long)(lo - 1);
}

/* How many of spans[0, n) (in order) start before `offset`, or at it when
 * `at_too`. */
static size_t spans_before(const stmtlint_span *spans, size_t n, size_t offset, int at_too)
{
	size_t lo = 0;
	size_t hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (spans[mid].start < offset || (at_too && spans[mid].start == offset))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The index of the first word that starts at or after `offset`. */
static size_t word_from(const stmtlint_doc *doc, size_t offset)
{
	return spans_before(doc->words, doc->n_words, offset, 0);
}

int tc_is_capital_at(const stmtlint_host *host, const stmtlint_doc *doc, size_t offset)
{
	uint32_t cp;

	if (offset >= doc->length)
		return 0;
	if ((unsigned char)doc->prose[offset] < 0x80)
		return is_upper_ascii(doc->prose[offset]);
	host->utf8_decode(doc->prose + offset, doc->length - offset, &cp);
	return host->is_word_char(cp) && host->fold_case(cp) != cp;
}

static int is_small_word(const stmtlint_doc *doc, stmtlint_span w)
{
	size_t k;

	for (k = 0; k < sizeof(title_small_words) / sizeof(title_small_words[0]); k++) {
		size_t n = strlen(title_small_words[k]);

		if (w.end - w.start == n && strncmp(doc->prose + w.start, title_small_words[k], n) == 0)
			return 1;
	}
	return 0;
}

int tc_is_heading(const stmtlint_host *host, const stmtlint_doc *doc, long block)
{
	const stmtlint_block *b;
	size_t i;
	size_t n = 0;

	if (block < 0)
		return 0;
	b = &doc->blocks[block];
	if (b->kind == STMTLINT_BLOCK_TITLE || b->kind == STMTLINT_BLOCK_HEADING ||
	    b->kind == STMTLINT_BLOCK_SECTION)
		return 1;
	if (b->kind != STMTLINT_BLOCK_PARAGRAPH || b->first_line != b->last_line)
		return 0;
	for (i = word_from(doc, b->span.start); i < doc->n_words && doc->words[i].start < b->span.end;
	     i++) {
		if (++n > MAX_HEADING_LINE_WORDS)
			return 0;
		if (!tc_is_capital_at(host, doc, doc->words[i].start) &&
		    !is_small_word(doc, doc->words[i]) &&
		    !(doc->prose[doc->words[i].start] >= '0' && doc->prose[doc->words[i].start] <= '9'))
			return 0;
	}
	return n > 0;
}

/* Whether prose[start, end) has two words of two or more letters and no
 * lower-case letter. */
static int caps_only(const stmtlint_doc *doc, size_t start, size_t end)
{
	size_t words = 0;
	size_t run = 0;
	size_t i;

	for (i = start; i < end; i++) {
		char c = doc->prose[i];

		if (is_lower_ascii(c))
			return 0;
		if (is_upper_ascii(c)) {
			run++;
			continue;
		}
		if (run >= 2)
			words++;
		run = 0;
	}
	if (run >= 2)
		words++;
	return words >= 2;
}

void tc_cache_init(tc_cache *cache)
{
	memset(cache, 0, sizeof(*cache));
	cache->caps_block = -1;
	cache->caps_line = (size_t)-1;
	cache->quote_block = -1;
}

void tc_cache_free(tc_cache *cache)
{
	free(cache->quotes);
	tc_cache_init(cache);
}

int tc_is_all_caps(const stmtlint_doc *doc, tc_cache *cache, long block, size_t offset)
{
	size_t lo;

	if (block >= 0) {
		if (cache->caps_block != block) {
			cache->caps_block = block;
			cache->caps_block_value = caps_only(doc, doc->blocks[block].span.start,
			                                    doc->blocks[block].span.end);
		}
		if (cache->caps_block_value)
			return 1;
	}
	lo = spans_before(doc->lines, doc->n_lines, offset, 1);
	if (lo == 0)
		return 0;
	if (cache->caps_line != lo - 1) {
		cache->caps_line = lo - 1;
		cache->caps_line_value = caps_only(doc, doc->lines[lo - 1].start, doc->lines[lo - 1].end);
	}
	return cache->caps_line_value;
}

/* The start of the sentence holding `offset`, or `fallback`. */
static size_t sentence_start(const stmtlint_doc *doc, size_t offset, size_t fallback)
{
	size_t lo = spans_before(doc->sentences, doc->n_sentences, offset, 1);

	if (lo == 0 || offset >= doc->sentences[lo - 1].end)
		return fallback;
	return doc->sentences[lo - 1].start > fallback ? doc->sentences[lo - 1].start : fallback;
}

int tc_starts_sentence(const stmtlint_host *host, const stmtlint_doc *doc, long block,
                       size_t offset)
{
	size_t from = 0;
	size_t i = offset;

	if (block >= 0) {
		const stmtlint_block *b = &doc->blocks[block];

		from = b->content.end > b->content.start ? b->content.start : b->span.start;
	}
	if (offset < from)
		return 0;
	from = sentence_start(doc, offset, from);
	/* Back from the place to the first letter, or to the sentence's start. */
	while (i > from) {
		size_t k = i - 1;
		uint32_t cp;

		while (k > from && ((unsigned char)doc->prose[k] & 0xC0) == 0x80)
			k--;
		host->utf8_decode(doc->prose + k, i - k, &cp);
		if (host->is_word_char(cp) && !(cp >= '0' && cp <= '9'))
			return 0;
		i = k;
	}
	return 1;
}

/* Whether prose[start, end) is only white space (at least one byte). */
static int only_space(const stmtlint_doc *doc, size_t start, size_t end)
{
	size_t i;

	if (start >= end)
		return 0;
	for (i = start; i < end; i++) {
		char c = doc->prose[i];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			return 0;
	}
	return 1;
}

/* Whether word w is one of the short words that join the words of a name
 * ("Declaration for the Future of the Internet"). */
static int is_name_joiner(const stmtlint_doc *doc, stmtlint_span w)
{
	static const char *const joiners[] = {"of", "the", "for", "on"};
	size_t k;

	for (k = 0; k < sizeof(joiners) / sizeof(joiners[0]); k++) {
		size_t n = strlen(joiners[k]);

		if (w.end - w.start == n && strncmp(doc->prose + w.start, joiners[k], n) == 0)
			return 1;
	}
	return 0;
}

int tc_in_name(const stmtlint_host *host, const stmtlint_doc *doc, long block, size_t start,
               size_t end, stmtlint_span *neighbour)
{
	size_t next = word_from(doc, end);
	size_t at = start;
	size_t i;

	if (next < doc->n_words && only_space(doc, end, doc->words[next].start) &&
	    tc_is_capital_at(host, doc, doc->words[next].start)) {
		*neighbour = doc->words[next];
		return 1;
	}
	for (i = word_from(doc, start); i > 0; i--) {
		stmtlint_span prev = doc->words[i - 1];

		if (prev.end > at || !only_space(doc, prev.end, at))
			return 0;
		if (!is_name_joiner(doc, prev)) {
			if (!tc_is_capital_at(host, doc, prev.start) ||
			    tc_starts_sentence(host, doc, block, prev.start))
				return 0;
			*neighbour = prev;
			return 1;
		}
		at = prev.start;
	}
	return 0;
}

/* Reads the quotations of block `block` into the cache.  0, or -1 when out
 * of memory. */
static int read_quotes(const stmtlint_doc *doc, tc_cache *cache, long block)
{
	static const char open_curly[] = "\xE2\x80\x9C";
	static const char close_curly[] = "\xE2\x80\x9D";
	const stmtlint_block *b = &doc->blocks[block];
	size_t open = (size_t)-1;
	size_t i;

	cache->quote_block = -1;
	cache->n_quotes = 0;
	for (i = b->span.start; i < b->span.end; i++) {
		int opens = 0;
		int closes = 0;

		if (doc->prose[i] == '"') {
			opens = open == (size_t)-1;
			closes = !opens;
		} else if (i + 3 <= b->span.end && memcmp(doc->prose + i, open_curly, 3) == 0) {
			opens = 1;
		} else if (i + 3 <= b->span.end && memcmp(doc->prose + i, close_curly, 3) == 0) {
			closes = open != (size_t)-1;
		}
		if (opens) {
			open = i;
		} else if (closes) {
			if (cache->n_quotes == cache->cap_quotes) {
				size_t cap = cache->cap_quotes ? cache->cap_quotes * 2 : 16;
				stmtlint_span *p = realloc(cache->quotes, cap * sizeof(*p));

				if (!p)
					return -1;
				cache->quotes = p;
				cache->cap_quotes = cap;
			}
			cache->quotes[cache->n_quotes].start = open;
			cache->quotes[cache->n_quotes].end = i;
			cache->n_quotes++;
			open = (size_t)-1;
		}
	}
	cache->quote_block = block;
	return 0;
}

int tc_in_quotes(const stmtlint_doc *doc, tc_cache *cache, long block, size_t offset)
{
	size_t lo;

	if (block < 0 || (cache->quote_block != block && read_quotes(doc, cache, block) < 0))
		return 0;
	lo = spans_before(cache->quotes, cache->n_quotes, offset, 0);
	return lo > 0 && offset < cache->quotes[lo - 1].end;
}

size_t tc_normalize(const stmtlint_host *host, const char *s, size_t len, int fold, char *out,
                    size_t outlen)
{
	size_t need = 0;
	size_t i = 0;
	int space = 0;

	while (i < len) {
		uint32_t cp;
		char buf[4];
		size_t k;
		size_t n;

		i += host->utf8_decode(s + i, len - i, &cp);
		if (host->is_space(cp)) {
			space = need > 0;
			continue;
		}
		if (space) {
			if (need + 1 < outlen)
				out[need] = ' ';
			need++;
			space = 0;
		}
		if (cp == 0x2010 || cp == 0x2011)
			cp = '-';
		else if (fold && cp == 0x2019)
			cp = '\'';
		if (fold)
			cp = host->fold_case(cp);
		n = host->utf8_encode(cp, buf);
		for (k = 0; k < n; k++, need++)
			if (need + 1 < outlen)
				out[need] = buf[k];
	}
	if (outlen > 0)
		out[need < outlen ? need : outlen - 1] = '\0';
	return need;
}
