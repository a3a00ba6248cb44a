/*
 * stmtlint/plugin.h - the interface between stmtlint and its rule plugins.
 *
 * A plugin is a shared object that exports one function,
 * stmtlint_plugin_entry(), returning a pointer to a static const
 * stmtlint_plugin descriptor.  The host checks the descriptor's ABI version
 * (see "Versions" below), validates the plugin's options against its option
 * table, calls init() once per configuration, check() once per draft
 * (possibly from several threads at once, and again and again in a
 * long-running editor process), and fini() once at the end.
 *
 * Plugins see the host only through the stmtlint_host table passed to
 * init(), check() and fini().  They never allocate diagnostics: they ask the
 * host to report one, and the host owns it.  Memory that a plugin allocates
 * for its own state is the plugin's to free in fini().  Data the host hands
 * out (nodes, datasets, resources, strings) stays the host's and lives at
 * least until the plugin's fini() returns.
 *
 * Positions are byte offsets into stmtlint_doc.text, half-open [start, end).
 * The host turns them into 1-based lines and columns for people and into
 * UTF-16 positions for editors.
 *
 * Versions.  STMTLINT_ABI_VERSION packs a major and a minor version.  The
 * major version changes only when something in this header changes
 * incompatibly; a plugin whose major version differs from the host's is
 * refused with a message naming both.  The minor version grows when host
 * services or document fields are appended, never inserted or changed: a
 * host loads every plugin of its major version whose minor version is its
 * own or older (a plugin built against ABI 1.0 runs on a 1.1 host), and
 * refuses a plugin built against a newer minor version than it offers.
 * Fields marked "(ABI 1.1)" below exist from minor version 1 on, those
 * marked "(ABI 1.2)" from minor version 2 on; a plugin built against this
 * header may use them, since an older host refuses it.
 */
#ifndef STMTLINT_PLUGIN_H
#define STMTLINT_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The major version: bumped on every incompatible change of this header. */
#define STMTLINT_ABI_MAJOR 1u
/* The minor version: bumped when services or fields are appended. */
#define STMTLINT_ABI_MINOR 2u
/* Both, as a plugin's descriptor and the host table carry them.  ABI 1.0
 * wrote plain 1u, which reads as major 1, minor 0. */
#define STMTLINT_ABI_VERSION ((STMTLINT_ABI_MINOR << 16) | STMTLINT_ABI_MAJOR)
#define STMTLINT_ABI_MAJOR_OF(v) ((unsigned)(v) & 0xFFFFu)
#define STMTLINT_ABI_MINOR_OF(v) ((unsigned)(v) >> 16)

/* The one symbol a plugin exports. */
#define STMTLINT_PLUGIN_ENTRY_NAME "stmtlint_plugin_entry"

#if defined(__GNUC__)
#define STMTLINT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define STMTLINT_EXPORT __attribute__((visibility("default")))
#else
#define STMTLINT_PRINTF(f, a)
#define STMTLINT_EXPORT
#endif

/* Severities, in increasing order.  STMTLINT_OFF disables a rule. */
typedef enum stmtlint_severity {
	STMTLINT_OFF = 0,
	STMTLINT_NOTE = 1,
	STMTLINT_WARNING = 2,
	STMTLINT_ERROR = 3
} stmtlint_severity;

/* A half-open byte range [start, end) of stmtlint_doc.text. */
typedef struct stmtlint_span {
	size_t start;
	size_t end;
} stmtlint_span;

/* ------------------------------------------------------------------ */
/* The document model: built once per draft, shared read-only.         */
/* ------------------------------------------------------------------ */

typedef enum stmtlint_doc_format {
	STMTLINT_FORMAT_TEXT = 0,     /* plain text */
	STMTLINT_FORMAT_MARKDOWN = 1  /* Markdown, optionally with YAML front matter */
} stmtlint_doc_format;

