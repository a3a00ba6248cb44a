# Test-only plugins: real shared objects (libtool builds them in
# tests/plugins/.libs because of -rpath), never installed.
check_LTLIBRARIES += tests/plugins/good.la tests/plugins/bad_abi.la \
	tests/plugins/no_entry.la tests/plugins/dup_id.la tests/plugins/failing_init.la \
	tests/plugins/abi1_plugin.la tests/plugins/shared_data.la tests/plugins/misbehave.la \
	tests/plugins/delete_file.la tests/plugins/fixer.la

tests_plugins_good_la_SOURCES = tests/plugins/good.c
tests_plugins_good_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
tests_plugins_bad_abi_la_SOURCES = tests/plugins/bad_abi.c
tests_plugins_bad_abi_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
tests_plugins_dup_id_la_SOURCES = tests/plugins/dup_id.c
tests_plugins_dup_id_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
tests_plugins_failing_init_la_SOURCES = tests/plugins/failing_init.c
tests_plugins_failing_init_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
tests_plugins_delete_file_la_SOURCES = tests/plugins/delete_file.c
tests_plugins_delete_file_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
tests_plugins_fixer_la_SOURCES = tests/plugins/fixer.c
tests_plugins_fixer_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
# Not a plugin: it must export a symbol, but not stmtlint_plugin_entry, so
# it cannot use PLUGIN_LDFLAGS (whose export list keeps only that one).
tests_plugins_no_entry_la_SOURCES = tests/plugins/no_entry.c
tests_plugins_no_entry_la_LDFLAGS = -module -avoid-version -shared $(SAN_CFLAGS) \
	-rpath $(abs_builddir)
# Built against the frozen ABI 1.0 header: newer hosts must still load it.
tests_plugins_abi1_plugin_la_SOURCES = tests/plugins/abi1_plugin.c
tests_plugins_abi1_plugin_la_CPPFLAGS = -I$(top_srcdir)/tests/plugins/abi1 $(AM_CPPFLAGS)
tests_plugins_abi1_plugin_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
EXTRA_DIST += tests/plugins/abi1/stmtlint/plugin.h
tests_plugins_shared_data_la_SOURCES = tests/plugins/shared_data.c
tests_plugins_shared_data_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
tests_plugins_misbehave_la_SOURCES = tests/plugins/misbehave.c
tests_plugins_misbehave_la_LDFLAGS = $(TESTPLUGIN_FLAGS)
