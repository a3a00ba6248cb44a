/* fuzz_doc.c - libFuzzer harness of the document reader: any bytes, read as
 * plain text and as Markdown (with front matter), then the reader's own
 * findings printed as the command line prints them. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "doc.h"
#include "output.h"
#include "fuzz_support.h"

static FILE *devnull;

static void close_devnull(void)
{
	if (devnull != NULL)
		fclose(devnull);
	devnull = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	atexit(close_devnull);
	return 0;
}

static void read_as(const uint8_t *data, size_t size, const char *path, stmtlint_doc_format format)
{
	sl_doc *doc = doc_build(path, (const char *)data, size, format);
	output_opts o = { 1, POSITION_UNIT_DISPLAY };
	diag_list l;
	size_t i;

	if (doc == NULL)
		return;
	diag_list_init(&l);
	for (i = 0; i < doc->n_issues; i++)
		diag_add(&l, doc->issues[i].rule, doc->issues[i].severity, doc->issues[i].start,
		         doc->issues[i].end, doc->issues[i].message);
	/* One finding over each block, so every line's caret is drawn. */
	for (i = 0; i < doc->pub.n_blocks; i++)
		diag_add(&l, "fuzz/block", STMTLINT_NOTE, doc->pub.blocks[i].span.start,
		         doc->pub.blocks[i].span.end, "block");
	diag_sort(&l);
	if (devnull != NULL)
		output_text(devnull, &o, &doc->pub, &l);
	diag_list_free(&l);
	doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_as(data, size, "fuzz.txt", STMTLINT_FORMAT_TEXT);
	read_as(data, size, "fuzz.md", STMTLINT_FORMAT_MARKDOWN);
	return 0;
}
