/*
 * dataroots.c - the root mappings of a dataset (see dataroots.h).
 */
#include "dataroots.h"

int dr_roots(const stmtlint_host *host, const stmtlint_options *opts,
             const stmtlint_node *dataset, const char *name, const stmtlint_node **roots,
             size_t max, size_t *count)
{
	size_t i;
	size_t n;

	*count = 0;
	if (!dataset)
		return 0;
	if (host->node_kind(dataset) == STMTLINT_NODE_MAPPING) {
		roots[0] = dataset;
		*count = max > 0;
		return 0;
	}
	if (host->node_kind(dataset) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(opts, dataset, "dataset '%s' must be a mapping", name);
		return -1;
	}
	n = host->node_length(dataset);
	if (n > max) {
		host->config_error(opts, dataset, "dataset '%s' has %zu files; at most %zu are read",
		                   name, n, max);
		return -1;
	}
	for (i = 0; i < n; i++) {
		const stmtlint_node *root = host->node_item(dataset, i);

		if (host->node_kind(root) != STMTLINT_NODE_MAPPING) {
			host->config_error(opts, root, "each file of dataset '%s' must be a mapping", name);
			return -1;
		}
		roots[i] = root;
	}
	*count = n;
	return 0;
}

int dr_strings(const stmtlint_host *host, const stmtlint_options *opts,
               const stmtlint_node *node, const char *what,
               int (*add)(void *arg, const char *s, const stmtlint_node *at), void *arg)
{
	size_t i;

	if (!node)
		return 0;
	if (host->node_kind(node) != STMTLINT_NODE_SEQUENCE) {
		host->config_error(opts, node, "'%s' must be a sequence of strings", what);
		return -1;
	}
	for (i = 0; i < host->node_length(node); i++) {
		const stmtlint_node *item = host->node_item(node, i);
		const char *s = host->node_scalar(item);

		if (!s || !s[0]) {
			host->config_error(opts, item, "each item of '%s' must be a non-empty string", what);
			return -1;
		}
		if (add(arg, s, item) < 0)
			return -1;
	}
	return 0;
}