typedef enum stmtlint_block_kind {
	STMTLINT_BLOCK_TITLE = 0,      /* the statement's title (first block, or first '#' heading) */
	STMTLINT_BLOCK_DATELINE,       /* a line that is only a date, near the top */
	STMTLINT_BLOCK_HEADING,        /* an unnumbered heading ('#' in Markdown; a short
	                                  standalone line before the first section in text) */
	STMTLINT_BLOCK_SECTION,        /* a numbered section heading: "1. Use of ICT:" or "## 1. …";
	                                  in Markdown also an item of an ordered list (not
	                                  inside another item), whose value is the number a
	                                  reader sees: "1. 1. 1." reads 1, 2, 3 */
	STMTLINT_BLOCK_ITEM,           /* a numbered item at the start of a line: "(1) …" */
	STMTLINT_BLOCK_BULLET,         /* a bullet: "- ", "• ", "* " (maybe "- (3) …", see number) */
	STMTLINT_BLOCK_PARAGRAPH,      /* anything else that is prose */
	STMTLINT_BLOCK_CODE,           /* Markdown code block, fenced or indented: not prose */
	STMTLINT_BLOCK_FRONT_MATTER,   /* YAML front matter: not prose */
	STMTLINT_BLOCK_COMMENT         /* an HTML comment on lines of its own, or a Markdown
	                                  HTML block ("<div>…"): not prose */
} stmtlint_block_kind;

/* (ABI 1.1) Why a byte of stmtlint_doc.text is not prose, as
 * stmtlint_doc.nonprose records it (one byte for each byte of text).  Every
 * byte that prose blanks to a space has one of these reasons; every other
 * byte is STMTLINT_NONPROSE_NONE.  White space that prose only normalises
 * (a tab, the CR of "\r\n") is prose.  List markers and numbers ("-",
 * "1.", "(3)") stay in prose too: stmtlint_block.marker says where they
 * are.  A line end inside a range that is not prose (a fenced code block,
 * a comment over several lines) carries the range's reason, though prose
 * keeps it as "\n" so that lines hold. */
typedef enum stmtlint_nonprose {
	STMTLINT_NONPROSE_NONE = 0,      /* prose */
	STMTLINT_NONPROSE_CODE = 1,      /* a code span with its backticks, or a code block
	                                    (fenced, with its fences, or indented) */
	STMTLINT_NONPROSE_URL = 2,       /* a bare URL ("https://…", "www.…"), or a Markdown
	                                    link's destination (and title) inside "(…)" */
	STMTLINT_NONPROSE_MARKUP = 3,    /* Markdown markers: emphasis ("**", "_"), a heading's
	                                    '#'s or setext underline, a link's or image's "[",
	                                    "]", "!", "(" and ")", a reference link's "[label]",
	                                    a block quote's '>', a thematic break ("***") */
	STMTLINT_NONPROSE_COMMENT = 4,   /* an HTML comment "<!-- … -->", or the "<!--" of one
	                                    never closed */
	STMTLINT_NONPROSE_FRONT_MATTER = 5, /* YAML front matter with its "---" lines */
	STMTLINT_NONPROSE_ESCAPE = 6,    /* the backslash of a Markdown escape ("\*"); the
	                                    escaped character is prose */
	STMTLINT_NONPROSE_HTML = 7       /* an HTML tag ("<sup>", "</sup>", "<br/>"), or a
	                                    Markdown HTML block */
} stmtlint_nonprose;

typedef struct stmtlint_block {
	stmtlint_block_kind kind;
	size_t first_line;       /* 0-based index into stmtlint_doc.lines */
	size_t last_line;        /* 0-based, inclusive */
	stmtlint_span span;      /* the whole block, from its first byte to its last non-blank byte */
	stmtlint_span marker;    /* the structural marker: "##", "1.", "(1)", "-", "•"; empty when none */
	stmtlint_span number;    /* the number as written: "1." of a section, "(3)" of an item or of
	                            a bullet written "- (3) …"; empty when none */
	stmtlint_span content;   /* the text after the marker(s) and their white space */
	int value;               /* the number's value (section or item number); 0 when none */
	uint32_t bullet;         /* BULLET: the marker's code point ('-', 0x2022, '*'); else 0 */
	unsigned depth;          /* lists: nesting depth from indentation (0 = top level);
	                            Markdown headings: the level (1-6); else 0 */
	long section;            /* index of the SECTION block this block falls under, or -1 */
} stmtlint_block;

