/*
 * Unit test of kernel/input.c: order, wrap-around, a full queue drops
 * the rest and says so once per run of drops.
 */
#include <string.h>

#include "kernel/input.h"
#include "tests/unit/check.h"
#include "tests/unit/kstubs.h"

/*
 * The input queue: order, wrapping around the ring, dropping when full with
 * one report per run of drops.
 */
int main(void)
{
	char buf[INPUT_QUEUE_SIZE + 8], got[INPUT_QUEUE_SIZE + 8];
	size_t i, n;

	CHECK(input_pop(got, sizeof(got)) == 0);
	CHECK(input_push("abc", 3) == 3);
	CHECK(input_pop(got, 2) == 2 && !memcmp(got, "ab", 2));
	CHECK(input_push("de", 2) == 2);
	CHECK(input_pop(got, sizeof(got)) == 3 && !memcmp(got, "cde", 3));

	/* Around the end of the ring several times, in uneven pieces. */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7);
	for (i = 0; i < 5; i++) {
		n = 300 + i * 100;
		CHECK(input_push(buf, n) == n);
		CHECK(input_pop(got, sizeof(got)) == n &&
		    !memcmp(got, buf, n));
	}

	/* Full: the rest is dropped, reported once for the run. */
	kstubs_log_clear();
	CHECK(input_push(buf, INPUT_QUEUE_SIZE - 10) == INPUT_QUEUE_SIZE - 10);
	CHECK(input_push(buf, 20) == 10);
	CHECK(input_push(buf, 5) == 0);
	CHECK(strstr(kstubs_log(), "queue full") != NULL);
	CHECK(strstr(strstr(kstubs_log(), "queue full") + 1, "queue full") ==
	    NULL);
	CHECK(input_pop(got, sizeof(got)) == INPUT_QUEUE_SIZE);
	CHECK(!memcmp(got, buf, INPUT_QUEUE_SIZE - 10) &&
	    !memcmp(got + INPUT_QUEUE_SIZE - 10, buf, 10));
	/* A new run of drops is reported again. */
	kstubs_log_clear();
	CHECK(input_push("x", 1) == 1);
	CHECK(strstr(kstubs_log(), "queue full") == NULL);
	return check_report("input");
}
