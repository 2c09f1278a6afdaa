/*
 * Tests for work-pool.c: every item runs exactly once whatever the number of threads,
 * on a worker number below it; one thread runs the items in the order given, on the
 * calling thread; after a failure no further item starts.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dispute/report.h"
#include "work-pool.h"

#define ITEMS 1000

struct record {
	unsigned runs[ITEMS];    /* each item writes only its own slot: no lock needed */
	unsigned worker[ITEMS];
	size_t sequence[ITEMS];  /* with one thread: the items in the order they ran */
	size_t ran;
	size_t fail_at;          /* the item that fails, or ITEMS for none */
	pthread_t caller;
	int off_caller;          /* with one thread: some item ran on another thread */
};

static int
note(void *ctx, size_t item, unsigned worker)
{
	struct record *r = ctx;

	r->runs[item]++;
	r->worker[item] = worker;
	return item == r->fail_at ? DISPUTE_FAILED : DISPUTE_OK;
}

static int
note_in_order(void *ctx, size_t item, unsigned worker)
{
	struct record *r = ctx;

	r->sequence[r->ran++] = item;
	if (!pthread_equal(pthread_self(), r->caller))
		r->off_caller = 1;
	return note(ctx, item, worker);
}

static void
start(struct record *r)
{
	memset(r, 0, sizeof *r);
	r->fail_at = ITEMS;
	r->caller = pthread_self();
}

static void
test_each_item_once(void **state)
{
	static const unsigned counts[] = { 1, 2, 3, 8, WORK_POOL_MAX };
	static struct record r;

	(void)state;
	for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
		start(&r);
		assert_int_equal(work_pool_run(counts[c], ITEMS, NULL, note, &r), DISPUTE_OK);
		for (size_t i = 0; i < ITEMS; i++) {
			assert_int_equal(r.runs[i], 1);
			assert_true(r.worker[i] < counts[c]);
		}
	}
}

static void
test_one_thread_keeps_the_order(void **state)
{
	static struct record r;
	static size_t order[ITEMS];

	(void)state;
	for (size_t i = 0; i < ITEMS; i++)
		order[i] = ITEMS - 1 - i;
	start(&r);
	assert_int_equal(work_pool_run(1, ITEMS, order, note_in_order, &r), DISPUTE_OK);
	assert_int_equal(r.ran, ITEMS);
	assert_memory_equal(r.sequence, order, sizeof order);
	assert_false(r.off_caller);
}

static void
test_failure_stops(void **state)
{
	static struct record r;

	(void)state;
	start(&r);
	r.fail_at = 10;
	assert_int_equal(work_pool_run(1, ITEMS, NULL, note_in_order, &r), DISPUTE_FAILED);
	assert_int_equal(r.ran, 11);
	/* With threads, the items already started finish; none runs twice. How many
	 * start before the others see the failure is up to the scheduler. */
	start(&r);
	r.fail_at = 0;
	assert_int_equal(work_pool_run(4, ITEMS, NULL, note, &r), DISPUTE_FAILED);
	assert_int_equal(r.runs[0], 1);
	for (size_t i = 0; i < ITEMS; i++)
		assert_true(r.runs[i] <= 1);
}

static void
test_no_items_and_thread_counts(void **state)
{
	static struct record r;

	(void)state;
	start(&r);
	assert_int_equal(work_pool_run(8, 0, NULL, note, &r), DISPUTE_OK);
	assert_int_equal(work_pool_threads(3), 3);
	assert_int_equal(work_pool_threads(WORK_POOL_MAX), WORK_POOL_MAX);
	/* 0 (or too many) is one per online core, never none. */
	assert_true(work_pool_threads(0) >= 1 && work_pool_threads(0) <= WORK_POOL_MAX);
	assert_int_equal(work_pool_threads(WORK_POOL_MAX + 1), work_pool_threads(0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_item_once),
		cmocka_unit_test(test_one_thread_keeps_the_order),
		cmocka_unit_test(test_failure_stops),
		cmocka_unit_test(test_no_items_and_thread_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