typedef struct stmtlint_doc {
	const char *path;             /* as given on the command line, or --stdin-filename */
	stmtlint_doc_format format;
	const char *text;             /* the draft, UTF-8, NUL-terminated; a BOM is not part of it,
	                                 invalid UTF-8 bytes are replaced by '?' (the host reports them) */
	size_t length;                /* bytes in text, without the terminating NUL */
	const char *prose;            /* text with everything that is not prose (front matter, code,
	                                 link targets, HTML comments, Markdown markers) blanked to
	                                 spaces; same length, newlines kept, so offsets are shared;
	                                 nonprose says why each blanked byte is not prose */
	const stmtlint_span *lines;   /* each line's content, without its "\n" or "\r\n" */
	size_t n_lines;
	const stmtlint_block *blocks; /* in document order */
	size_t n_blocks;
	const stmtlint_span *words;   /* words of prose: letters and digits, with inner ' ’ - joined */
	size_t n_words;
	const stmtlint_span *sentences; /* sentences of prose; never cross a block */
	size_t n_sentences;
	long title;                   /* index of the TITLE block, or -1 */
	long dateline;                /* index of the DATELINE block, or -1 */
	const char *meta_title;       /* front matter "title:", decoded; NULL when absent */
	stmtlint_span meta_title_span;
	const char *meta_date;        /* front matter "date:", decoded; NULL when absent */
	stmtlint_span meta_date_span;
	/* (ABI 1.1) */
	size_t bom;                   /* bytes of byte-order mark before text in the file (0 or 3):
	                                 offset + bom is the offset in the file as stored */
	const unsigned char *nonprose; /* why each byte of text is not prose: a stmtlint_nonprose
	                                 reason, 0 for prose; same length as text, so that a
	                                 plugin can tell "**Bold**," (markup before the comma)
	                                 from a space before a comma */
} stmtlint_doc;

/* ------------------------------------------------------------------ */
/* What a plugin declares.                                             */
/* ------------------------------------------------------------------ */

/* One check of a plugin, reported as "PLUGIN/ID". */
typedef struct stmtlint_check_spec {
	const char *id;
	stmtlint_severity severity;  /* default severity */
	const char *summary;
} stmtlint_check_spec;

typedef enum stmtlint_option_type {
	STMTLINT_OPT_BOOL = 0,   /* true | false */
	STMTLINT_OPT_INT,        /* an integer in [min, max] */
	STMTLINT_OPT_STRING,     /* a string; one of choices when choices is set */
	STMTLINT_OPT_LIST,       /* a sequence of strings */
	STMTLINT_OPT_DATA        /* any YAML; the plugin validates it in init() */
} stmtlint_option_type;

typedef struct stmtlint_option_spec {
	const char *name;
	stmtlint_option_type type;
	const char *default_value;    /* a YAML scalar, e.g. "14", "true", "month-day-year"; or NULL */
	const char *const *choices;   /* STRING: NULL-terminated allowed values, or NULL */
	long long min, max;           /* INT: allowed range */
	const char *help;
} stmtlint_option_spec;

typedef struct stmtlint_host stmtlint_host;
typedef struct stmtlint_ctx stmtlint_ctx;         /* one check of one draft (opaque) */
typedef struct stmtlint_diag stmtlint_diag;       /* a reported diagnostic (opaque, host-owned) */
typedef struct stmtlint_options stmtlint_options; /* a plugin's validated options (opaque) */
typedef struct stmtlint_node stmtlint_node;       /* a YAML value with its position (opaque) */
typedef struct stmtlint_regex stmtlint_regex;     /* a compiled pattern (opaque, host-owned) */
typedef struct stmtlint_resource stmtlint_resource; /* a process-wide object (opaque, host-owned) */

/* Report with this as the check index when the plugin has no checks table. */
#define STMTLINT_NO_CHECK ((size_t)-1)

