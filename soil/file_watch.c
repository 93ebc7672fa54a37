/*
 * Watches on files (see soil/file.h): how epoll hears that a file's
 * readiness changed and that it was closed, the part of a Linux wait
 * queue that one CPU without threads still needs.
 */
#include "soil/file.h"

/* Adds w to f's watches. */
void file_watch_add(struct file *f, struct file_watch *w)
{
	w->next = f->watches;
	f->watches = w;
}

/* Takes w off f's watches. */
void file_watch_remove(struct file *f, struct file_watch *w)
{
	struct file_watch **p;

	for (p = &f->watches; *p; p = &(*p)->next)
		if (*p == w) {
			*p = w->next;
			return;
		}
}

/*
 * Tells every watch of f.  A watch may not remove itself or others from
 * its wake callback: epoll's only links its item to a ready list.
 */
void file_wake(struct file *f, unsigned events)
{
	struct file_watch *w;

	for (w = f->watches; w; w = w->next)
		w->wake(w, events);
}
