/*
 * Deliberate faults, asked for with crash=KIND on the command line, so
 * tests can check the crash report on a real boot.
 */
#ifndef KERNEL_CRASH_H
#define KERNEL_CRASH_H

#include "kernel/options.h"

/* Faults the way kind says; returns only for CRASH_NONE. */
void crash_on_purpose(enum crash_kind kind);

#endif