typedef struct stmtlint_plugin {
	unsigned abi_version;                 /* STMTLINT_ABI_VERSION (major and minor) */
	const char *id;                       /* lower-case, [a-z0-9-]+, unique */
	const char *summary;                  /* one line, for --list-rules */
	stmtlint_severity severity;           /* default severity of STMTLINT_NO_CHECK reports */
	const stmtlint_check_spec *checks;    /* may be NULL */
	size_t n_checks;
	const stmtlint_option_spec *options;  /* may be NULL */
	size_t n_options;
	/* Called once per configuration, before any check.  Builds the plugin's
	 * read-only state (compiled patterns, tables) in *state.  Returns 0, or
	 * -1 after reporting why through host->config_error(). */
	int (*init)(const stmtlint_host *host, const stmtlint_options *opts, void **state);
	/* Checks one draft.  Must be re-entrant: state is shared read-only by
	 * concurrent calls.  Returns 0, or -1 when the draft could not be checked
	 * (the host then reports the plugin as failed for that draft). */
	int (*check)(const stmtlint_host *host, const void *state, stmtlint_ctx *ctx,
	             const stmtlint_doc *doc);
	/* Frees what init() built.  Called with whatever init() left in *state. */
	void (*fini)(const stmtlint_host *host, void *state);
} stmtlint_plugin;

/* The function every plugin exports, under STMTLINT_PLUGIN_ENTRY_NAME. */
typedef const stmtlint_plugin *(*stmtlint_plugin_entry_fn)(void);

/* ------------------------------------------------------------------ */
/* What the host offers.                                               */
/* ------------------------------------------------------------------ */

typedef enum stmtlint_node_kind {
	STMTLINT_NODE_SCALAR = 0,
	STMTLINT_NODE_SEQUENCE,
	STMTLINT_NODE_MAPPING
} stmtlint_node_kind;

/* Pattern flags for regex_compile(); patterns are always UTF-8 with Unicode
 * properties (PCRE2_UTF | PCRE2_UCP). */
#define STMTLINT_RE_CASELESS  0x1u
#define STMTLINT_RE_MULTILINE 0x2u
#define STMTLINT_RE_EXTENDED  0x4u

/* regex_match() results below zero. */
#define STMTLINT_RE_NOMATCH  0
#define STMTLINT_RE_LIMIT   (-1)   /* match or depth limit hit; the host reported it once */
#define STMTLINT_RE_ERROR   (-2)

struct stmtlint_host {
	unsigned abi_version;

	/* --- Diagnostics ---------------------------------------------- */

	/* Reports a finding of check `check` (an index into the plugin's
	 * checks, or STMTLINT_NO_CHECK) over [start, end) of doc->text.  The
	 * message is printf-formatted.  Returns a handle for notes and fix-its,
	 * or NULL when the check is off or suppressed there; note() and fix()
	 * accept NULL. */
	stmtlint_diag *(*report)(stmtlint_ctx *ctx, size_t check, size_t start, size_t end,
	                         const char *fmt, ...) STMTLINT_PRINTF(5, 6);
	/* Attaches a note at [start, end) of the same draft. */
	void (*note)(stmtlint_diag *diag, size_t start, size_t end, const char *fmt, ...)
	        STMTLINT_PRINTF(4, 5);
	/* Attaches a fix-it: replace [start, end) with `replacement` (copied).
	 * Only for fixes that are certain (a likely one: suggest()). */
	void (*fix)(stmtlint_diag *diag, size_t start, size_t end, const char *replacement);
	/* Whether check `check` is on for this run (to skip costly work). */
	int (*enabled)(const stmtlint_ctx *ctx, size_t check);

	/* --- Options and rule data (init only) -------------------------- */

	/* The value of option `name` (declared in the plugin's table), or of its
	 * default; NULL when it has neither. */
	const stmtlint_node *(*option)(const stmtlint_options *opts, const char *name);
	/* Typed shortcuts for BOOL, INT and STRING options (their default when unset). */
	int (*option_bool)(const stmtlint_options *opts, const char *name);
	long long (*option_int)(const stmtlint_options *opts, const char *name);
	const char *(*option_string)(const stmtlint_options *opts, const char *name);

	stmtlint_node_kind (*node_kind)(const stmtlint_node *node);
	/* A scalar's text (NUL-terminated), or NULL when the node is not a scalar. */
	const char *(*node_scalar)(const stmtlint_node *node);
	/* Number of items of a sequence, or of key/value pairs of a mapping; 0 otherwise. */
	size_t (*node_length)(const stmtlint_node *node);
	/* The i-th item of a sequence, or the i-th value of a mapping. */
	const stmtlint_node *(*node_item)(const stmtlint_node *node, size_t i);
	/* The i-th key of a mapping. */
	const stmtlint_node *(*node_key)(const stmtlint_node *node, size_t i);
	/* The value under scalar key `key` of a mapping, or NULL. */
	const stmtlint_node *(*node_get)(const stmtlint_node *node, const char *key);
	/* Reports "FILE:LINE:COL: error: …" at `node` (or at the plugin's
	 * configuration when node is NULL).  init() must then return -1. */
	void (*config_error)(const stmtlint_options *opts, const stmtlint_node *node,
	                     const char *fmt, ...) STMTLINT_PRINTF(3, 4);

	/* --- Patterns --------------------------------------------------- */

	/* Compiles a PCRE2 pattern once (JIT where available).  On error reports
	 * it at `node` (may be NULL) through config_error and returns NULL.  The
	 * plugin frees the result with regex_free() in fini(). */
	stmtlint_regex *(*regex_compile)(const stmtlint_options *opts, const stmtlint_node *node,
	                                 const char *pattern, unsigned flags);
	void (*regex_free)(stmtlint_regex *re);
	/* Matches `re` against subject[0, length) starting at byte `offset`,
	 * with the host's match and depth limits.  On a match fills up to
	 * `pairs` (start, end) pairs of byte offsets into `ovector` (unset
	 * groups are (SIZE_MAX, SIZE_MAX)) and returns the number of pairs set
	 * (>= 1).  Returns STMTLINT_RE_NOMATCH, STMTLINT_RE_LIMIT or
	 * STMTLINT_RE_ERROR otherwise.  Safe to call from concurrent checks. */
	int (*regex_match)(stmtlint_ctx *ctx, const stmtlint_regex *re, const char *subject,
	                   size_t length, size_t offset, size_t *ovector, size_t pairs);
	/* The number of named group `name`, or -1. */
	int (*regex_group)(const stmtlint_regex *re, const char *name);

	/* --- Positions -------------------------------------------------- */

	/* 1-based line and column (in code points) of byte `offset` of doc->text. */
	void (*position)(const stmtlint_doc *doc, size_t offset, size_t *line, size_t *column);
	/* Index of the line that holds byte `offset`. */
	size_t (*line_of)(const stmtlint_doc *doc, size_t offset);

	/* ===== (ABI 1.1) ================================================ */

	/* --- Fix-its with a title --------------------------------------- */

	/* Like fix(), with a one-line title for an editor's quick-fix menu
	 * ("Replace ‘•’ with ‘-’"); NULL gives a title made from the edit.
	 * Returns 0, or -1 when the fix was refused: [start, end) is not
	 * inside the draft or does not start and end on a character boundary
	 * (the host then also reports the plugin's mistake).  fix() applies
	 * the same checks. */
	int (*fix_titled)(stmtlint_diag *diag, size_t start, size_t end, const char *replacement,
	                  const char *title);

	/* --- Configuration that reaches plugins (init only) -------------- */

	/* The configuration's language ("en", "en-US", "en-GB", ...). */
	const char *(*language)(const stmtlint_options *opts);
	/* The word lists the configuration names (`dictionaries:`), resolved
	 * and confined to the repository; sets *paths to an array of *count
	 * paths the host owns. */
	void (*dictionaries)(const stmtlint_options *opts, const char *const **paths,
	                     size_t *count);
	/* The dataset the profile declares under `name` (its `data:` key): the
	 * root of a YAML file, or for a word list (.txt) a sequence of its
	 * words, one per non-empty line not starting with '#', each with its
	 * line.  Loaded once per process and shared read-only by every plugin
	 * and configuration that names the same file.  NULL when the profile
	 * declares no such dataset. */
	const stmtlint_node *(*dataset)(const stmtlint_options *opts, const char *name);

	/* --- Process-wide resources -------------------------------------- */

	/* Returns the resource known by `key` (which should name everything it
	 * is made from: "hunspell:en_US:/path/words.txt"), calling
	 * create(key, arg, why, whylen) the first time any configuration of
	 * the process asks for it; destroy(object) runs once at exit, before
	 * any plugin is unloaded.  With STMTLINT_RESOURCE_LOCKED (for libraries
	 * that are not thread-safe) resource_acquire() locks it until
	 * resource_release().  On failure create returns NULL with a reason in
	 * why; the host reports it through config_error and returns NULL.
	 * Call from init() only. */
	stmtlint_resource *(*resource)(const stmtlint_options *opts, const char *key,
	                               void *(*create)(const char *key, void *arg, char *why,
	                                               size_t whylen),
	                               void (*destroy)(void *object), void *arg, unsigned flags);
	/* The resource's object, locked for this thread when the resource was
	 * made with STMTLINT_RESOURCE_LOCKED; pair every call with release.
	 * NULL (and nothing locked) once a check that held the lock was stopped
	 * by the host (a crash, the time limit): the object may be half-changed,
	 * so the plugin must treat the check as failed. */
	void *(*resource_acquire)(const stmtlint_resource *res);
	void (*resource_release)(const stmtlint_resource *res);

	/* --- Text helpers: the one definition plugins share -------------- */

	/* Decodes the code point at s[0, len) into *cp and returns its length
	 * (1-4); an invalid or truncated sequence decodes as U+FFFD of length
	 * 1, so the result is never 0 for len > 0. */
	size_t (*utf8_decode)(const char *s, size_t len, uint32_t *cp);
	/* Writes cp as UTF-8 into out (room for 4 bytes); returns the length. */
	size_t (*utf8_encode)(uint32_t cp, char *out);
	/* Whether cp is white space to a reader: ASCII white space, the
	 * Unicode space separators (no-break spaces included) and the
	 * zero-width space. */
	int (*is_space)(uint32_t cp);
	/* Whether cp belongs to a word: letters, digits and marks. */
	int (*is_word_char)(uint32_t cp);
	/* The simple case folding of cp (lower case for letters that have one). */
	uint32_t (*fold_case)(uint32_t cp);
	/* The normalised form of the word s[0, len), as words are compared:
	 * case-folded, curly apostrophes as "'", ligatures spelled out, soft
	 * hyphens and zero-width characters dropped.  Writes at most outlen-1
	 * bytes and a NUL into out and returns the length the whole form needs
	 * (as snprintf does). */
	size_t (*word_normalize)(const char *s, size_t len, char *out, size_t outlen);

	/* ===== (ABI 1.2) ================================================ */

	/* --- Fix-its that are guesses ------------------------------------ */

	/* Like fix_titled(), for a replacement that is a guess rather than
	 * certain: one of several spelling suggestions, a likely intended
	 * name.  Outputs show it (JSON "guess": true, SARIF, an editor's
	 * quick fix), but `stmtlint --fix` and --diff never apply it, and it
	 * never keeps another finding's certain fix from being applied.
	 * Offer several guesses for one finding by calling it once for each,
	 * best first.  Returns 0, or -1 when refused as fix_titled() refuses. */
	int (*suggest)(stmtlint_diag *diag, size_t start, size_t end, const char *replacement,
	               const char *title);
};

/* stmtlint_host.resource() flags. */
#define STMTLINT_RESOURCE_SHARED 0u   /* the object is safe to use from several threads */
#define STMTLINT_RESOURCE_LOCKED 1u   /* one thread at a time: acquire() locks it */

#ifdef __cplusplus
}
#endif

#endif /* STMTLINT_PLUGIN_H */
